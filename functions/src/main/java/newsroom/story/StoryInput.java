package newsroom.story;

import java.util.List;
import java.util.Map;

/** What a staff member sends to create or replace a story, before validation. */
public record StoryInput(
        String category,
        List<String> tags,
        String author,
        String imageSrc,
        Map<String, TranslationInput> translations) {

    public StoryInput {
        tags = tags == null ? List.of() : List.copyOf(tags);
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** One language as sent by staff; the slug is optional and derived from the title when absent. */
    public record TranslationInput(
            String title,
            String lead,
            String dateline,
            String body,
            BodyFormat format,
            String slug,
            String caption,
            String imageAlt) {}
}
