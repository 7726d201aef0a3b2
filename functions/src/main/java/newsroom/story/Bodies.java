package newsroom.story;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Turns what staff wrote (CommonMark or HTML) into HTML that is safe to show readers. Runs once, at
 * write time; pages only embed the result.
 */
public final class Bodies {
    private static final Parser MARKDOWN = Parser.builder().build();
    // escapeHtml: raw HTML inside Markdown is shown as text, never passed through
    private static final HtmlRenderer MARKDOWN_HTML =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowAttributes("href", "title")
                    .onElements("a")
                    .allowStandardUrlProtocols()
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .toFactory())
            .and(new HtmlPolicyBuilder()
                    .allowElements("img")
                    .allowAttributes("alt", "title")
                    .onElements("img")
                    .allowAttributes("src")
                    .matching((String elementName, String attributeName, String value) ->
                            value.startsWith("/media/") || value.startsWith("https://") ? value : null)
                    .onElements("img")
                    .allowUrlProtocols("https")
                    .toFactory())
            .and(new HtmlPolicyBuilder()
                    .allowElements(
                            "figure",
                            "figcaption",
                            "pre",
                            "code",
                            "hr",
                            "br",
                            "sup",
                            "sub",
                            "small",
                            "mark",
                            "cite",
                            "q",
                            "abbr",
                            "dl",
                            "dt",
                            "dd")
                    .toFactory());

    private Bodies() {}

    public static String toSafeHtml(String source, BodyFormat format) {
        String html = switch (format) {
            case MARKDOWN -> MARKDOWN_HTML.render(MARKDOWN.parse(source));
            case HTML -> source;
        };
        return POLICY.sanitize(html).strip();
    }

    private static final java.util.regex.Pattern INLINE_TAG = java.util.regex.Pattern.compile(
            "(?i)</?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)(?:\\s[^>]*)?/?>");
    private static final java.util.regex.Pattern BLOCK_TAG = java.util.regex.Pattern.compile("(?s)<[^>]*>");

    /** The words of a body, for excerpts and feeds: every tag dropped, entities decoded. */
    public static String plainText(String safeHtml) {
        // Inline elements join their text to the words around them ("<b>Almaty</b>," is
        // "Almaty,"); every other tag separates words.
        String noTags =
                BLOCK_TAG.matcher(INLINE_TAG.matcher(safeHtml).replaceAll("")).replaceAll(" ");
        return org.owasp.html.Encoding.decodeHtml(noTags, false)
                .replaceAll("\\s+", " ")
                .strip();
    }
}
