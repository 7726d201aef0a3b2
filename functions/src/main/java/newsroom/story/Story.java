package newsroom.story;

import java.time.Instant;
import java.util.ArrayList;
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
        List<GalleryImage> gallery,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        Map<String, Translation> translations) {

    public Story {
        tags = List.copyOf(tags);
        gallery = gallery == null ? List.of() : List.copyOf(gallery);
        translations = Collections.unmodifiableMap(new LinkedHashMap<>(translations));
    }

    /** A story without a gallery. */
    public Story(
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
        this(
                id,
                category,
                tags,
                author,
                image,
                List.of(),
                version,
                createdAt,
                createdBy,
                updatedAt,
                updatedBy,
                translations);
    }

    public Optional<Translation> translation(String lang) {
        return Optional.ofNullable(translations.get(lang));
    }

    public String etag() {
        return "\"" + version + "\"";
    }

    /** This story with these translations, as a new version that {@code actor} made at {@code now}. */
    public Story withTranslations(Map<String, Translation> changed, long newVersion, Actor actor, Instant now) {
        return new Story(
                id, category, tags, author, image, gallery, newVersion, createdAt, createdBy, now, actor.id(), changed);
    }

    /**
     * The next version of this story with the named translations published, scheduled or unpublished
     * (to {@code status} at {@code when}). Publishing a published translation again keeps its
     * publication time when {@code keepPublicationTime}; naming a language the story lacks is refused,
     * and so is publishing or scheduling a translation that does not describe the story's image.
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
        if (status != Status.DRAFT) {
            List<FieldError> undescribed = undescribedImage(langs);
            if (!undescribed.isEmpty()) return Outcome.rejected(new Rejection.Invalid(undescribed));
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

    /**
     * The named translations that may not go public because the story has an image (its lead image
     * or one of its gallery) and they have no alt text for it: a reader who cannot see the picture
     * would get nothing in its place. Named as the API names the field, so a client can point at it.
     */
    public List<FieldError> undescribedImage(Collection<String> langs) {
        List<FieldError> errors = new ArrayList<>();
        for (String lang : langs) {
            Translation t = translations.get(lang);
            if (t == null) continue;
            if (image != null && (t.imageAlt() == null || t.imageAlt().isBlank())) {
                errors.add(new FieldError(
                        "translations." + lang + ".imageAlt",
                        "describe the story's image in this language before it is published or scheduled"));
            }
            for (int i = 0; i < gallery.size(); i++) {
                if (gallery.get(i).alt(lang).isEmpty()) {
                    errors.add(new FieldError(
                            "gallery[" + i + "].alt." + lang,
                            "describe this picture in this language before it is published or scheduled"));
                }
            }
        }
        return errors;
    }

    /** Every picture the story shows: its image, then its gallery's, each once. */
    public List<String> pictureSources() {
        java.util.LinkedHashSet<String> sources = new java.util.LinkedHashSet<>();
        if (image != null) sources.add(image.src());
        gallery.forEach(g -> sources.add(g.src()));
        return List.copyOf(sources);
    }
}
