package newsroom.story;

import java.time.Instant;
import java.util.Optional;

/** How what a writer sent becomes what is stored: the translation, its byline and its picture. */
final class Drafts {
    private Drafts() {}

    /**
     * The translation written from {@code in}: its slug as sent, else kept, else made from the title;
     * its body sanitized now; its publication state kept from {@code previous}.
     */
    static Translation translation(
            StoryId id,
            String lang,
            StoryInput.TranslationInput in,
            Optional<Translation> previous,
            Actor actor,
            Instant now) {
        String slug = in.slug() != null && !in.slug().isBlank()
                ? in.slug()
                : previous.map(Translation::slug).orElseGet(() -> Slugs.forStory(in.title(), id));
        BodyFormat format = in.format() == null ? BodyFormat.MARKDOWN : in.format();
        // an edit keeps the translation's publication state: editing a published story updates its page
        Status status = previous.map(Translation::status).orElse(Status.DRAFT);
        Instant publishedAt = previous.map(Translation::publishedAt).orElse(null);
        return new Translation(
                lang,
                in.title().strip(),
                blankToEmpty(in.lead()),
                blankToEmpty(in.dateline()),
                in.body(),
                format,
                Bodies.toSafeHtml(in.body(), format),
                slug,
                status,
                publishedAt,
                blankToNull(in.caption()),
                blankToNull(in.imageAlt()),
                now,
                actor.id());
    }

    /** The byline: as sent, else the writer's display name; never a user id, which is no name. */
    static String author(StoryInput input, Actor actor) {
        return input.author() == null || input.author().isBlank()
                ? actor.displayName()
                : input.author().strip();
    }

    static Image image(StoryInput input) {
        return input.imageSrc() == null ? null : new Image(input.imageSrc());
    }

    static java.util.List<GalleryImage> gallery(StoryInput input) {
        return input.gallery().stream()
                .map(g -> new GalleryImage(g.src(), g.caption(), g.alt()))
                .toList();
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
