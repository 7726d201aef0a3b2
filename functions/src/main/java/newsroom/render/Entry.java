package newsroom.render;

import java.time.Instant;
import newsroom.story.Excerpts;
import newsroom.story.StoryId;
import newsroom.story.Translation;

/**
 * A published translation as the site lists it: the translation (in lists without its body), what
 * its story shares, and the excerpt that teasers show, cut from the body when it was written.
 */
public record Entry(StoryId id, String category, String image, Translation translation, String excerpt) {
    /** Characters of a teaser's excerpt. */
    public static final int EXCERPT_CHARS = Excerpts.CHARS;

    /** An entry of a translation read whole: its excerpt is cut from its body. */
    public Entry(StoryId id, String category, String image, Translation translation) {
        this(id, category, image, translation, Excerpts.of(translation));
    }

    public String lang() {
        return translation.lang();
    }

    public Instant publishedAt() {
        return translation.publishedAt();
    }

    /** The public path of the entry's page. */
    public String path() {
        return SitePaths.article(translation);
    }
}
