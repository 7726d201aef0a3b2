package newsroom.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The site's stylesheet and script, named by a hash of their content so they can be cached forever.
 */
public final class Assets {
    private final byte[] css = resource("site.css");
    private final byte[] js = resource("site.js");
    private final String cssPath = "/assets/site." + hash(css) + ".css";
    private final String jsPath = "/assets/site." + hash(js) + ".js";

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
