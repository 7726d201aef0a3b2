package newsroom.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The site's stylesheet and scripts, named by a hash of their content so they can be cached forever.
 * The search script is made of Snowball's stemmers, the Kazakh suffix table the index is built with,
 * and the search page's own code.
 */
public final class Assets {
    private final byte[] css = resource("site.css");
    private final byte[] js = resource("site.js");
    private final byte[] search = searchScriptBytes();
    private final byte[] prefs = resource("prefs.js");
    private static final byte[] FAVICON = resource("favicon.ico");
    private final String prefsPath = SitePaths.asset("prefs.js", hash(prefs));
    private final String cssPath = SitePaths.asset("site.css", hash(css));
    private final String jsPath = SitePaths.asset("site.js", hash(js));
    private final String searchPath = SitePaths.asset("search.js", hash(search));

    /** The script in every page's head that applies the reader's font size and scheme. */
    public String prefsScriptPath() {
        return prefsPath;
    }

    public byte[] prefsScript() {
        return prefs.clone();
    }

    public String searchScriptPath() {
        return searchPath;
    }

    public byte[] searchScript() {
        return search.clone();
    }

    /** The search script as shipped: one file, so the page needs one request and no other origin. */
    public static byte[] searchScriptBytes() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(resource("snowball-stemmers.js"));
        out.writeBytes("\nvar NEWSROOM_KK_SUFFIXES = ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(resource(newsroom.search.KazakhStemmer.TABLE));
        out.writeBytes(";\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(resource("search.js"));
        return out.toByteArray();
    }

    public String stylesheetPath() {
        return cssPath;
    }

    public String scriptPath() {
        return jsPath;
    }

    public byte[] stylesheet() {
        return css.clone();
    }

    public byte[] script() {
        return js.clone();
    }

    /**
     * Every file the assets page writes: the stylesheet, the scripts and the emblem under their
     * hashed names, and the favicon (the emblem's shapes at 16, 32 and 48 pixels).
     */
    public java.util.List<Output.Put> outputs() {
        return java.util.List.of(
                new Output.Put(key(cssPath), stylesheet(), "text/css; charset=utf-8", Output.IMMUTABLE),
                new Output.Put(key(jsPath), script(), JAVASCRIPT, Output.IMMUTABLE),
                new Output.Put(key(prefsPath), prefsScript(), JAVASCRIPT, Output.IMMUTABLE),
                new Output.Put(key(searchPath), searchScript(), JAVASCRIPT, Output.IMMUTABLE),
                new Output.Put(
                        key(newsroom.site.SiteSettings.emblemAddress()),
                        newsroom.site.SiteSettings.emblemSvg(),
                        "image/svg+xml",
                        Output.IMMUTABLE),
                // browsers ask for it at the site's root whatever the page says; not hashed, so
                // cached a day rather than for good
                new Output.Put("favicon.ico", FAVICON.clone(), "image/vnd.microsoft.icon", "public, max-age=86400"));
    }

    private static final String JAVASCRIPT = "text/javascript; charset=utf-8";

    private static String key(String path) {
        return path.substring(1);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing asset " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
