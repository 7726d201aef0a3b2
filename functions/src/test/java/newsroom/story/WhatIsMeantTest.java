package newsroom.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What is published is what was meant: visible titles, no reordering controls, honest bylines. */
class WhatIsMeantTest {
    final InMemoryStories repository = new InMemoryStories();
    final StoryService service = new StoryService(
            repository,
            List.of("kk", "ru", "en"),
            List.of("city", "health"),
            Clock.fixed(StoryServiceTest.NOW, ZoneOffset.UTC));
    final Actor writer = new Actor("3f1c9a2e-writer", Set.of("writers"));

    @ParameterizedTest(name = "title of U+{0}")
    @ValueSource(strings = {"200B", "FEFF", "3164", "00A0", "2060", "200B 200C 200D", "00A0 3164 FEFF", "0301", "2800"})
    void aTitleOfInvisibleCharactersOnlyIsRefusedNamingTheField(String codePoints) {
        StringBuilder title = new StringBuilder();
        for (String hex : codePoints.split(" ")) title.appendCodePoint(Integer.parseInt(hex, 16));
        assertRefused(title.toString(), "translations.en.title");
    }

    @ParameterizedTest(name = "U+{0} in a title")
    @ValueSource(strings = {"202E", "202D", "202A", "202B", "202C", "2066", "2067", "2068", "2069"})
    void bidirectionalControlsAreRefused(String hex) {
        assertRefused("Budget " + Character.toString(Integer.parseInt(hex, 16)) + "approved", "translations.en.title");
    }

    @Test
    void bidirectionalControlsInTheLeadAreRefusedToo() {
        var t = new StoryInput.TranslationInput(
                "Budget approved", "Lead \u202egnp.exe", "Almaty", "Body.", BodyFormat.MARKDOWN, null, null, null);
        Rejection.Invalid invalid = refused(new StoryInput("city", List.of(), null, null, Map.of("en", t)));
        assertEquals("translations.en.lead", invalid.errors().get(0).field());
    }

    @Test
    void visibleTitlesWithMarksAndSpacesAreAccepted() {
        Story story = created(Map.of("en", StoryServiceTest.translation("\u00a0Cafe\u0301 opens\u200b")));
        assertEquals("cafe-opens", story.translation("en").orElseThrow().slug());
    }

    @Test
    void titlesWithNoLettersToTransliterateGetUniqueSlugs() {
        Story first = created(Map.of("en", StoryServiceTest.translation("城市公园开放")));
        Story second = created(Map.of("en", StoryServiceTest.translation("مدينة")));
        String a = first.translation("en").orElseThrow().slug(),
                b = second.translation("en").orElseThrow().slug();
        assertTrue(a.startsWith("story-") && Slugs.isValid(a), a);
        assertTrue(b.startsWith("story-") && Slugs.isValid(b), b);
        assertNotEquals(a, b);
        assertEquals(
                "story",
                created(Map.of("en", StoryServiceTest.translation("Story")))
                        .translation("en")
                        .orElseThrow()
                        .slug());
    }

    @Test
    void theBylineIsTheDisplayNameNeverTheUserId() {
        Story named = service.create(new Actor("3f1c9a2e", Set.of("writers"), "Aliya Nurlanovna"), input())
                        instanceof Outcome.Done<Story> done
                ? done.value()
                : null;
        assertEquals("Aliya Nurlanovna", named.author());
        Story unnamed = created(Map.of("en", StoryServiceTest.translation("No name given")));
        assertEquals("", unnamed.author(), "without a display name there is no byline, not the user id");
    }

    private StoryInput input() {
        return new StoryInput("city", List.of(), null, null, Map.of("en", StoryServiceTest.translation("Named")));
    }

    private Story created(Map<String, StoryInput.TranslationInput> translations) {
        Outcome<Story> outcome = service.create(writer, new StoryInput("city", List.of(), null, null, translations));
        return ((Outcome.Done<Story>) assertInstanceOf(Outcome.Done.class, outcome)).value();
    }

    private void assertRefused(String title, String field) {
        Rejection.Invalid invalid = refused(
                new StoryInput("city", List.of(), null, null, Map.of("en", StoryServiceTest.translation(title))));
        assertTrue(
                invalid.errors().stream().anyMatch(e -> e.field().equals(field)),
                invalid.errors().toString());
        assertEquals(0, repository.writes(), "nothing is stored");
    }

    private Rejection.Invalid refused(StoryInput input) {
        Outcome<Story> outcome = service.create(writer, input);
        return assertInstanceOf(
                Rejection.Invalid.class,
                assertInstanceOf(Outcome.Rejected.class, outcome).reason());
    }
}
