package newsroom.local;

import static newsroom.local.StaffApiIT.id;
import static newsroom.local.StaffClient.ADMIN;
import static newsroom.local.StaffClient.EDITOR;
import static newsroom.local.StaffClient.WRITER;
import static newsroom.local.StaffClient.assertProblem;
import static newsroom.local.StaffClient.call;
import static newsroom.local.StaffClient.create;
import static newsroom.local.StaffClient.etag;
import static newsroom.local.StaffClient.json;
import static newsroom.local.StaffClient.publish;
import static newsroom.local.StaffClient.story;
import static newsroom.local.StaffClient.storyOf;
import static newsroom.local.StaffClient.translation;
import static newsroom.local.StaffClient.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Publishing through the staff API, and what readers then get from the CDN. */
class StaffApiPublishingIT {

    @Test
    void publishingWithoutLanguagesPublishesEveryTranslation() {
        JsonNode story = create("health");

        JsonNode published = publish(story, null);

        assertEquals(2, published.get("version").asLong());
        for (String lang : List.of("en", "ru")) {
            JsonNode t = published.at("/translations/" + lang);
            assertEquals("published", t.get("status").asText(), lang);
            assertFalse(t.get("publishedAt").isNull(), lang);
        }
        TestStack.settle();
        assertPage(published, "en");
        assertPage(published, "ru");
    }

    @Test
    void publishingSomeLanguagesLeavesTheOthersDraft() {
        JsonNode story = create("health");

        JsonNode published = publish(story, "{\"languages\": [\"ru\"]}");

        assertEquals("published", published.at("/translations/ru/status").asText());
        assertEquals("draft", published.at("/translations/en/status").asText());
        assertTrue(published.at("/translations/en/publishedAt").isNull());
        TestStack.settle();
        assertPage(published, "ru");
        assertEquals(
                404,
                TestStack.cdn(published.at("/translations/en/url").asText()).statusCode());
    }

    @Test
    void unpublishingSomeLanguagesTakesOnlyTheirPagesDown() {
        JsonNode published = publish(create("culture"), null);
        TestStack.settle();
        assertPage(published, "en");

        HttpResponse<String> answer = call(
                "POST",
                "/articles/" + id(published) + "/unpublish",
                EDITOR,
                "{\"languages\": [\"en\"]}",
                "If-Match",
                etag(published));

        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode story = storyOf(answer);
        assertEquals("draft", story.at("/translations/en/status").asText());
        assertTrue(story.at("/translations/en/publishedAt").isNull());
        assertEquals("published", story.at("/translations/ru/status").asText());
        TestStack.settle();
        assertEquals(
                404, TestStack.cdn(story.at("/translations/en/url").asText()).statusCode());
        assertPage(story, "ru");
    }

    @Test
    void aTranslationWithoutAltTextForTheStorysImageIsNotPublishedNorScheduled() throws Exception {
        ObjectNode draft = story("city", unique());
        // a real upload: the story is published on the shared site, whose audit follows every link
        draft.putObject("image").put("src", SiteAuditIT.uploadImage(TestStack.get(), EDITOR));
        ((ObjectNode) draft.at("/translations/en")).put("imageAlt", "A red tram");
        JsonNode story = create(EDITOR, draft);
        String path = "/articles/" + id(story);

        for (String body : List.of(
                "{}",
                "{\"languages\": [\"ru\"]}",
                "{\"languages\": [\"en\", \"ru\"], \"at\": \""
                        + Instant.now().plusSeconds(86_400).truncatedTo(ChronoUnit.SECONDS)
                        + "\"}")) {
            JsonNode problem = assertProblem(
                    call("POST", path + "/publish", EDITOR, body, "If-Match", etag(story)),
                    400,
                    "translations.ru.imageAlt");
            assertEquals(1, problem.get("errors").size(), body + ": only the language without one is named");
        }
        JsonNode unchanged = StaffClient.read(id(story));
        assertEquals(1, unchanged.get("version").asLong(), "a refused publish changes nothing");
        assertEquals("draft", unchanged.at("/translations/ru/status").asText());
        assertEquals("draft", unchanged.at("/translations/en/status").asText());

        // the language that describes the image publishes; the other once it does too
        JsonNode english = publish(story, "{\"languages\": [\"en\"]}");
        assertEquals("published", english.at("/translations/en/status").asText());
        ObjectNode ru = (ObjectNode) english.at("/translations/ru").deepCopy();
        ru.retain("title", "lead", "dateline", "body", "format", "slug");
        ru.put("imageAlt", "Красный трамвай");
        HttpResponse<String> described = call("PUT", path + "/translations/ru", EDITOR, ru, "If-Match", etag(english));
        assertEquals(200, described.statusCode(), described.body());
        JsonNode all = publish(storyOf(described), null);
        assertEquals("published", all.at("/translations/ru/status").asText());
    }

    @Test
    void previewIsExactlyThePageReadersGetOncePublished() {
        JsonNode story = create("city");
        String path = "/articles/" + id(story) + "/preview/en";

        HttpResponse<String> draft = call("GET", path, StaffClient.WRITER, null);

        assertEquals(200, draft.statusCode(), draft.body());
        assertEquals(
                "text/html; charset=utf-8",
                draft.headers().firstValue("Content-Type").orElse(null));
        assertEquals(etag(story), draft.headers().firstValue("ETag").orElse(null));
        assertEquals(
                story.at("/translations/en/title").asText(),
                Jsoup.parse(draft.body()).selectFirst("h1").text());
        assertProblem(call("GET", "/articles/" + id(story) + "/preview/kk", EDITOR, null), 404);

        JsonNode published = publish(story, null);
        TestStack.settle();
        HttpResponse<String> preview = call("GET", path, EDITOR, null);
        assertEquals(200, preview.statusCode(), preview.body());
        assertEquals(etag(published), preview.headers().firstValue("ETag").orElse(null));
        HttpResponse<String> page =
                TestStack.cdn(published.at("/translations/en/url").asText());
        assertEquals(200, page.statusCode());
        assertEquals(page.body(), preview.body());
    }

    @Test
    void revisionsTellWhoDidWhatAndWhenForEveryAcceptedChange() {
        Instant start = Instant.now().minusSeconds(1);
        JsonNode story = create(WRITER, story("economy", unique()));
        String id = id(story);
        HttpResponse<String> edited = call(
                "PUT",
                "/articles/" + id + "/translations/en",
                WRITER,
                translation("Tram line delayed " + unique(), "A week later.", "Almaty", "Soon."),
                "If-Match",
                etag(story));
        assertEquals(200, edited.statusCode(), edited.body());
        JsonNode published = publish(storyOf(edited), "{\"languages\": [\"en\"]}");
        assertEquals(
                412,
                call("POST", "/articles/" + id + "/unpublish", EDITOR, null, "If-Match", etag(story))
                        .statusCode(),
                "a refused change leaves no revision");
        HttpResponse<String> unpublished =
                call("POST", "/articles/" + id + "/unpublish", ADMIN, null, "If-Match", etag(published));
        assertEquals(200, unpublished.statusCode(), unpublished.body());

        HttpResponse<String> answer = call("GET", "/articles/" + id + "/revisions", WRITER, null);

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(
                "application/json", answer.headers().firstValue("Content-Type").orElse(null));
        List<String> entries = new ArrayList<>();
        Instant previous = start;
        for (JsonNode r : json(answer).get("items")) {
            entries.add(r.get("lang").asText()
                    + " "
                    + r.get("action").asText()
                    + " by "
                    + r.get("by").asText()
                    + " v"
                    + r.get("version").asLong());
            Instant at = Instant.parse(r.get("at").asText());
            assertFalse(at.isBefore(previous), "revisions are in the order they happened");
            previous = at;
        }
        assertFalse(previous.isAfter(Instant.now()));
        assertEquals(
                List.of(
                        "en create by wanda v1",
                        "ru create by wanda v1",
                        "en edit by wanda v2",
                        "en published by erlan v3",
                        "en unpublish by aigerim v4",
                        "ru unpublish by aigerim v4"),
                entries);
    }

    @Test
    void deletingAPublishedStoryTakesItsPagesOffTheSite() {
        JsonNode published = publish(create("education"), null);
        TestStack.settle();
        assertPage(published, "en");

        HttpResponse<String> deleted =
                call("DELETE", "/articles/" + id(published), EDITOR, null, "If-Match", etag(published));

        assertEquals(204, deleted.statusCode(), deleted.body());
        TestStack.settle();
        assertEquals(
                404,
                TestStack.cdn(published.at("/translations/en/url").asText()).statusCode());
        assertEquals(
                404,
                TestStack.cdn(published.at("/translations/ru/url").asText()).statusCode());
    }

    @Test
    void adminRebuildRewritesThePagesOfTheSite() throws Exception {
        JsonNode published = publish(create("transport"), null);
        TestStack.settle();
        String article = published.at("/translations/en/url").asText().substring(1) + "index.html";
        var s3 = TestStack.get().s3();
        for (String key : List.of(article, "robots.txt")) {
            assertNotNull(s3.headObject(b -> b.bucket(LocalCloud.BUCKET).key(key)));
            s3.deleteObject(b -> b.bucket(LocalCloud.BUCKET).key(key));
        }

        HttpResponse<String> accepted = call("POST", "/site/rebuild", ADMIN, null);

        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals("accepted", json(accepted).get("status").asText());
        TestStack.get().rebuildQueue().awaitEmpty(120_000);
        assertEquals(List.of(), TestStack.get().rebuildQueue().deadLetters());
        for (String key : List.of(article, "robots.txt")) {
            try {
                assertTrue(
                        s3.headObject(b -> b.bucket(LocalCloud.BUCKET).key(key)).contentLength() > 0);
            } catch (NoSuchKeyException e) {
                fail("the rebuild did not write " + key);
            }
        }
        String page = new String(
                s3.getObjectAsBytes(b -> b.bucket(LocalCloud.BUCKET).key(article))
                        .asByteArray(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(
                published.at("/translations/en/title").asText(),
                Jsoup.parse(page).selectFirst("h1").text());
    }

    /** The translation's page is on the CDN with its title. */
    private static void assertPage(JsonNode story, String lang) {
        HttpResponse<String> page =
                TestStack.cdn(story.at("/translations/" + lang + "/url").asText());
        assertEquals(200, page.statusCode(), lang);
        assertEquals(
                story.at("/translations/" + lang + "/title").asText(),
                Jsoup.parse(page.body()).selectFirst("h1").text());
    }
}
