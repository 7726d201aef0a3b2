package newsroom.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Request paths that try to turn the CDN's trailing-slash redirect into a redirect to another host,
 * or to reach outside the site's paths, with what the URL function must answer. Shared by the test
 * of the function's own code and the test through the CDN emulator.
 */
final class HostileUris {
    /** The site's own host, against which a Location is resolved as a browser would. */
    static final String SITE_HOST = "news.example";

    /** A path as sent, and the status the function must give it (400: refused before any lookup). */
    record Case(String uri, int status) {}

    static List<Case> table() {
        List<Case> cases = new ArrayList<>();
        for (String uri : List.of(
                "//evil.example",
                "//evil.example/",
                "//evil.example/x",
                "//evil.example/x/",
                "///evil.example/x",
                "/en//evil.example",
                "/\\evil.example/x",
                "/\\\\evil.example",
                "/\\/evil.example/x",
                "/%2F%2Fevil.example/x",
                "/%2f%2fevil.example",
                "/%2F/evil.example",
                "/%5Cevil.example/x",
                "/%5c%5cevil.example",
                "/%5C/evil.example/x",
                "/%2F%5Cevil.example",
                "/%2e%2e/%2e%2e/evil",
                "/en/news/%2E%2E/x",
                "/en/news/%2e%2e",
                "/en/../x",
                "/./x",
                "/en/news/..",
                "/%2e/evil.example",
                "/%09/evil.example",
                "/%0d%0aLocation:%20//evil.example/x",
                "/%00evil",
                "/%E0%A4%A",
                "/%",
                "/x" + "a".repeat(5000),
                "/" + "a/".repeat(600),
                "/en/news/" + "slug-".repeat(300))) {
            cases.add(new Case(uri, 400));
        }
        // same-host answers that merely look odd: allowed, as long as they stay here
        cases.add(new Case("/@evil.example/x", 301));
        cases.add(new Case("/%252F%252Fevil.example/x", 301));
        cases.add(new Case("/evil.example%2F", 400));
        cases.add(new Case("/en/news/some-story", 301));
        return cases;
    }

    /**
     * The host a browser goes to for this Location on the site's page: backslashes read as slashes
     * and tabs and newlines dropped, as the WHATWG URL parser does for http(s).
     */
    static String hostOf(String location) {
        String l = location.replace('\\', '/').replaceAll("[\\t\\n\\r]", "").strip();
        String lower = l.toLowerCase(Locale.ROOT);
        if (lower.startsWith("//")) return authority(l.substring(2));
        int colon = lower.indexOf(':');
        int slash = lower.indexOf('/');
        if (colon > 0
                && (slash < 0 || colon < slash)
                && lower.substring(0, colon).matches("[a-z][a-z0-9+.-]*")) {
            String rest = l.substring(colon + 1);
            while (rest.startsWith("/")) rest = rest.substring(1);
            return authority(rest);
        }
        return SITE_HOST;
    }

    private static String authority(String rest) {
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = rest.indexOf(c);
            if (at >= 0 && at < end) end = at;
        }
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        return authority.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private HostileUris() {}
}
