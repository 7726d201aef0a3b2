package newsroom.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoryServiceTest {
    static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
    final InMemoryStories repository = new InMemoryStories();
    final StoryService service = new StoryService(
            repository, List.of("kk", "ru", "en"), List.of("city", "health"), Clock.fixed(NOW, ZoneOffset.UTC));
    final Actor editor = new Actor("erlan", Set.of("editors"));
    final Actor writer = new Actor("aliya", Set.of("writers"));

    static StoryInput.TranslationInput translation(String title) {
        return new StoryInput.TranslationInput(
                title,
                "Lead.",
                "Almaty",
                "Body with <script>alert(1)</script> text.",
                BodyFormat.MARKDOWN,
                null,
                null,
                null);
    }

    static StoryInput input(Map<String, StoryInput.TranslationInput> translations) {
        return new StoryInput("city", List.of("parks"), null, null, translations);
    }

    Story created(Actor actor, Map<String, StoryInput.TranslationInput> translations) {
        Outcome<Story> outcome = service.create(actor, input(translations));
        return ((Outcome.Done<Story>) assertInstanceOf(Outcome.Done.class, outcome)).value();
    }

    @Test
    void createdStoryIsADraftWithSanitizedBodyAndGeneratedSlug() {
        Story story = created(writer, Map.of("en", translation("New park opens")));
        Translation en = story.translation("en").orElseThrow();
        assertEquals(Status.DRAFT, en.status());
        assertEquals(1, story.version());
        assertTrue(en.slug().startsWith("new-park-opens"), en.slug());
        assertTrue(!en.bodyHtml().contains("<script"), en.bodyHtml());
        assertTrue(en.bodySource().contains("<script>"), "the source is kept for editing");
    }

    @Test
    void staleVersionIsRejected() {
        Story story = created(editor, Map.of("en", translation("Stale edits")));
        Outcome<Story> first = service.putTranslation(editor, story.id(), "en", 1, translation("First edit"));
        assertInstanceOf(Outcome.Done.class, first);
        Outcome<Story> second = service.putTranslation(editor, story.id(), "en", 1, translation("Second edit"));
        Rejection reason = assertInstanceOf(Outcome.Rejected.class, second).reason();
        assertInstanceOf(Rejection.Stale.class, reason);
        assertEquals(
                "First edit",
                repository
                        .find(story.id())
                        .orElseThrow()
                        .translation("en")
                        .orElseThrow()
                        .title());
    }

    @Test
    void unknownLanguageAndCategoryAreNamedFieldErrors() {
        Outcome<Story> outcome = service.create(
                writer, new StoryInput("weather", List.of(), null, null, Map.of("de", translation("Hallo"))));
        Rejection.Invalid invalid = assertInstanceOf(
                Rejection.Invalid.class,
                assertInstanceOf(Outcome.Rejected.class, outcome).reason());
        List<String> fields = invalid.errors().stream().map(FieldError::field).toList();
        assertTrue(fields.contains("category"), fields.toString());
        assertTrue(fields.contains("translations.de"), fields.toString());
    }

    @Test
    void tooLongTitleIsRejectedAndNothingIsStored() {
        Outcome<Story> outcome =
                service.create(writer, input(Map.of("en", translation("x".repeat(StoryLimits.MAX_TITLE + 1)))));
        assertInstanceOf(Outcome.Rejected.class, outcome);
        assertTrue(repository
                .list(
                        new StoryRepository.StoryFilter(Optional.empty(), Optional.empty(), Optional.empty()),
                        Optional.empty(),
                        10)
                .items()
                .isEmpty());
    }

    @Test
    void bodyWhoseHtmlOutgrowsItsLimitIsRejectedOnCreateAndEdit() {
        // within the source limit, but every "<" becomes "&lt;" in the HTML
        String body = "<".repeat(StoryLimits.MAX_BODY_BYTES);
        StoryInput.TranslationInput big =
                new StoryInput.TranslationInput("Angle brackets", "", "", body, BodyFormat.MARKDOWN, null, null, null);
        Rejection created = assertInstanceOf(Outcome.Rejected.class, service.create(writer, input(Map.of("en", big))))
                .reason();
        assertEquals(
                List.of("translations.en.body"),
                assertInstanceOf(Rejection.Invalid.class, created).errors().stream()
                        .map(FieldError::field)
                        .toList());
        Story story = created(writer, Map.of("en", translation("Small story")));
        Rejection edited = assertInstanceOf(
                        Outcome.Rejected.class, service.putTranslation(writer, story.id(), "en", 1, big))
                .reason();
        assertEquals(
                List.of("body"),
                assertInstanceOf(Rejection.Invalid.class, edited).errors().stream()
                        .map(FieldError::field)
                        .toList());
    }

    @Test
    void textThatXmlCannotCarryIsRejected() {
        for (String bad : List.of("Title \uffff", "Title \ufffe", "Title \u0085")) {
            Outcome<Story> outcome = service.create(writer, input(Map.of("en", translation(bad))));
            Rejection reason = assertInstanceOf(Outcome.Rejected.class, outcome).reason();
            assertEquals(
                    List.of("translations.en.title"),
                    assertInstanceOf(Rejection.Invalid.class, reason).errors().stream()
                            .map(FieldError::field)
                            .toList(),
                    bad);
        }
    }

    @Test
    void publishingInTheFutureSchedulesAndThePublisherPublishesWhenDue() {
        Story story = created(editor, Map.of("en", translation("Scheduled story")));
        Instant later = NOW.plusSeconds(3600);
        Story scheduled =
                ((Outcome.Done<Story>) service.publish(editor, story.id(), 1, List.of(), Optional.of(later))).value();
        assertEquals(Status.SCHEDULED, scheduled.translation("en").orElseThrow().status());
        assertEquals(0, service.publishDue(editor));

        StoryService afterwards = new StoryService(
                repository,
                List.of("kk", "ru", "en"),
                List.of("city"),
                Clock.fixed(later.plusSeconds(1), ZoneOffset.UTC));
        assertEquals(1, afterwards.publishDue(editor));
        Translation en =
                repository.find(story.id()).orElseThrow().translation("en").orElseThrow();
        assertEquals(Status.PUBLISHED, en.status());
        assertEquals(later, en.publishedAt());
    }

    @Test
    void publishingAPublishedTranslationAgainKeepsItsPublicationTime() {
        Story story = created(editor, Map.of("en", translation("Published once"), "ru", translation("Черновик")));
        service.publish(editor, story.id(), 1, List.of("en"), Optional.empty());
        StoryService later = new StoryService(
                repository,
                List.of("kk", "ru", "en"),
                List.of("city"),
                Clock.fixed(NOW.plusSeconds(7200), ZoneOffset.UTC));
        Story again = ((Outcome.Done<Story>) later.publish(editor, story.id(), 2, List.of(), Optional.empty())).value();
        assertEquals(NOW, again.translation("en").orElseThrow().publishedAt());
        assertEquals(
                NOW.plusSeconds(7200), again.translation("en").orElseThrow().updatedAt());
        // the language published for the first time is published now
        assertEquals(
                NOW.plusSeconds(7200), again.translation("ru").orElseThrow().publishedAt());
        // an explicit time still back-dates a published translation
        Instant backDated = NOW.minusSeconds(86_400);
        Story moved = ((Outcome.Done<Story>)
                        later.publish(editor, story.id(), 3, List.of("en"), Optional.of(backDated)))
                .value();
        assertEquals(backDated, moved.translation("en").orElseThrow().publishedAt());
    }

    @Test
    void writersMayNotEditPublishedTranslations() {
        Story story = created(writer, Map.of("en", translation("Writer story")));
        service.publish(editor, story.id(), 1, List.of(), Optional.empty());
        Outcome<Story> edit = service.putTranslation(writer, story.id(), "en", 2, translation("Changed"));
        assertInstanceOf(
                Rejection.NotAllowed.class,
                assertInstanceOf(Outcome.Rejected.class, edit).reason());
    }

    @Test
    void writersMayNotPublishUnpublishOrDeleteWhoeverAsks() {
        Story story = created(writer, Map.of("en", translation("Writer's draft")));
        for (Outcome<Story> outcome : List.of(
                service.publish(writer, story.id(), 1, List.of(), Optional.empty()),
                service.publish(writer, story.id(), 1, List.of(), Optional.of(NOW.plusSeconds(60))),
                service.unpublish(writer, story.id(), 1, List.of()),
                service.delete(writer, story.id(), 1))) {
            assertEquals(
                    new Rejection.NotAllowed("Only editors may publish, unpublish or delete."),
                    assertInstanceOf(Outcome.Rejected.class, outcome).reason());
        }
        assertEquals(1, repository.find(story.id()).orElseThrow().version(), "nothing changed");
    }

    @Test
    void thePublisherPublishesOnlyWithAnEditorsRights() {
        Story story = created(editor, Map.of("en", translation("Due story")));
        Instant later = NOW.plusSeconds(3600);
        service.publish(editor, story.id(), 1, List.of(), Optional.of(later));
        StoryService afterwards = new StoryService(
                repository,
                List.of("kk", "ru", "en"),
                List.of("city"),
                Clock.fixed(later.plusSeconds(1), ZoneOffset.UTC));
        assertEquals(0, afterwards.publishDue(writer), "a writer's schedule publishes nothing");
        assertEquals(1, afterwards.publishDue(editor));
    }

    @Test
    void everyAcceptedChangeLeavesARevision() {
        Story story = created(editor, Map.of("en", translation("Revisions"), "ru", translation("Ревизии")));
        service.publish(editor, story.id(), 1, List.of("en"), Optional.empty());
        service.unpublish(editor, story.id(), 2, List.of("en"));
        List<String> actions = repository.revisions(story.id()).stream()
                .map(r -> r.lang() + ":" + r.action())
                .toList();
        assertEquals(List.of("ru:create", "en:create", "en:published", "en:unpublish"), actions);
    }

    /** A body within its own limits whose HTML is over 200 kB: ampersands grow fivefold. */
    static StoryInput.TranslationInput large(String title) {
        String body = "&".repeat(30_000) + "\n\n" + "a".repeat(69_000);
        return new StoryInput.TranslationInput(title, "Lead.", "Almaty", body, BodyFormat.MARKDOWN, null, null, null);
    }

    @Test
    void aStoryOverItsTotalSizeBudgetIsRefusedNamingTheFieldAndNothingIsWritten() {
        StoryService four = new StoryService(
                repository, List.of("kk", "ru", "en", "de"), List.of("city"), Clock.fixed(NOW, ZoneOffset.UTC));
        var all = Map.of(
                "kk", large("Kk budget"), "ru", large("Ru budget"), "en", large("En budget"), "de", large("De budget"));
        Outcome<Story> refused = four.create(editor, new StoryInput("city", List.of(), null, null, all));
        Rejection.Invalid invalid = assertInstanceOf(
                Rejection.Invalid.class,
                ((Outcome.Rejected<Story>) assertInstanceOf(Outcome.Rejected.class, refused)).reason());
        assertEquals(
                "translations",
                invalid.errors().get(0).field(),
                invalid.errors().toString());
        assertEquals(0, repository.writes());

        var three = Map.of("kk", large("Kk budget"), "ru", large("Ru budget"), "en", large("En budget"));
        Story story = ((Outcome.Done<Story>) assertInstanceOf(
                        Outcome.Done.class, four.create(editor, new StoryInput("city", List.of(), null, null, three))))
                .value();
        Outcome<Story> fourth = four.putTranslation(editor, story.id(), "de", 1, large("De budget"));
        Rejection.Invalid tooMuch = assertInstanceOf(
                Rejection.Invalid.class,
                ((Outcome.Rejected<Story>) assertInstanceOf(Outcome.Rejected.class, fourth)).reason());
        assertEquals("body", tooMuch.errors().get(0).field());
        assertEquals(1, repository.find(story.id()).orElseThrow().version(), "nothing changed");
    }
}
