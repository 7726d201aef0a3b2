package newsroom.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every picture of a gallery needs alt text in each language that goes public; drafts need none. */
class GalleryDescriptionRuleTest {
    static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
    final Actor editor = new Actor("erlan", Set.of("editors"));

    static Translation draft(String lang) {
        return new Translation(
                lang,
                "Title " + lang,
                "",
                "",
                "Body.",
                BodyFormat.MARKDOWN,
                "<p>Body.</p>",
                "title-" + lang,
                Status.DRAFT,
                null,
                null,
                null,
                NOW,
                "erlan");
    }

    static Story story(List<GalleryImage> gallery) {
        Map<String, Translation> translations = new LinkedHashMap<>();
        for (String lang : List.of("kk", "ru", "en")) translations.put(lang, draft(lang));
        return new Story(
                StoryId.random(),
                "city",
                List.of(),
                "press",
                null,
                gallery,
                1,
                NOW,
                "erlan",
                NOW,
                "erlan",
                translations);
    }

    static GalleryImage picture(int n, Map<String, String> alts) {
        return new GalleryImage("/media/2026/11/" + n + ".jpg", Map.of(), alts);
    }

    @Test
    void publishingALanguageNamesEveryPictureWithoutAltTextInIt() {
        Story story = story(List.of(
                picture(0, Map.of("kk", "Көпір", "ru", "Мост", "en", "A bridge")),
                picture(1, Map.of("ru", "Толпа")),
                picture(2, Map.of("kk", "Өзен", "ru", " ", "en", "A river"))));
        Outcome<Story> outcome = story.withStatus(List.of("ru", "kk"), Status.PUBLISHED, NOW, false, editor, NOW);
        Rejection.Invalid invalid = assertInstanceOf(
                Rejection.Invalid.class,
                assertInstanceOf(Outcome.Rejected.class, outcome).reason());
        assertEquals(
                List.of("gallery[2].alt.ru", "gallery[1].alt.kk"),
                invalid.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void schedulingIsHeldToTheSameRule() {
        Story story = story(List.of(picture(0, Map.of("en", "A bridge"))));
        Outcome<Story> outcome =
                story.withStatus(List.of("kk"), Status.SCHEDULED, NOW.plusSeconds(3600), false, editor, NOW);
        assertInstanceOf(Outcome.Rejected.class, outcome);
    }

    @Test
    void aLanguageWhoseEveryPictureIsDescribedGoesPublicAndDraftsNeedNothing() {
        Story story = story(List.of(picture(0, Map.of("en", "A bridge")), picture(1, Map.of("en", "A river"))));
        assertInstanceOf(
                Outcome.Done.class, story.withStatus(List.of("en"), Status.PUBLISHED, NOW, false, editor, NOW));
        assertInstanceOf(
                Outcome.Done.class, story.withStatus(List.of("kk", "ru"), Status.DRAFT, NOW, false, editor, NOW));
    }

    @Test
    void theGalleryOutlivesTheStatusChange() {
        List<GalleryImage> gallery = List.of(picture(0, Map.of("en", "A bridge")));
        @SuppressWarnings("unchecked")
        Story published = ((Outcome.Done<Story>)
                        story(gallery).withStatus(List.of("en"), Status.PUBLISHED, NOW, false, editor, NOW))
                .value();
        assertEquals(gallery, published.gallery());
    }
}
