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
}
