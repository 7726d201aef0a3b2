package newsroom.story;

import newsroom.site.Excerpt;

/**
 * The excerpt that teasers show: the plain text of a translation's body, cut at a word boundary. It
 * is the story's, so the table keeps it beside the translation and the site reads it back.
 */
public final class Excerpts {
    /** Characters of a teaser's excerpt. */
    public static final int CHARS = 280;

    private Excerpts() {}

    public static String of(Translation t) {
        return Excerpt.of(Bodies.plainText(t.bodyHtml()), CHARS);
    }
}
