package newsroom.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A translation of a story with an image goes public only with an alt text in its language: now,
 * scheduled, one language or all; and the schedule does not publish one that lost it meanwhile.
 */
class ImageDescriptionRuleTest {
    static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
    final InMemoryStories repository = new InMemoryStories();
    final StoryService service = serviceAt(NOW);
    final Actor editor = new Actor("erlan", Set.of("editors"));

    StoryService serviceAt(Instant at) {
        return new StoryService(
                repository, List.of("kk", "ru", "en"), List.of("city"), Clock.fixed(at, ZoneOffset.UTC));
    }

    static StoryInput.TranslationInput translation(String title, String alt) {
        return new StoryInput.TranslationInput(title, "Lead.", "Almaty", "Body.", BodyFormat.MARKDOWN, null, null, alt);
    }

    @SuppressWarnings("unchecked")
    Story created(String image, Map<String, StoryInput.TranslationInput> translations) {
        Outcome<Story> outcome = service.create(
                editor, new StoryInput("city", List.of(), null, image, new LinkedHashMap<>(translations)));
        return ((Outcome.Done<Story>) assertInstanceOf(Outcome.Done.class, outcome)).value();
    }

    static List<String> refusedFields(Outcome<Story> outcome) {
        Rejection.Invalid invalid = assertInstanceOf(
                Rejection.Invalid.class,
                assertInstanceOf(Outcome.Rejected.class, outcome).reason());
        return invalid.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void publishingALanguageWithoutAltTextIsRefusedNamingTheFieldAndNothingChanges() {
        Story story = created(
                "/media/2026/11/park.jpg",
                Map.of("ru", translation("Парк открыт", "Скамейки в парке"), "kk", translation("Саябақ ашылды", "")));

        assertEquals(
                List.of("translations.kk.imageAlt"),
                refusedFields(service.publish(editor, story.id(), 1, List.of("kk"), Optional.empty())));
        assertEquals(
                List.of("translations.kk.imageAlt"),
                refusedFields(service.publish(editor, story.id(), 1, List.of(), Optional.empty())),
                "publishing all names the language without one");
        assertEquals(
                List.of("translations.kk.imageAlt"),
                refusedFields(service.publish(
                        editor, story.id(), 1, List.of("ru", "kk"), Optional.of(NOW.plusSeconds(3600)))),
                "scheduling is refused too");

        assertEquals(Optional.of(story), repository.find(story.id()), "nothing changed");
        assertEquals(
                List.of("create", "create"),
                repository.revisions(story.id()).stream().map(Revision::action).toList(),
                "no revision was written");
    }

    @Test
    void aLanguageWithAltTextOrAStoryWithoutImagePublishes() {
        Story story = created(
                "/media/2026/11/park.jpg",
                Map.of("ru", translation("Парк открыт", "Скамейки в парке"), "kk", translation("Саябақ ашылды", null)));
        assertInstanceOf(Outcome.Done.class, service.publish(editor, story.id(), 1, List.of("ru"), Optional.empty()));

        Story plain = created(null, Map.of("kk", translation("Жол жөнделді", null)));
        assertInstanceOf(Outcome.Done.class, service.publish(editor, plain.id(), 1, List.of(), Optional.empty()));
        assertInstanceOf(
                Outcome.Done.class,
                service.unpublish(editor, plain.id(), 2, List.of()),
                "unpublishing needs no alt text");
    }

    @Test
    void aScheduledTranslationThatLostItsAltTextIsNotPublishedButReturnedToDraft() {
        Story story =
                created("/media/2026/11/park.jpg", Map.of("kk", translation("Саябақ ашылды", "Саябақтағы орындықтар")));
        Instant at = NOW.plusSeconds(3600);
        assertInstanceOf(Outcome.Done.class, service.publish(editor, story.id(), 1, List.of("kk"), Optional.of(at)));
        // an editor removes the description after scheduling: the schedule must not publish it bare
        assertInstanceOf(
                Outcome.Done.class,
                service.putTranslation(editor, story.id(), "kk", 2, translation("Саябақ ашылды", " ")));

        assertEquals(0, serviceAt(at.plusSeconds(60)).publishDue(editor));

        Story after = repository.find(story.id()).orElseThrow();
        assertEquals(Status.DRAFT, after.translation("kk").orElseThrow().status());
        List<Revision> history = repository.revisions(story.id());
        assertEquals(
                StoryService.SCHEDULE_WITHDRAWN, history.get(history.size() - 1).action());
        assertEquals(List.of(), repository.due(at.plusSeconds(120), 10), "nothing is left due");
    }

    @Test
    void anEditThatLeavesAPublishedTranslationsImageUndescribedIsRefusedAndNothingChanges() {
        Story story =
                created("/media/2026/11/park.jpg", Map.of("kk", translation("Саябақ ашылды", "Саябақтағы орындықтар")));
        assertInstanceOf(Outcome.Done.class, service.publish(editor, story.id(), 1, List.of("kk"), Optional.empty()));
        Story published = repository.find(story.id()).orElseThrow();

        assertEquals(
                List.of("translations.kk.imageAlt"),
                refusedFields(service.putTranslation(editor, story.id(), "kk", 2, translation("Саябақ ашылды", " "))));
        Story plain = created(null, Map.of("kk", translation("Жол жөнделді", null)));
        assertInstanceOf(Outcome.Done.class, service.publish(editor, plain.id(), 1, List.of(), Optional.empty()));
        assertEquals(
                List.of("translations.kk.imageAlt"),
                refusedFields(service.replace(
                        editor,
                        plain.id(),
                        2,
                        new StoryInput(
                                "city",
                                List.of(),
                                null,
                                "/media/2026/11/road.jpg",
                                new LinkedHashMap<>(Map.of("kk", translation("Жол жөнделді", null)))))),
                "adding an image to a published story needs its description");

        assertEquals(Optional.of(published), repository.find(story.id()), "nothing changed");
        assertInstanceOf(
                Outcome.Done.class,
                service.putTranslation(editor, story.id(), "kk", 2, translation("Саябақ жаңартылды", "Орындықтар")),
                "an edit that keeps a description is saved");
    }
}
