package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The thinnest real slice, against any running stack: a story posted and published over HTTP is
 * served by the CDN in both its languages. Shared by the embedded and the LocalStack suites.
 */
final class PublishSlice {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishSlice() {}

    static void run(LocalCloud cloud) throws Exception {
        String editor = cloud.auth().token("erlan", List.of("editors"), Duration.ofHours(1));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String story = """
        {"category": "health",
         "translations": {
           "en": {"title": "Clinic opens on Abay Avenue %1$s", "lead": "A new clinic opens its doors.",
                  "dateline": "Almaty", "body": "The clinic serves **twelve thousand** residents.\\n\\n> “We waited for years,” said a resident.", "format": "markdown"},
           "ru": {"title": "На проспекте Абая открылась поликлиника %1$s", "lead": "Новая поликлиника открыла двери.",
                  "dateline": "Алматы", "body": "Поликлиника обслуживает двенадцать тысяч жителей.", "format": "markdown"}}}
        """.formatted(tag);
        HttpResponse<String> created = TestStack.api(cloud, "POST", "/articles", editor, story);
        assertEquals(201, created.statusCode(), created.body());
        String etag = created.headers().firstValue("ETag").orElseThrow();
        JsonNode body = JSON.readTree(created.body());
        String id = body.get("id").asText();
        assertEquals("/articles/" + id, created.headers().firstValue("Location").orElseThrow());
        assertEquals(1, body.get("version").asInt());
        JsonNode en = body.get("translations").get("en");
        assertEquals("clinic-opens-on-abay-avenue-" + tag, en.get("slug").asText());
        assertEquals("draft", en.get("status").asText());
        assertEquals(
                "/en/news/clinic-opens-on-abay-avenue-" + tag + "/",
                en.get("url").asText());
        String ruUrl = body.get("translations").get("ru").get("url").asText();

        HttpResponse<String> published =
                TestStack.api(cloud, "POST", "/articles/" + id + "/publish", editor, null, "If-Match", etag);
        assertEquals(200, published.statusCode(), published.body());
        assertNotEquals(etag, published.headers().firstValue("ETag").orElseThrow());
        cloud.awaitQuiet(Duration.ofSeconds(60));

        HttpResponse<String> page = TestStack.cdn(cloud, en.get("url").asText());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertNotNull(page.headers().firstValue("Content-Security-Policy").orElse(null));
        Document doc = Jsoup.parse(page.body());
        assertEquals("en", doc.selectFirst("html").attr("lang"));
        assertEquals("Clinic opens on Abay Avenue " + tag, doc.selectFirst("h1").text());
        assertEquals("twelve thousand", doc.selectFirst(".body strong").text());
        assertEquals(ruUrl, doc.selectFirst(".switcher a[hreflang=ru]").attr("href"));
        assertEquals("/kk/", doc.selectFirst(".switcher a[hreflang=kk]").attr("href"));

        HttpResponse<String> ru = TestStack.cdn(cloud, ruUrl);
        assertEquals(200, ru.statusCode());
        assertEquals(
                "На проспекте Абая открылась поликлиника " + tag,
                Jsoup.parse(ru.body()).selectFirst("h1").text());
    }
}
