package newsroom.render;

import java.time.Instant;
import java.util.Optional;
import newsroom.story.Excerpts;
import newsroom.story.Picture;
import newsroom.story.StoryId;
import newsroom.story.Translation;

/**
 * A published translation as the site lists it: the translation (in lists without its body), what
 * its story shares, the excerpt that teasers show, cut from the body when it was written, and the
 * renditions of its story's picture as they were when it was written (none when the story has no
 * picture, or none processed then), so that a list shows teasers' images without a read per teaser.
 */
public record Entry(
        StoryId id, String category, String image, Translation translation, String excerpt, Picture picture) {
    /** Characters of a teaser's excerpt. */
    public static final int EXCERPT_CHARS = Excerpts.CHARS;

    public Entry {
        if (picture != null && !picture.ready()) picture = null;
    }

    /** An entry whose story's picture is not known to the list. */
    public Entry(StoryId id, String category, String image, Translation translation, String excerpt) {
        this(id, category, image, translation, excerpt, null);
    }

    /** An entry of a translation read whole: its excerpt is cut from its body. */
    public Entry(StoryId id, String category, String image, Translation translation) {
        this(id, category, image, translation, Excerpts.of(translation));
    }

    /** The picture a teaser shows, when its renditions are known. */
    public Optional<Picture> listedPicture() {
        return Optional.ofNullable(picture);
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
