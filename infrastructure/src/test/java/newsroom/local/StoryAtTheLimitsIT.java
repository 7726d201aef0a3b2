package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import newsroom.story.Bodies;
import newsroom.story.BodyFormat;
import newsroom.story.StoryLimits;
import newsroom.story.StoryService;
import org.junit.jupiter.api.Test;

/**
 * A story at every field limit in every configured language, through the API gateway: bodies of
 * the largest source whose HTML is just under its own limit, so the story's items fill more than
 * one 1 MB query page. It is created, read, edited, published, rendered and deleted.
 */
class StoryAtTheLimitsIT {
    static final ObjectMapper JSON = new ObjectMapper();

    /** {@code n} code points of {@code letters}, repeated. */
    static String text(String letters, int n) {
        StringBuilder out = new StringBuilder();
        int[] points = letters.codePoints().toArray();
        for (int i = 0; i < n; i++) out.appendCodePoint(points[i % points.length]);
        return out.toString();
    }

    /**
     * A Markdown body of {@link StoryService#MAX_BODY_BYTES} bytes ending in {@code marker}, whose
     * HTML stays within {@link StoryService#MAX_BODY_HTML_BYTES}: ampersands grow fivefold as HTML,
     * so the share of them sets the HTML's size.
     */
    static String bodyAtTheLimits(String words, String marker) {
        // each ampersand takes the place of one byte of words and adds four bytes of HTML
        int plain = htmlBytes(body(words, 0, marker));
        int ampersands = Math.max(0, (StoryLimits.MAX_BODY_HTML_BYTES - plain) / 4);
        String body = body(words, ampersands, marker);
        while (htmlBytes(body) > StoryLimits.MAX_BODY_HTML_BYTES) {
            ampersands -= 50;
            body = body(words, ampersands, marker);
        }
        return body;
    }

    private static int htmlBytes(String markdown) {
        return Bodies.toSafeHtml(markdown, BodyFormat.MARKDOWN).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String body(String words, int ampersands, String marker) {
        StringBuilder out = new StringBuilder();
        out.append("&".repeat(ampersands)).append("\n\n");
        int room = StoryLimits.MAX_BODY_BYTES - (marker.length() + 2);
        int wordBytes = words.getBytes(StandardCharsets.UTF_8).length;
        int bytes = out.length();
        while (bytes + wordBytes < room) {
            out.append(words);
            bytes += wordBytes;
        }
        out.append(".".repeat(room - bytes));
        out.append("\n\n").append(marker);
        return out.toString();
    }

    static ObjectNode translation(String lang, String letters, String marker) {
        ObjectNode t = JSON.createObjectNode();
        t.put("title", text(letters, StoryLimits.MAX_TITLE));
        t.put("lead", text(letters, StoryLimits.MAX_LEAD));
        t.put("dateline", text(letters, StoryLimits.MAX_DATELINE));
        t.put("caption", text(letters, StoryLimits.MAX_CAPTION));
        t.put("imageAlt", text(letters, StoryLimits.MAX_CAPTION));
        t.put("body", bodyAtTheLimits(text(letters, 60) + " ", marker));
        t.put("format", "markdown");
        return t;
    }

    static final List<String> LETTERS = List.of("әғқңөұүһі", "жизнь", "limits");

    @Test
    void aStoryAtEveryLimitInEveryLanguageLivesItsWholeLife() throws Exception {
        LocalCloud cloud = TestStack.get();
        List<String> languages = cloud.config().languages();
        String editor = TestStack.token("limits", "editors");
        ObjectNode story = JSON.createObjectNode();
        story.put("category", "city");
        story.put("author", text("Автор ", StoryLimits.MAX_AUTHOR));
        var tags = story.putArray("tags");
        for (int i = 0; i < StoryLimits.MAX_TAGS; i++) tags.add(text(i + "тег", StoryLimits.MAX_TAG));
        story.putObject("image").put("src", "/media/2026/11/limits.jpg");
        // one request carries at most 256 KiB: the story is created with one translation and the
        // others are added one by one, as staff write them
        ObjectNode translations = JSON.createObjectNode();
        for (int i = 0; i < languages.size(); i++) {
            String lang = languages.get(i);
            translations.set(lang, translation(lang, LETTERS.get(i % LETTERS.size()), "END-OF-" + lang));
        }
        story.putObject("translations").set(languages.get(0), translations.get(languages.get(0)));
        HttpResponse<String> created = TestStack.api("POST", "/articles", editor, JSON.writeValueAsString(story));
        assertEquals(
                201,
                created.statusCode(),
                created.body().substring(0, Math.min(500, created.body().length())));
        String id = JSON.readTree(created.body()).get("id").asText();
        String path = "/articles/" + id;
        String etag = created.headers().firstValue("ETag").orElseThrow();
        for (String lang : languages.subList(1, languages.size())) {
            HttpResponse<String> added = TestStack.api(
                    "PUT",
                    path + "/translations/" + lang,
                    editor,
                    JSON.writeValueAsString(translations.get(lang)),
                    "If-Match",
                    etag);
            assertEquals(
                    200,
                    added.statusCode(),
                    lang + ": "
                            + added.body()
                                    .substring(0, Math.min(500, added.body().length())));
            etag = added.headers().firstValue("ETag").orElseThrow();
        }
        long bytes = translations.toString().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes > languages.size() * (StoryLimits.MAX_BODY_BYTES - 10_000L), "sources of " + bytes + " bytes");

        HttpResponse<String> read = TestStack.api("GET", path, editor, null);
        assertEquals(200, read.statusCode(), "read back whole: " + read.body());
        JsonNode body = JSON.readTree(read.body());
        for (String lang : languages) {
            assertEquals(
                    translations.get(lang).get("body").asText(),
                    body.get("translations").get(lang).get("body").asText(),
                    lang);
        }

        // an edit that keeps every limit
        ObjectNode edited = translation(languages.get(0), "жаңа", "EDITED-" + languages.get(0));
        HttpResponse<String> put = TestStack.api(
                "PUT",
                path + "/translations/" + languages.get(0),
                editor,
                JSON.writeValueAsString(edited),
                "If-Match",
                read.headers().firstValue("ETag").orElseThrow());
        assertEquals(
                200,
                put.statusCode(),
                put.body().substring(0, Math.min(500, put.body().length())));

        HttpResponse<String> published = TestStack.api(
                "POST",
                path + "/publish",
                editor,
                null,
                "If-Match",
                put.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, published.statusCode(), published.body().substring(0, 300));
        JsonNode publishedStory = JSON.readTree(published.body());
        TestStack.settle();
        for (String lang : languages) {
            String url = publishedStory.get("translations").get(lang).get("url").asText();
            HttpResponse<String> page = TestStack.cdn(url);
            assertEquals(200, page.statusCode(), url);
            String marker = lang.equals(languages.get(0)) ? "EDITED-" + lang : "END-OF-" + lang;
            assertTrue(page.body().contains(marker), "the page carries the whole body: " + url);
        }

        HttpResponse<String> deleted = TestStack.api(
                "DELETE",
                path,
                editor,
                null,
                "If-Match",
                published.headers().firstValue("ETag").orElseThrow());
        assertEquals(204, deleted.statusCode(), deleted.body());
        TestStack.settle();
        assertEquals(404, TestStack.api("GET", path, editor, null).statusCode());
        for (String lang : languages) {
            String url = publishedStory.get("translations").get(lang).get("url").asText();
            assertEquals(404, TestStack.cdn(url).statusCode(), url);
        }
    }
}
