package newsroom.story;

import java.time.Instant;
import java.util.Collection;
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

    /** This story with these translations, as a new version that {@code actor} made at {@code now}. */
    public Story withTranslations(Map<String, Translation> changed, long newVersion, Actor actor, Instant now) {
        return new Story(id, category, tags, author, image, newVersion, createdAt, createdBy, now, actor.id(), changed);
    }

    /**
     * The next version of this story with the named translations published, scheduled or unpublished
     * (to {@code status} at {@code when}). Publishing a published translation again keeps its
     * publication time when {@code keepPublicationTime}; naming a language the story lacks is refused.
     */
    public Outcome<Story> withStatus(
            Collection<String> langs,
            Status status,
            Instant when,
            boolean keepPublicationTime,
            Actor actor,
            Instant now) {
        for (String lang : langs) {
            if (!translations.containsKey(lang)) {
                return Outcome.rejected(Rejection.Invalid.of("languages", "the story has no " + lang + " translation"));
            }
        }
        Map<String, Translation> changed = new LinkedHashMap<>(translations);
        for (String lang : langs) {
            Translation before = changed.get(lang);
            Instant at = keepPublicationTime && status == Status.PUBLISHED && before.isPublished()
                    ? before.publishedAt()
                    : when;
            changed.put(lang, before.withStatus(status, at).touchedBy(actor.id(), now));
        }
        return Outcome.done(withTranslations(changed, version + 1, actor, now));
    }
}
