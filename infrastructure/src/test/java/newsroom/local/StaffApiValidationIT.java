package newsroom.local;

import static newsroom.local.StaffApiIT.id;
import static newsroom.local.StaffClient.EDITOR;
import static newsroom.local.StaffClient.assertProblem;
import static newsroom.local.StaffClient.call;
import static newsroom.local.StaffClient.create;
import static newsroom.local.StaffClient.etag;
import static newsroom.local.StaffClient.newestStoryId;
import static newsroom.local.StaffClient.read;
import static newsroom.local.StaffClient.story;
import static newsroom.local.StaffClient.translation;
import static newsroom.local.StaffClient.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every malformed or invalid request is answered with problem+json naming what is wrong, and
 * changes nothing.
 */
class StaffApiValidationIT {

    /** Posts a story that must be refused, and checks that no story was created. */
    private static JsonNode refusedCreate(String body, int status, String... fields) {
        String newest = newestStoryId();
        JsonNode problem = assertProblem(call("POST", "/articles", EDITOR, body), status, fields);
        assertEquals(newest, newestStoryId(), "no story was created");
        return problem;
    }

    private static JsonNode refusedCreate(ObjectNode story, int status, String... fields) {
        return refusedCreate(story.toString(), status, fields);
    }

    private static ObjectNode en(ObjectNode story) {
        return story.withObject("translations").withObject("en");
    }

    @Test
    void malformedJsonIsRefused() {
        String body = story("city", unique()).toString();
        refusedCreate(body.substring(0, body.length() - 2), 400);
        refusedCreate(body + " {}", 400);
        refusedCreate("", 400);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        refusedCreate("[" + story("city", unique()) + "]", 400);
        refusedCreate("\"a story\"", 400);
    }

    @Test
    void fieldsOfTheWrongTypeAreNamed() {
        ObjectNode story = story("city", unique());
        en(story).put("title", 42);
        story.put("tags", "roads");
        refusedCreate(story, 400, "translations.en.title", "tags");

        ObjectNode notAnObject = story("city", unique());
        notAnObject.withObject("translations").put("ru", "Трамвай");
        refusedCreate(notAnObject, 400, "translations.ru");
    }

    @Test
    void unknownFieldsAreNamedAtTheTopAndInsideATranslation() {
        ObjectNode story = story("city", unique());
        story.put("colour", "red");
        en(story).put("subtitle", "More trams");
        refusedCreate(story, 400, "colour", "translations.en.subtitle");
    }

    @Test
    void aMissingTitleOrBodyIsNamed() {
        ObjectNode story = story("city", unique());
        en(story).remove("title");
        story.withObject("translations").withObject("ru").put("body", " ");
        refusedCreate(story, 400, "translations.en.title", "translations.ru.body");

        ObjectNode noTranslations = story("city", unique());
        noTranslations.remove("translations");
        refusedCreate(noTranslations, 400, "translations");
        noTranslations.putObject("translations");
        refusedCreate(noTranslations, 400, "translations");
    }

    @Test
    void titleAndLeadAreLimitedInLength() {
        ObjectNode tooLong = story("city", unique());
        en(tooLong).put("title", "t".repeat(201));
        en(tooLong).put("lead", "l".repeat(601));
        refusedCreate(tooLong, 400, "translations.en.title", "translations.en.lead");

        ObjectNode atTheLimit = story("city", unique());
        String suffix = unique();
        en(atTheLimit).put("title", (suffix + " " + "t".repeat(200)).substring(0, 200));
        en(atTheLimit).put("lead", "л".repeat(600));
        assertEquals(
                200,
                create(EDITOR, atTheLimit).at("/translations/en/title").asText().length());
    }

    @Test
    void aBodyOver100KilobytesIsNamed() {
        ObjectNode story = story("city", unique());
        en(story).put("body", "b".repeat(100_001));
        refusedCreate(story, 400, "translations.en.body");
    }

    @Test
    void aRequestOver256KilobytesIsTooLarge() {
        ObjectNode story = story("city", unique());
        en(story).put("body", "b".repeat(300_000));
        refusedCreate(story, 413);
    }

    @Test
    void anInvalidSlugIsNamed() {
        for (String slug : new String[] {"Tram_Line", "tram--line", "-tram", "трамвай", "t".repeat(81)}) {
            ObjectNode story = story("city", unique());
            en(story).put("slug", slug);
            refusedCreate(story, 400, "translations.en.slug");
        }
    }

    @Test
    void aSlugTakenInTheSameLanguageIsAConflictNamingTheField() {
        JsonNode first = create("city");
        String slug = first.at("/translations/en/slug").asText();
        ObjectNode second = story("city", unique());
        en(second).put("slug", slug);

        JsonNode problem = refusedCreate(second, 409, "translations.en.slug");
        assertEquals("Slug taken", problem.get("title").asText());

        JsonNode other = create("city");
        HttpResponse<String> put = call(
                "PUT",
                "/articles/" + id(other) + "/translations/en",
                EDITOR,
                translation("Another title " + unique(), "", "", "Text.").put("slug", slug),
                "If-Match",
                etag(other));
        assertProblem(put, 409, "translations.en.slug");
        assertEquals(other, read(id(other)), "the other story is unchanged");
        assertEquals(first, read(id(first)), "the slug's owner is unchanged");

        ObjectNode otherLanguage = story("city", unique());
        otherLanguage.withObject("translations").withObject("ru").put("slug", slug);
        assertEquals(
                slug,
                create(EDITOR, otherLanguage).at("/translations/ru/slug").asText(),
                "the same slug is free in another language");
    }

    @Test
    void anUnknownLanguageOrCategoryIsNamed() {
        ObjectNode german = story("city", unique());
        german.withObject("translations").set("de", en(story("city", unique())));
        refusedCreate(german, 400, "translations.de");

        refusedCreate(story("sports", unique()), 400, "category");
        ObjectNode noCategory = story("city", unique());
        noCategory.remove("category");
        refusedCreate(noCategory, 400, "category");
    }

    @Test
    void aBadImageSourceIsNamed() {
        for (String src :
                new String[] {"https://example.org/tram.jpg", "/media/../robots.txt", "/media/tram.exe", "/en/tram.png"
                }) {
            ObjectNode story = story("city", unique());
            story.putObject("image").put("src", src);
            refusedCreate(story, 400, "image.src");
        }
        ObjectNode notAnObject = story("city", unique());
        notAnObject.put("image", "/media/tram.jpg");
        refusedCreate(notAnObject, 400, "image");
    }

    @Test
    void anInvalidPublicationDateIsNamedAndPublishesNothing() {
        JsonNode story = create("city");
        String path = "/articles/" + id(story) + "/publish";

        for (String at :
                new String[] {"tomorrow", "2030-01-01T10:00", "1999-12-31T23:00:00Z", "2999-01-01T00:00:00Z"}) {
            assertProblem(call("POST", path, EDITOR, "{\"at\": \"" + at + "\"}", "If-Match", etag(story)), 400, "at");
        }
        assertProblem(
                call("POST", path, EDITOR, "{\"languages\": [\"de\"]}", "If-Match", etag(story)), 400, "languages");
        assertProblem(
                call("POST", path, EDITOR, "{\"languages\": [\"kk\"]}", "If-Match", etag(story)), 400, "languages");
        assertProblem(call("POST", path, EDITOR, "{\"when\": \"now\"}", "If-Match", etag(story)), 400, "when");
        // a language named twice (it would be changed twice in one transaction)
        assertProblem(
                call("POST", path, EDITOR, "{\"languages\": [\"en\", \"en\"]}", "If-Match", etag(story)),
                400,
                "languages");
        assertProblem(
                call(
                        "POST",
                        "/articles/" + id(story) + "/unpublish",
                        EDITOR,
                        "{\"languages\": [\"en\", \"ru\", \"en\"]}",
                        "If-Match",
                        etag(story)),
                400,
                "languages");
        assertEquals(story, read(id(story)), "nothing changed");
    }

    @Test
    void aBadStoryIdInThePathIsNotFound() {
        JsonNode story = create("city");
        String unknown = UUID.randomUUID().toString();

        assertProblem(call("GET", "/articles/not-a-story", EDITOR, null), 404);
        assertProblem(call("GET", "/articles/" + unknown, EDITOR, null), 404);
        assertProblem(call("GET", "/articles/" + id(story).toUpperCase(), EDITOR, null), 404);
        assertProblem(
                call(
                        "PUT",
                        "/articles/not-a-story/translations/en",
                        EDITOR,
                        translation("Nowhere " + unique(), "", "", "None."),
                        "If-Match",
                        "\"1\""),
                404);
        assertProblem(call("POST", "/articles/" + unknown + "/publish", EDITOR, null, "If-Match", "\"1\""), 404);
        assertProblem(call("GET", "/articles/" + unknown + "/revisions", EDITOR, null), 404);
    }

    @Test
    void anUnknownLanguageInThePathIsNotFound() {
        JsonNode story = create("city");
        String path = "/articles/" + id(story);

        assertProblem(
                call(
                        "PUT",
                        path + "/translations/de",
                        EDITOR,
                        translation("Straßenbahn " + unique(), "", "", "Neu."),
                        "If-Match",
                        etag(story)),
                404);
        assertProblem(call("DELETE", path + "/translations/de", EDITOR, null, "If-Match", etag(story)), 404);
        assertProblem(call("GET", path + "/preview/de", EDITOR, null), 404);
        assertProblem(call("DELETE", path + "/translations/kk", EDITOR, null, "If-Match", etag(story)), 404);
        assertEquals(story, read(id(story)), "nothing changed");
    }

    @Test
    void removingTheLastTranslationIsRefused() {
        ObjectNode englishOnly = story("city", unique());
        englishOnly.withObject("translations").remove("ru");
        JsonNode story = create(EDITOR, englishOnly);

        assertProblem(
                call("DELETE", "/articles/" + id(story) + "/translations/en", EDITOR, null, "If-Match", etag(story)),
                400,
                "lang");
        assertEquals(story, read(id(story)), "nothing changed");
    }

    @Test
    void aCursorTheApiDidNotIssueIsRefused() {
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("STORY#x\nMETA\n2020".getBytes(StandardCharsets.UTF_8));
        for (String cursor : new String[] {"not-a-cursor", forged, "%25%25"}) {
            assertProblem(call("GET", "/articles?cursor=" + cursor, EDITOR, null), 400, "cursor");
        }
    }

    @Test
    void unknownQueryParametersAndBadFiltersAreNamed() {
        assertProblem(call("GET", "/articles?sort=title", EDITOR, null), 400, "sort");
        assertProblem(call("GET", "/articles?status=live", EDITOR, null), 400, "status");
        assertProblem(call("GET", "/articles?lang=de", EDITOR, null), 400, "lang");
        assertProblem(call("GET", "/articles?category=sports", EDITOR, null), 400, "category");
    }

    @Test
    void aLimitOutOfRangeIsNamed() {
        for (String limit : new String[] {"0", "101", "-1", "ten", "1.5"}) {
            assertProblem(call("GET", "/articles?limit=" + limit, EDITOR, null), 400, "limit");
        }
        assertEquals(200, call("GET", "/articles?limit=1", EDITOR, null).statusCode());
        assertEquals(200, call("GET", "/articles?limit=100", EDITOR, null).statusCode());
    }

    @Test
    void aMediaRequestForSomethingOtherThanAnImageIsNamed() {
        String[][] cases = {
            {"{\"contentType\": \"application/pdf\", \"size\": 100}", "contentType"},
            {"{\"contentType\": \"image/png\", \"size\": 0}", "size"},
            {"{\"contentType\": \"image/png\", \"size\": 10485761}", "size"},
            {"{\"contentType\": \"image/png\", \"size\": \"100\"}", "size"},
            {"{\"contentType\": \"image/png\", \"size\": 100, \"name\": \"x.png\"}", "name"},
            {"{\"size\": 100}", "contentType"},
        };
        for (String[] c : cases) {
            assertProblem(call("POST", "/media", EDITOR, c[0]), 400, c[1]);
        }
        assertProblem(call("POST", "/media", EDITOR, "[]"), 400);
    }

    @Test
    void aRefusedChangeToAStoryLeavesItAsItWas() {
        JsonNode story = create("city");
        String path = "/articles/" + id(story);
        ObjectNode invalid = story("city", unique());
        en(invalid).put("title", "");

        assertProblem(call("PUT", path, EDITOR, invalid, "If-Match", etag(story)), 400, "translations.en.title");
        assertProblem(
                call(
                        "PUT",
                        path + "/translations/en",
                        EDITOR,
                        translation("Fine " + unique(), "l".repeat(601), "", "Text."),
                        "If-Match",
                        etag(story)),
                400,
                "lead");
        assertProblem(call("PUT", path + "/translations/en", EDITOR, "{\"title\": ", "If-Match", etag(story)), 400);
        assertEquals(story, read(id(story)), "nothing changed");
        HttpResponse<String> revisions = call("GET", path + "/revisions", EDITOR, null);
        assertEquals(2, StaffClient.json(revisions).get("items").size(), "only the creation is recorded");
    }
}
