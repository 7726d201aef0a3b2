package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class WalkingSkeletonIT {
  static final ObjectMapper JSON = new ObjectMapper();

  static final String STORY =
      """
      {"category": "health",
       "translations": {
         "en": {"title": "Clinic opens on Abay Avenue", "lead": "A new clinic opens its doors.",
                "dateline": "Almaty", "body": "The clinic serves **twelve thousand** residents.\\n\\n> “We waited for years,” said a resident.", "format": "markdown"},
         "ru": {"title": "На проспекте Абая открылась поликлиника", "lead": "Новая поликлиника открыла двери.",
                "dateline": "Алматы", "body": "Поликлиника обслуживает двенадцать тысяч жителей.", "format": "markdown"}}}
      """;

  @Test
  void postedAndPublishedStoryIsServedByTheCdn() throws Exception {
    String editor = TestStack.token("erlan", "editors");
    HttpResponse<String> created = TestStack.api("POST", "/articles", editor, STORY);
    assertEquals(201, created.statusCode(), created.body());
    String etag = created.headers().firstValue("ETag").orElseThrow();
    JsonNode body = JSON.readTree(created.body());
    String id = body.get("id").asText();
    assertEquals("/articles/" + id, created.headers().firstValue("Location").orElseThrow());
    assertEquals(1, body.get("version").asInt());
    JsonNode en = body.get("translations").get("en");
    assertEquals("clinic-opens-on-abay-avenue", en.get("slug").asText());
    assertEquals("draft", en.get("status").asText());
    assertEquals("/en/news/clinic-opens-on-abay-avenue/", en.get("url").asText());
    String ruUrl = body.get("translations").get("ru").get("url").asText();

    HttpResponse<String> published =
        TestStack.api("POST", "/articles/" + id + "/publish", editor, null, "If-Match", etag);
    assertEquals(200, published.statusCode(), published.body());
    assertTrue(!published.headers().firstValue("ETag").orElseThrow().equals(etag));
    TestStack.settle();

    HttpResponse<String> page = TestStack.cdn(en.get("url").asText());
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertNotNull(page.headers().firstValue("Content-Security-Policy").orElse(null));
    Document doc = Jsoup.parse(page.body());
    assertEquals("en", doc.selectFirst("html").attr("lang"));
    assertEquals("Clinic opens on Abay Avenue", doc.selectFirst("h1").text());
    assertEquals("twelve thousand", doc.selectFirst(".body strong").text());
    assertEquals(ruUrl, doc.selectFirst(".switcher a[hreflang=ru]").attr("href"));
    assertEquals("/kk/", doc.selectFirst(".switcher a[hreflang=kk]").attr("href"));

    HttpResponse<String> ru = TestStack.cdn(ruUrl);
    assertEquals(200, ru.statusCode());
    assertEquals(
        "На проспекте Абая открылась поликлиника", Jsoup.parse(ru.body()).selectFirst("h1").text());
  }

  @Test
  void requestsWithoutAValidTokenAreRefused() {
    assertEquals(401, TestStack.api("POST", "/articles", null, STORY).statusCode());
    assertEquals(401, TestStack.api("POST", "/articles", "not-a-token", STORY).statusCode());
    assertEquals(200, TestStack.api("GET", "/openapi.json", null, null).statusCode());
  }

  @Test
  void cdnServesDirectoriesRedirectsAndNotFound() {
    HttpResponse<String> home = TestStack.cdn("/en/");
    assertEquals(200, home.statusCode());
    HttpResponse<String> noSlash = TestStack.cdn("/en");
    assertEquals(301, noSlash.statusCode());
    assertEquals("/en/", noSlash.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> missing = TestStack.cdn("/en/news/no-such-story/");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
  }
}
