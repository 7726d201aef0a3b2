package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import newsroom.render.SiteBucket;
import org.junit.jupiter.api.Test;

/**
 * A full rebuild requested over the API goes through the rebuild queue (a plan message fanned out
 * into batches of pages) and writes back every page, including ones the stream would never touch.
 */
class RebuildIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rebuildRequestedByAnAdminRewritesPagesThroughTheQueue() throws Exception {
        String editor = TestStack.token("rebuild", "editors");
        var created = TestStack.api("POST", "/articles", editor, """
            {"category": "culture",
             "translations": {
               "en": {"title": "Rebuild check", "lead": "In short.", "body": "Text.", "format": "markdown"}}}
            """);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode story = JSON.readTree(created.body());
        var published = TestStack.api(
                "POST",
                "/articles/" + story.get("id").asText() + "/publish",
                editor,
                null,
                "If-Match",
                created.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, published.statusCode(), published.body());
        TestStack.settle();
        String article = SiteAudit.objectKey(JSON.readTree(published.body())
                .get("translations")
                .get("en")
                .get("url")
                .asText());

        // pages lost from the bucket behind the renderer's back, and one overwritten by hand
        SiteBucket bucket = TestStack.get().services().bucket();
        List<String> lost = List.of(article, "kk/category/health/index.html", "ru/404.html", "robots.txt");
        for (String key : lost) assertTrue(bucket.delete(key), key);
        byte[] original = bucket.get("en/feed.xml").orElseThrow();
        bucket.putIfChanged("en/feed.xml", "<rss/>".getBytes(StandardCharsets.UTF_8), "application/rss+xml", "x");

        assertEquals(
                403,
                TestStack.api("POST", "/site/rebuild", editor, null).statusCode(),
                "editors cannot rebuild the site");
        TestStack.settle();
        int invalidatedBefore = TestStack.get().cdn().invalidated().size();
        var accepted = TestStack.api("POST", "/site/rebuild", TestStack.token("root", "admins"), null);
        assertEquals(202, accepted.statusCode(), accepted.body());
        TestStack.get().rebuildQueue().awaitEmpty(120_000);
        TestStack.get().invalidationQueue().awaitEmpty(60_000);
        var invalidated = TestStack.get().cdn().invalidated();
        assertEquals(
                List.of("/*"),
                invalidated.subList(invalidatedBefore, invalidated.size()),
                "a rebuild ends with one wildcard invalidation, and invalidates nothing else");

        for (String key : lost) assertTrue(bucket.get(key).isPresent(), "rewritten: " + key);
        assertEquals(
                new String(original, StandardCharsets.UTF_8),
                new String(bucket.get("en/feed.xml").orElseThrow(), StandardCharsets.UTF_8));
        assertEquals(List.of(), TestStack.get().rebuildQueue().deadLetters());
        assertEquals(List.of(), TestStack.get().invalidationQueue().deadLetters());
    }
}
