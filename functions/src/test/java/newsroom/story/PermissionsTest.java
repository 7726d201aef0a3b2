package newsroom.story;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each role may do, as the one policy says it. */
class PermissionsTest {
    static final Actor READER = new Actor("r", Set.of());
    static final Actor WRITER = new Actor("w", Set.of("writers"));
    static final Actor EDITOR = new Actor("e", Set.of("editors"));
    static final Actor ADMIN = new Actor("a", Set.of("admins"));

    @Test
    void writersWriteEditorsPublishAdminsRebuild() {
        assertEquals("-WEA", allowed(Permissions::useStaffApi));
        assertEquals("--EA", allowed(Permissions::publish));
        assertEquals("---A", allowed(Permissions::rebuildSite));
    }

    @Test
    void onlyEditorsChangeWhatHasBeenPublishedOrReadADeletedStorysHistory() {
        assertEquals(
                new Rejection.NotAllowed("writers remove drafts only; ask an editor to unpublish"),
                Permissions.removeTranslation(WRITER, SiteTexts.PUBLISHED).orElseThrow());
        assertEquals(
                true, Permissions.removeTranslation(WRITER, SiteTexts.DRAFT).isEmpty());
        assertEquals(
                true, Permissions.removeTranslation(EDITOR, SiteTexts.PUBLISHED).isEmpty());
        assertEquals(false, Permissions.readDeletedHistory(WRITER));
        assertEquals(true, Permissions.readDeletedHistory(EDITOR));
    }

    private static String allowed(java.util.function.Function<Actor, java.util.Optional<Rejection.NotAllowed>> rule) {
        StringBuilder out = new StringBuilder();
        out.append(rule.apply(READER).isEmpty() ? "R" : "-");
        out.append(rule.apply(WRITER).isEmpty() ? "W" : "-");
        out.append(rule.apply(EDITOR).isEmpty() ? "E" : "-");
        out.append(rule.apply(ADMIN).isEmpty() ? "A" : "-");
        return out.toString();
    }

    /** Two translations that differ only in their status. */
    static final class SiteTexts {
        static final Translation DRAFT = of(Status.DRAFT);
        static final Translation PUBLISHED = of(Status.PUBLISHED);

        static Translation of(Status status) {
            java.time.Instant at = java.time.Instant.parse("2026-11-20T06:00:00Z");
            return new Translation(
                    "en",
                    "Title",
                    "",
                    "",
                    "Body",
                    BodyFormat.MARKDOWN,
                    "<p>Body</p>",
                    "title",
                    status,
                    status == Status.DRAFT ? null : at,
                    null,
                    null,
                    at,
                    "editor");
        }
    }
}
