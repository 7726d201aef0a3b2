package newsroom.story;

import java.time.Instant;

/**
 * One language version of a story, with its source as written and the sanitized HTML rendered from
 * it at write time.
 */
public record Translation(
        String lang,
        String title,
        String lead,
        String dateline,
        String bodySource,
        BodyFormat format,
        String bodyHtml,
        String slug,
        Status status,
        Instant publishedAt,
        String caption,
        String imageAlt,
        Instant updatedAt,
        String updatedBy) {

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    public Translation withStatus(Status newStatus, Instant when) {
        return new Translation(
                lang,
                title,
                lead,
                dateline,
                bodySource,
                format,
                bodyHtml,
                slug,
                newStatus,
                when,
                caption,
                imageAlt,
                updatedAt,
                updatedBy);
    }

    public Translation touchedBy(String who, Instant when) {
        return new Translation(
                lang,
                title,
                lead,
                dateline,
                bodySource,
                format,
                bodyHtml,
                slug,
                status,
                publishedAt,
                caption,
                imageAlt,
                when,
                who);
    }

    /** What a list shows of a translation: everything but its body. */
    public Outline outline() {
        return new Outline(
                lang,
                title,
                lead,
                dateline,
                format,
                slug,
                status,
                publishedAt,
                caption,
                imageAlt,
                updatedAt,
                updatedBy);
    }

    /** The translation of this outline with its body. */
    public static Translation of(Outline o, String bodySource, String bodyHtml) {
        return new Translation(
                o.lang(),
                o.title(),
                o.lead(),
                o.dateline(),
                bodySource,
                o.format(),
                bodyHtml,
                o.slug(),
                o.status(),
                o.publishedAt(),
                o.caption(),
                o.imageAlt(),
                o.updatedAt(),
                o.updatedBy());
    }

    /** A translation without its body, as lists read it. */
    public record Outline(
            String lang,
            String title,
            String lead,
            String dateline,
            BodyFormat format,
            String slug,
            Status status,
            Instant publishedAt,
            String caption,
            String imageAlt,
            Instant updatedAt,
            String updatedBy) {}
}
