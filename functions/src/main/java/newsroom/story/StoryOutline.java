package newsroom.story;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A story as a list shows it: what its translations share and each translation's outline. A list
 * reads no bodies, so this type has none: "not read" cannot be mistaken for "empty".
 */
public record StoryOutline(
        StoryId id,
        String category,
        List<String> tags,
        String author,
        Image image,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        Map<String, Translation.Outline> translations) {

    public StoryOutline {
        tags = List.copyOf(tags);
        translations = Collections.unmodifiableMap(new LinkedHashMap<>(translations));
    }

    /** The outline of a story read whole. */
    public static StoryOutline of(Story story) {
        Map<String, Translation.Outline> outlines = new LinkedHashMap<>();
        story.translations().forEach((lang, t) -> outlines.put(lang, t.outline()));
        return new StoryOutline(
                story.id(),
                story.category(),
                story.tags(),
                story.author(),
                story.image(),
                story.version(),
                story.createdAt(),
                story.createdBy(),
                story.updatedAt(),
                story.updatedBy(),
                outlines);
    }
}
