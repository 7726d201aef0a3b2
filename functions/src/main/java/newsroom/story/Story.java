package newsroom.story;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A news story: what its translations share, and the translations themselves by language. */
public record Story(
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
        Map<String, Translation> translations) {

    public Story {
        tags = List.copyOf(tags);
        translations = Collections.unmodifiableMap(new LinkedHashMap<>(translations));
    }

    public Optional<Translation> translation(String lang) {
        return Optional.ofNullable(translations.get(lang));
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
