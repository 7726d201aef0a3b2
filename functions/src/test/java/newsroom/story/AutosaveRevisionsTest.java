package newsroom.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One person's consecutive saves of a translation within {@link StoryService#AUTOSAVE_WINDOW} are one
 * revision with the newest words; someone else's save, a publication or the window's end begins the
 * next.
 */
class AutosaveRevisionsTest {
    static final Instant START = Instant.parse("2026-11-20T06:00:00Z");

    /** A clock the test moves on; the service reads it for every change. */
    static final class Hands extends Clock {
        Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Hands clock = new Hands();
    final InMemoryStories repository = new InMemoryStories();
    final StoryService service = new StoryService(repository, List.of("kk", "ru", "en"), List.of("city"), clock);
    final Actor aliya = new Actor("aliya", Set.of("writers"));
    final Actor dana = new Actor("dana", Set.of("writers"));
    final Actor erlan = new Actor("erlan", Set.of("editors"));
    Story story;

    static StoryInput.TranslationInput words(String body) {
        return new StoryInput.TranslationInput(
                "Саябақ", "Lead.", "Almaty", body, BodyFormat.MARKDOWN, null, null, null);
    }

    @SuppressWarnings("unchecked")
    void save(Actor who, String lang, String body) {
        clock.now = clock.now.plusSeconds(20);
        Outcome<Story> outcome = service.putTranslation(who, story.id(), lang, story.version(), words(body));
        story = ((Outcome.Done<Story>) assertInstanceOf(Outcome.Done.class, outcome)).value();
    }

    @SuppressWarnings("unchecked")
    void create() {
        Outcome<Story> outcome =
                service.create(aliya, new StoryInput("city", List.of(), null, null, Map.of("kk", words("Бірінші."))));
        story = ((Outcome.Done<Story>) assertInstanceOf(Outcome.Done.class, outcome)).value();
    }

    List<String> history() {
        return repository.revisions(story.id()).stream()
                .map(r -> r.id() + " " + r.action() + " " + r.by())
                .toList();
    }

    @Test
    void tenSavesByOnePersonAreOneRevisionWithTheNewestWordsAndAnotherPersonsSaveBeginsTheNext() {
        create();
        Instant firstSave = clock.now.plusSeconds(20);
        for (int i = 1; i <= 10; i++) save(aliya, "kk", "Сөз " + i + ".");

        assertEquals(List.of("1-kk create aliya", "11-kk edit aliya"), history());
        Revision run = repository.revision(story.id(), 11, "kk").orElseThrow();
        assertEquals("Сөз 10.", run.text().body());
        assertEquals(clock.now, run.at());
        assertEquals(firstSave, run.startedAt());
        assertEquals(
                Optional.empty(), repository.revision(story.id(), 2, "kk"), "the run's first save is not kept apart");

        save(dana, "kk", "Данадан.");
        save(aliya, "kk", "Қайтадан.");
        assertEquals(
                List.of("1-kk create aliya", "11-kk edit aliya", "12-kk edit dana", "13-kk edit aliya"), history());
    }

    @Test
    void anotherLanguagesSavesDoNotEndARunButAPublicationAndTheWindowsEndDo() {
        create();
        save(aliya, "kk", "Бір.");
        save(aliya, "ru", "Один.");
        save(aliya, "kk", "Екі.");
        assertEquals(List.of("1-kk create aliya", "3-ru add-translation aliya", "4-kk edit aliya"), history());

        clock.now = clock.now.plusSeconds(20);
        assertInstanceOf(
                Outcome.Done.class,
                service.publish(erlan, story.id(), story.version(), List.of("kk"), Optional.empty()));
        story = repository.find(story.id()).orElseThrow();
        save(erlan, "kk", "Үш.");
        save(erlan, "kk", "Төрт.");
        assertEquals(
                List.of(
                        "1-kk create aliya",
                        "3-ru add-translation aliya",
                        "4-kk edit aliya",
                        "5-kk published erlan",
                        "7-kk edit erlan"),
                history());

        // a second before the window ends the run goes on; the save after it is a revision of its own
        Instant begun = repository.revision(story.id(), 7, "kk").orElseThrow().startedAt();
        clock.now = begun.plus(StoryService.AUTOSAVE_WINDOW).minusSeconds(21);
        save(erlan, "kk", "Бес.");
        assertEquals("8-kk edit erlan", history().get(history().size() - 1), "carried on");
        assertEquals(5, history().size(), "still one run: the window counts from its start");
        save(erlan, "kk", "Алты.");
        assertEquals("9-kk edit erlan", history().get(history().size() - 1));
        assertEquals(6, history().size());
        assertEquals(
                begun, repository.revision(story.id(), 8, "kk").orElseThrow().startedAt());
    }
}
