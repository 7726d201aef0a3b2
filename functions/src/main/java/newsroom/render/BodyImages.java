package newsroom.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images in an article's body: the first may be in view when the page opens, so it loads at once;
 * the ones after it load as the reader scrolls to them.
 */
final class BodyImages {
    /**
     * An img tag's start in sanitized HTML, where a literal {@code <} can only open a tag: text and
     * attribute values have theirs escaped.
     */
    private static final Pattern IMG = Pattern.compile("<img(?=[\\s/>])");

    private BodyImages() {}

    static String lazyBeyondFirst(String safeHtml) {
        Matcher m = IMG.matcher(safeHtml);
        if (!m.find()) return safeHtml;
        StringBuilder out = new StringBuilder(safeHtml.length() + 64);
        int from = m.end();
        out.append(safeHtml, 0, from);
        while (m.find()) {
            out.append(safeHtml, from, m.end()).append(" loading=\"lazy\" decoding=\"async\"");
            from = m.end();
        }
        return out.append(safeHtml, from, safeHtml.length()).toString();
    }
}
