package newsroom.story;

import java.util.List;
import java.util.Map;

/** What a staff member sends to create or replace a story, before validation. */
public record StoryInput(
        String category,
        List<String> tags,
        String author,
        String imageSrc,
        List<GalleryInput> gallery,
        Map<String, TranslationInput> translations) {

    public StoryInput {
        tags = tags == null ? List.of() : List.copyOf(tags);
        gallery = gallery == null ? List.of() : List.copyOf(gallery);
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** A story without a gallery. */
    public StoryInput(
            String category,
            List<String> tags,
            String author,
            String imageSrc,
            Map<String, TranslationInput> translations) {
        this(category, tags, author, imageSrc, List.of(), translations);
    }

    /** One gallery picture as sent: its src, and caption and alt text keyed by language. */
    public record GalleryInput(String src, Map<String, String> caption, Map<String, String> alt) {
        public GalleryInput {
            caption = caption == null
                    ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(caption));
            alt = alt == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(alt));
        }
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
