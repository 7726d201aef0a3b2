package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import newsroom.lambda.Wiring;
import newsroom.render.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Drives a story through its whole life over the API (create, edit, publish, slug change while
 * published, unpublish, re-publish, translation removal, delete) and then audits the whole site
 * against the table: nothing missing, nothing left over, nothing stale, no broken link.
 */
class SiteAuditIT {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    final String editor = TestStack.token(cloud(), "aigerim", "editors");

    /** The stack under audit: the in-memory one here, the on-disk one in {@link SiteAuditOnDiskIT}. */
    LocalCloud cloud() {
        return TestStack.get();
    }

    static String story(String image, String suffix) {
        return """
        {"category": "education",
         "image": {"src": "%1$s"},
         "translations": {
           "kk": {"title": "Мектептерде жаңа оқу жылы басталды %2$s", "lead": "Оқушылар сабаққа оралды.",
                  "dateline": "Алматы", "body": "Биыл қалада **12** жаңа мектеп ашылды.", "format": "markdown",
                  "caption": "Жаңа мектептің ауласы", "imageAlt": "Мектеп ауласындағы оқушылар"},
           "ru": {"title": "В школах начался новый учебный год %2$s", "lead": "Школьники вернулись за парты.",
                  "dateline": "Алматы", "body": "В этом году в городе открылись **12** новых школ.", "format": "markdown",
                  "caption": "Двор новой школы", "imageAlt": "Школьники во дворе школы"},
           "en": {"title": "A new school year begins %2$s", "lead": "Pupils are back at their desks.",
                  "dateline": "Almaty", "body": "The city opened **12** new schools this year.", "format": "markdown",
                  "caption": "The yard of a new school", "imageAlt": "Pupils in a school yard"}}}
        """.formatted(image, suffix);
    }

    /** Where the renditions of an upload's src live: its key without the extension, as a folder. */
    static String renditionsOf(String src) {
        return src.substring(0, src.lastIndexOf('.')) + "/";
    }

    /** Uploads an image the way staff do: ask the API for an upload URL, then PUT the bytes. */
    String uploadImage() throws Exception {
        return uploadImage(cloud(), editor);
    }

    static String uploadImage(LocalCloud cloud, String token) throws Exception {
        var media = TestStack.api(
                cloud, "POST", "/media", token, "{\"contentType\": \"image/png\", \"size\": " + PNG.length + "}");
        assertEquals(201, media.statusCode(), media.body());
        JsonNode upload = JSON.readTree(media.body());
        HttpRequest.Builder put = HttpRequest.newBuilder(
                        URI.create(upload.get("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PNG));
        upload.get("headers").fields().forEachRemaining(h -> {
            // the client sets Content-Length itself from the body
            if (!h.getKey().equalsIgnoreCase("Content-Length")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        HttpResponse<String> stored = TestStack.HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stored.statusCode(), stored.body());
        // the image function turns the upload into renditions before a story names it
        SeparateStack.awaitUntil(
                "the upload is processed", java.time.Duration.ofSeconds(30), () -> cloud.pendingNotifications() == 0);
        return upload.get("src").asText();
    }

    record Version(String id, String etag, JsonNode body) {
        String url(String lang) {
            return body.get("translations").get(lang).get("url").asText();
        }
    }

    static Version version(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        return new Version(
                body.get("id").asText(), response.headers().firstValue("ETag").orElseThrow(), body);
    }

    Version call(String method, String path, Version current, String body) throws Exception {
        return version(TestStack.api(cloud(), method, path, editor, body, "If-Match", current.etag()), 200);
    }

    boolean inBucket(String path) {
        return cloud().services().bucket().get(SiteAudit.objectKey(path)).isPresent();
    }

    SiteAudit.Report audit() {
        Wiring services = cloud().services();
        return new SiteAudit(services.index(), services.bucket(), services.renderer(), services.config()).run();
    }

    @Test
    void siteMatchesTheTableAfterAStorysWholeLife() throws Exception {
        String image = uploadImage();
        Version a = version(TestStack.api(cloud(), "POST", "/articles", editor, story(image, "A")), 201);
        String path = "/articles/" + a.id();
        a = call("PUT", path + "/translations/en", a, """
            {"title": "A new school year begins in Almaty A", "lead": "Pupils are back.",
             "dateline": "Almaty", "body": "Twelve new schools opened.", "format": "markdown",
             "caption": "The yard of a new school", "imageAlt": "Pupils in a school yard"}
            """);
        a = call("POST", path + "/publish", a, null);
        String oldRu = a.url("ru");

        // a slug change while published moves the page
        a = call("PUT", path + "/translations/ru", a, """
            {"title": "В школах начался новый учебный год A", "lead": "Школьники вернулись за парты.",
             "dateline": "Алматы", "body": "Открылись двенадцать новых школ.", "format": "markdown",
             "slug": "novyj-uchebnyj-god-a", "caption": "Двор новой школы",
             "imageAlt": "Школьники во дворе школы"}
            """);
        a = call("POST", path + "/unpublish", a, "{\"languages\": [\"en\"]}");
        TestStack.settle(cloud());
        assertFalse(inBucket(a.url("en")), "an unpublished translation has no page");
        a = call("POST", path + "/publish", a, "{\"languages\": [\"en\"]}");
        String kk = a.url("kk");
        a = version(
                TestStack.api(cloud(), "DELETE", path + "/translations/kk", editor, null, "If-Match", a.etag()), 200);

        // a second story, back-dated into a month of its own, is published and then deleted
        Version b = version(TestStack.api(cloud(), "POST", "/articles", editor, story(image, "B")), 201);
        b = call("POST", "/articles/" + b.id() + "/publish", b, "{\"at\": \"2024-02-15T10:00:00+05:00\"}");
        TestStack.settle(cloud());
        assertTrue(inBucket("/en/news/2024/02/"), "the back-dated story opened a month archive");
        String bEn = b.url("en");
        assertEquals(
                204,
                TestStack.api(cloud(), "DELETE", "/articles/" + b.id(), editor, null, "If-Match", b.etag())
                        .statusCode());
        TestStack.settle(cloud());

        assertTrue(inBucket(a.url("ru")), "the page at the new slug");
        assertFalse(inBucket(oldRu), "no page at the former slug");
        assertTrue(inBucket(a.url("en")), "re-published");
        assertFalse(inBucket(kk), "a removed translation has no page");
        assertFalse(inBucket(bEn), "a deleted story has no page");
        assertFalse(inBucket("/en/news/2024/02/"), "an archive without stories is gone");
        assertFalse(inBucket("/sitemaps/2024-02.xml"));

        Document en = Jsoup.parse(TestStack.cdn(cloud(), a.url("en")).body());
        assertEquals("/kk/", en.selectFirst(".switcher a[hreflang=kk]").attr("href"));
        assertEquals(a.url("ru"), en.selectFirst(".switcher a[hreflang=ru]").attr("href"));
        String shown = en.selectFirst("figure img").attr("src");
        assertTrue(shown.startsWith(renditionsOf(image)), "the page shows a rendition of the upload: " + shown);
        assertEquals(200, TestStack.cdn(cloud(), shown).statusCode());

        SiteAudit.Report report = audit();
        assertTrue(report.stories() >= 2, report.summary());
        assertEquals(0, report.problems(), report.summary());
    }

    @Test
    void auditNoticesMissingStaleAndLeftoverPagesAndBrokenLinks() {
        // other tests' changes must not rewrite the damaged pages under the audit
        TestStack.settle(cloud());
        Wiring services = cloud().services();
        var bucket = services.bucket();
        try {
            bucket.delete("ru/category/culture/index.html");
            bucket.putIfChanged(
                    "en/index.html",
                    "<!DOCTYPE html><html lang=\"en\"><body><main>old</main></body></html>"
                            .getBytes(StandardCharsets.UTF_8),
                    "text/html; charset=utf-8",
                    "public, max-age=60, s-maxage=60");
            bucket.putIfChanged(
                    "kk/news/nobody/index.html",
                    "<a href=\"/kk/news/nowhere/\">x</a>".getBytes(StandardCharsets.UTF_8),
                    "text/html; charset=utf-8",
                    "public, max-age=60, s-maxage=60");

            SiteAudit.Report report = audit();

            assertTrue(report.missing().contains("ru/category/culture/index.html"), report.summary());
            assertTrue(report.stale().contains("en/index.html"), report.summary());
            assertTrue(report.orphaned().contains("kk/news/nobody/index.html"), report.summary());
            assertTrue(
                    report.brokenLinks().stream().anyMatch(l -> l.startsWith("/kk/news/nowhere/index.html")),
                    report.summary());
            assertTrue(
                    report.brokenLinks().stream().anyMatch(l -> l.startsWith("/ru/category/culture/index.html")),
                    "the navigation of every ru page leads there: " + report.summary());
        } finally {
            bucket.delete("kk/news/nobody/index.html");
            services.writer().write(List.of(new Page.Category("ru", "culture"), new Page.Home("en")));
        }
    }
}
