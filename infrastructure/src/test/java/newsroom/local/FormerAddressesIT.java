package newsroom.local;

import static newsroom.local.StaffClient.EDITOR;
import static newsroom.local.StaffClient.call;
import static newsroom.local.StaffClient.etag;
import static newsroom.local.StaffClient.storyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Old links keep working: a published story's former addresses answer 301 to its current page at
 * the CDN (slugs A → B → C: A and B both), the sitemaps list only the current address, an
 * unpublished story's former addresses 404 until it is republished, a freed slug taken by another
 * story is that story's page, and a deleted story's former addresses 404. Publishing again keeps
 * the publication time.
 */
class FormerAddressesIT {

    static JsonNode withSlug(JsonNode story, String lang, String slug) {
        ObjectNode t = (ObjectNode) story.path("translations").path(lang).deepCopy();
        ObjectNode in = StaffClient.translation(
                t.path("title").asText(),
                t.path("lead").asText(),
                t.path("dateline").asText(),
                t.path("body").asText());
        in.put("slug", slug);
        HttpResponse<String> put = call(
                "PUT",
                "/articles/" + story.get("id").asText() + "/translations/" + lang,
                EDITOR,
                in,
                "If-Match",
                etag(story));
        assertEquals(200, put.statusCode(), put.body());
        return storyOf(put);
    }

    static JsonNode post(JsonNode story, String action) {
        HttpResponse<String> r = call(
                "POST", "/articles/" + story.get("id").asText() + "/" + action, EDITOR, "{}", "If-Match", etag(story));
        assertEquals(200, r.statusCode(), r.body());
        return storyOf(r);
    }

    static String page(String slug) {
        return "/en/news/" + slug + "/";
    }

    static void assertMoved(String from, String to) {
        HttpResponse<String> answer = TestStack.cdn(from);
        assertEquals(301, answer.statusCode(), from);
        assertEquals(to, answer.headers().firstValue("Location").orElse(null), from);
    }

    static void assertStatus(int status, String path) {
        assertEquals(status, TestStack.cdn(path).statusCode(), path);
    }

    @Test
    void formerAddressesLeadToTheCurrentPageForEverySlugTheStoryHad() throws InterruptedException {
        String u = StaffClient.unique();
        String a = "tram-a-" + u, b = "tram-b-" + u, c = "tram-c-" + u;
        JsonNode story = StaffClient.create(EDITOR, StaffClient.story("transport", u));
        story = withSlug(story, "en", a);
        story = StaffClient.publish(story, "{}");
        TestStack.settle();
        assertStatus(200, page(a));
        String publishedAt =
                story.path("translations").path("en").path("publishedAt").asText();

        story = withSlug(story, "en", b);
        TestStack.settle();
        assertStatus(200, page(b));
        assertMoved(page(a), page(b));
        // the query goes along, as with the trailing-slash redirect
        assertEquals(
                page(b) + "?ref=feed",
                TestStack.cdn(page(a) + "?ref=feed")
                        .headers()
                        .firstValue("Location")
                        .orElse(null));

        story = withSlug(story, "en", c);
        TestStack.settle();
        assertStatus(200, page(c));
        assertMoved(page(a), page(c));
        assertMoved(page(b), page(c));

        // the sitemaps carry the current address only
        YearMonth month = YearMonth.from(Instant.parse(publishedAt).atZone(ZoneId.of("Asia/Almaty")));
        for (String sitemap : new String[] {"/sitemaps/" + month + ".xml", "/sitemap-news.xml"}) {
            String xml = TestStack.cdn(sitemap).body();
            assertTrue(xml.contains(page(c)), sitemap + " lists the current page");
            assertFalse(xml.contains(page(a)) || xml.contains(page(b)), sitemap + " lists a former page");
        }

        // publishing again keeps the publication time
        story = StaffClient.publish(story, "{}");
        assertEquals(
                publishedAt,
                story.path("translations").path("en").path("publishedAt").asText());
        TestStack.settle();
        assertTrue(TestStack.cdn(page(c)).body().contains("datetime=\""), "the page shows its date");
        assertEquals(
                publishedAt,
                StaffClient.read(story.get("id").asText())
                        .path("translations")
                        .path("en")
                        .path("publishedAt")
                        .asText());

        // unpublished: its former addresses lead nowhere; republished: they lead to it again
        story = post(story, "unpublish");
        TestStack.settle();
        assertStatus(404, page(c));
        assertStatus(404, page(a));
        assertStatus(404, page(b));
        story = StaffClient.publish(story, "{}");
        TestStack.settle();
        assertMoved(page(a), page(c));
        assertMoved(page(b), page(c));

        // a freed slug taken by another story is that story's page
        JsonNode other = StaffClient.create(EDITOR, StaffClient.story("city", StaffClient.unique()));
        other = withSlug(other, "en", a);
        StaffClient.publish(other, "{}");
        TestStack.settle();
        // the address answered 404 a moment ago, which the CDN keeps for its short error-caching time
        SeparateStack.awaitUntil(
                "the freed address serves the other story",
                java.time.Duration.ofSeconds(15),
                () -> TestStack.cdn(page(a)).statusCode() == 200);
        assertTrue(TestStack.cdn(page(a))
                .body()
                .contains(other.path("translations").path("en").path("title").asText()));
        assertMoved(page(b), page(c));

        // a deleted story's former addresses 404
        HttpResponse<String> deleted =
                call("DELETE", "/articles/" + story.get("id").asText(), EDITOR, null, "If-Match", etag(story));
        assertEquals(204, deleted.statusCode(), deleted.body());
        TestStack.settle();
        assertStatus(404, page(b));
        assertStatus(404, page(c));
        assertStatus(200, page(a));
    }
}
