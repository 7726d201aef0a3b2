package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The staff API as the integration tests use it: tokens per role, story bodies with titles (and so
 * slugs) no other test uses, and the checks every answer must pass.
 */
final class StaffClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String WRITER = TestStack.token("wanda", "writers");
    static final String EDITOR = TestStack.token("erlan", "editors");
    static final String ADMIN = TestStack.token("aigerim", "admins");

    private StaffClient() {}

    /** A short suffix that makes titles and slugs unique in the shared table. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A story in English and Russian whose titles end in {@code suffix}. */
    static ObjectNode story(String category, String suffix) {
        ObjectNode story = JSON.createObjectNode();
        story.put("category", category);
        story.putArray("tags").add("roads");
        ObjectNode translations = story.putObject("translations");
        translations.set(
                "en",
                translation(
                        "New tram line opens " + suffix,
                        "Trams run from the station to the airport.",
                        "Almaty",
                        "The line has **nine** stops."));
        translations.set(
                "ru",
                translation(
                        "Открылась новая трамвайная линия " + suffix,
                        "Трамваи ходят от вокзала до аэропорта.",
                        "Алматы",
                        "На линии девять остановок."));
        return story;
    }

    static ObjectNode translation(String title, String lead, String dateline, String body) {
        ObjectNode t = JSON.createObjectNode();
        t.put("title", title);
        t.put("lead", lead);
        t.put("dateline", dateline);
        t.put("body", body);
        t.put("format", "markdown");
        return t;
    }

    static HttpResponse<String> call(String method, String path, String token, Object body, String... headers) {
        return TestStack.api(method, path, token, body == null ? null : body.toString(), headers);
    }

    /** Creates a story and returns it as the API answered. */
    static JsonNode create(String token, ObjectNode story) {
        HttpResponse<String> created = call("POST", "/articles", token, story);
        assertEquals(201, created.statusCode(), created.body());
        return storyOf(created);
    }

    static JsonNode create(String category) {
        return create(EDITOR, story(category, unique()));
    }

    static JsonNode read(String id) {
        HttpResponse<String> read = call("GET", "/articles/" + id, EDITOR, null);
        assertEquals(200, read.statusCode(), read.body());
        return storyOf(read);
    }

    /** Publishes (or schedules, with {@code at}) and returns the story as answered. */
    static JsonNode publish(JsonNode story, String body) {
        HttpResponse<String> published = call(
                "POST", "/articles/" + story.get("id").asText() + "/publish", EDITOR, body, "If-Match", etag(story));
        assertEquals(200, published.statusCode(), published.body());
        return storyOf(published);
    }

    static String etag(JsonNode story) {
        return "\"" + story.get("version").asLong() + "\"";
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The story in a response, after checking it is JSON with an ETag of its version. */
    static JsonNode storyOf(HttpResponse<String> response) {
        assertEquals(
                "application/json",
                response.headers().firstValue("Content-Type").orElse(null),
                "type");
        JsonNode story = json(response);
        assertEquals(etag(story), response.headers().firstValue("ETag").orElse(null), "ETag of the story");
        return story;
    }

    /**
     * Checks a refusal: the status, problem+json with a title and the same status, and an {@code
     * errors} entry for each named field. Returns the problem.
     */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String... fields) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(null),
                response.body());
        JsonNode problem = json(response);
        assertNotNull(problem.get("title"), "title");
        assertFalse(problem.get("title").asText().isBlank(), "title");
        assertEquals(status, problem.path("status").asInt(), "status field");
        List<String> named = new ArrayList<>();
        problem.path("errors").forEach(e -> named.add(e.path("field").asText()));
        for (String field : fields) {
            assertTrue(named.contains(field), "errors name " + field + ": " + response.body());
        }
        return problem;
    }

    /** The id of the newest story in the staff list; a refused create must leave it unchanged. */
    static String newestStoryId() {
        HttpResponse<String> list = call("GET", "/articles?limit=1", EDITOR, null);
        assertEquals(200, list.statusCode(), list.body());
        JsonNode items = json(list).get("items");
        return items.isEmpty() ? "" : items.get(0).get("id").asText();
    }

    /** Every story the list returns for {@code query}, following cursors; bounded. */
    static List<JsonNode> listAll(String query, int limit) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 500; page++) {
            String path = "/articles?" + query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> answer = call("GET", path, EDITOR, null);
            assertEquals(200, answer.statusCode(), answer.body());
            JsonNode body = json(answer);
            assertTrue(body.get("items").size() <= limit, "a page holds at most limit stories");
            body.get("items").forEach(all::add);
            if (body.get("nextCursor").isNull()) return all;
            cursor = body.get("nextCursor").asText();
        }
        return fail("the list did not end within 500 pages");
    }
}
