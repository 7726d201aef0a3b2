package newsroom.local;

import static newsroom.local.StaffClient.EDITOR;
import static newsroom.local.StaffClient.JSON;
import static newsroom.local.StaffClient.WRITER;
import static newsroom.local.StaffClient.call;
import static newsroom.local.StaffClient.create;
import static newsroom.local.StaffClient.json;
import static newsroom.local.StaffClient.publish;
import static newsroom.local.StaffClient.story;
import static newsroom.local.StaffClient.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Uploads through the presigned URL, as the editor does, and what the image function makes of
 * them in the local stack: the S3 emulator's write raises the bucket notification, the handler
 * named in template.yaml receives it as an S3Event.
 */
class ImagesIT {
    static final Duration PROCESSING = Duration.ofSeconds(90);
    static byte[] photo;
    static long failuresBefore;

    @BeforeAll
    static void aPhonePhoto() {
        failuresBefore = TestStack.get().failedNotifications();
        // 12 megapixels, as a phone takes them, with the place in its EXIF
        photo = Photos.phoneJpeg(Photos.scene(4000, 3000, 15));
        double[] gps = Photos.gps(photo);
        assertEquals(Photos.LATITUDE, gps[0], 1e-4, "the upload carries GPS");
    }

    @AfterAll
    static void theFunctionNeverFailed() throws InterruptedException {
        SeparateStack.awaitUntil(
                "every notification handled", PROCESSING, () -> TestStack.get().pendingNotifications() == 0);
        assertEquals(failuresBefore, TestStack.get().failedNotifications(), "no invocation failed");
    }

    @Test
    void aPhonePhotoBecomesRenditionsWithoutLocationAndThePageUsesThem() throws Exception {
        JsonNode grant = grant("image/jpeg", photo.length);
        assertEquals(200, put(grant, photo, "image/jpeg").statusCode());
        String src = grant.get("src").asText();

        JsonNode picture = awaitOutcome(src);

        assertEquals("ready", picture.get("status").asText(), picture.toString());
        assertEquals(4000, picture.get("width").asInt());
        assertEquals(3000, picture.get("height").asInt());
        List<Integer> widths = new ArrayList<>();
        for (JsonNode r : picture.get("renditions")) {
            widths.add(r.get("width").asInt());
            assertEquals(r.get("width").asInt() * 3 / 4, r.get("height").asInt());
            assertServedClean(r);
        }
        assertEquals(List.of(480, 960, 1440, 1920), widths);
        JsonNode card = picture.get("card");
        assertEquals(1200, card.get("width").asInt());
        assertEquals(630, card.get("height").asInt());
        assertServedClean(card);
        // the src itself serves a clean picture, never the upload
        byte[] atSrc = cdnBytes(src).body();
        assertFalse(Arrays.equals(photo, atSrc));
        assertNull(Photos.gps(atSrc));

        ObjectNode illustrated = story("city", unique());
        illustrated.putObject("image").put("src", src);
        ((ObjectNode) illustrated.at("/translations/en")).put("imageAlt", "Republic Square at noon");
        // every language describes the image: it is published only where it does
        ((ObjectNode) illustrated.at("/translations/ru")).put("imageAlt", "Площадь Республики в полдень");
        JsonNode story = publish(create(EDITOR, illustrated), null);
        TestStack.settle();
        String path = story.at("/translations/en/url").asText();
        HttpResponse<String> page = TestStack.cdn(path);
        assertEquals(200, page.statusCode(), path);
        Document html = Jsoup.parse(page.body());
        Element img = html.selectFirst("article figure picture img");
        assertTrue(img != null, "the lead image is a <picture>: " + html.select("figure"));
        assertEquals("1920", img.attr("width"));
        assertEquals("1440", img.attr("height"));
        for (JsonNode r : picture.get("renditions")) {
            assertTrue(
                    img.attr("srcset")
                            .contains(
                                    r.get("src").asText() + " " + r.get("width").asInt() + "w"),
                    img.attr("srcset"));
        }
        assertFalse(img.attr("sizes").isBlank());
        assertFalse(img.hasAttr("loading"), "the lead image is above the fold: not lazy");
        assertTrue(html.selectFirst("meta[property=og:image]")
                .attr("content")
                .endsWith(card.get("src").asText()));
        assertEquals("1200", html.selectFirst("meta[property=og:image:width]").attr("content"));
        assertEquals("630", html.selectFirst("meta[property=og:image:height]").attr("content"));

        // the lists read the renditions from the published index: the home page leads with the
        // story in every width, at once; its category lists the small ones, lazily
        // (the CDN emulator may still serve a home page an earlier test read, for s-maxage +
        // stale-while-revalidate: wait, a bounded time, until it serves the one with the story)
        SeparateStack.awaitUntil("the home page led by the new story", java.time.Duration.ofSeconds(30), () -> {
            Element first = Jsoup.parse(TestStack.cdn("/en/").body()).selectFirst(".teasers li.lead h2 a");
            return first != null && first.attr("href").equals(path);
        });
        Document home = Jsoup.parse(TestStack.cdn("/en/").body());
        Element lead = home.selectFirst(".teasers li.lead");
        assertEquals(path, lead.selectFirst("h2 a").attr("href"), "the newest story leads");
        Element leadImg = lead.selectFirst("picture img");
        assertTrue(leadImg != null, "the lead shows its picture: " + lead);
        assertEquals("Republic Square at noon", leadImg.attr("alt"));
        assertEquals("1920", leadImg.attr("width"));
        assertFalse(leadImg.hasAttr("loading"), "the lead is above the fold");
        assertEquals(img.attr("srcset"), leadImg.attr("srcset"), "the lead offers every width");
        Document city = Jsoup.parse(TestStack.cdn("/en/category/city/").body());
        Element teaser = city.selectFirst(".teasers li:has(a[href=" + path + "])");
        Element thumb = teaser.selectFirst("picture img");
        JsonNode r480 = picture.get("renditions").get(0);
        JsonNode r960 = picture.get("renditions").get(1);
        assertEquals(
                r480.get("src").asText() + " 480w, " + r960.get("src").asText() + " 960w",
                thumb.attr("srcset"),
                "a teaser offers the small widths");
        assertEquals("lazy", thumb.attr("loading"));
        assertEquals("async", thumb.attr("decoding"));
        assertEquals(1, teaser.select("a").size(), "one link per teaser");
    }

    @Test
    void htmlNamedJpegIsRefusedAndDeleted() throws Exception {
        assertRefused(
                "<!DOCTYPE html><title>x</title><script>alert(document.cookie)</script>"
                        .getBytes(StandardCharsets.UTF_8),
                "not a JPEG");
    }

    @Test
    void svgNamedJpegIsRefusedAndDeleted() throws Exception {
        assertRefused(
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8),
                "not a JPEG");
    }

    @Test
    void truncatedPhotoIsRefusedAndDeleted() throws Exception {
        assertRefused(Arrays.copyOf(photo, photo.length / 2), "incomplete");
    }

    @Test
    void decompressionBombIsRefusedAndDeleted() throws Exception {
        byte[] small = Photos.jpeg(Photos.scene(160, 120, 3), 0.8f);
        assertRefused(Photos.claimingSize(small, 20_000, 20_000), "20000 × 20000");
    }

    @Test
    void theUploadUrlWritesNowhereButItsOwnUploadKey() throws Exception {
        byte[] png = Photos.jpeg(Photos.scene(64, 48, 4), 0.8f);
        JsonNode grant = grant("image/jpeg", png.length);
        URI granted = URI.create(grant.get("uploadUrl").asText());
        String path = granted.getRawPath();
        String name = path.substring(path.indexOf("/uploads/") + "/uploads/".length());
        List<String> elsewhere = List.of(
                "/" + LocalCloud.BUCKET + "/media/" + name,
                "/" + LocalCloud.BUCKET + "/en/index.html",
                "/" + LocalCloud.UPLOADS_BUCKET + "/uploads/" + name.replace(".jpg", "-other.jpg"),
                "/" + LocalCloud.UPLOADS_BUCKET + "/" + name);
        for (String other : elsewhere) {
            URI moved = new URI(granted.getScheme(), null, granted.getHost(), granted.getPort(), other, null, null);
            HttpResponse<String> answer = TestStack.HTTP.send(
                    withHeaders(
                                    HttpRequest.newBuilder(URI.create(moved + "?" + granted.getRawQuery())),
                                    grant,
                                    "image/jpeg")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(png))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, answer.statusCode(), other);
        }
        assertThrows(
                NoSuchKeyException.class,
                () -> TestStack.get()
                        .s3()
                        .headObject(b -> b.bucket(LocalCloud.BUCKET).key("media/" + name)));
    }

    @Test
    void anUnknownUploadIsPendingAndAMalformedNameIsNotFound() {
        HttpResponse<String> pending =
                call("GET", "/media/2026/12/00000000-0000-0000-0000-000000000000.jpg", WRITER, null);
        assertEquals(200, pending.statusCode(), pending.body());
        assertEquals("pending", json(pending).get("status").asText());
        assertEquals(404, call("GET", "/media/2026/12/robots.txt", WRITER, null).statusCode());
    }

    private static void assertRefused(byte[] bytes, String reason) throws Exception {
        JsonNode grant = grant("image/jpeg", bytes.length);
        assertEquals(200, put(grant, bytes, "image/jpeg").statusCode());
        String src = grant.get("src").asText();

        JsonNode picture = awaitOutcome(src);

        assertEquals("refused", picture.get("status").asText(), picture.toString());
        assertTrue(picture.get("reason").asText().contains(reason), picture.toString());
        String key = "uploads/" + src.substring("/media/".length());
        // the refusal is recorded before the file is deleted (so a failed delete is retried): the
        // outcome can be read a moment before the delete is done
        SeparateStack.awaitUntil("the refused file deleted", PROCESSING, () -> {
            try {
                TestStack.get()
                        .s3()
                        .headObject(b -> b.bucket(LocalCloud.UPLOADS_BUCKET).key(key));
                return false;
            } catch (NoSuchKeyException gone) {
                return true;
            }
        });
        assertThrows(
                NoSuchKeyException.class,
                () -> TestStack.get()
                        .s3()
                        .headObject(b -> b.bucket(LocalCloud.UPLOADS_BUCKET).key(key)),
                "the refused file is deleted");
        assertEquals(404, TestStack.cdn(src).statusCode(), "nothing is served under its src");
        assertEquals(
                List.of(),
                TestStack.get().services().bucket().keys(src.substring(1, src.lastIndexOf('.')) + "/"),
                "no renditions");
    }

    private static void assertServedClean(JsonNode rendition) throws Exception {
        String src = rendition.get("src").asText();
        HttpResponse<byte[]> served = cdnBytes(src);
        assertEquals(200, served.statusCode(), src);
        assertEquals(
                "public, max-age=31536000, immutable",
                served.headers().firstValue("Cache-Control").orElse(null));
        byte[] bytes = served.body();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(rendition.get("width").asInt(), decoded.getWidth(), src);
        assertEquals(rendition.get("height").asInt(), decoded.getHeight(), src);
        assertNull(Photos.gps(bytes), "no GPS in " + src);
        assertFalse(Photos.hasExif(bytes), "no EXIF in " + src);
        for (int marker : Photos.markers(bytes)) {
            assertFalse(marker >= 0xE1 && marker <= 0xEF, "an APPn segment beyond JFIF in " + src);
            assertNotEquals(0xFE, marker, "a comment in " + src);
        }
    }

    /** Polls the API (a condition with a deadline) until the upload is no longer pending. */
    private static JsonNode awaitOutcome(String src) throws InterruptedException {
        long deadline = System.nanoTime() + PROCESSING.toNanos();
        while (true) {
            HttpResponse<String> answer = call("GET", src, WRITER, null);
            assertEquals(200, answer.statusCode(), answer.body());
            JsonNode picture = json(answer);
            if (!picture.get("status").asText().equals("pending")) return picture;
            if (System.nanoTime() > deadline) throw new AssertionError("not processed in time: " + src);
            Thread.sleep(50);
        }
    }

    private static JsonNode grant(String type, long size) {
        HttpResponse<String> granted = call(
                "POST",
                "/media",
                WRITER,
                JSON.createObjectNode().put("contentType", type).put("size", size));
        assertEquals(201, granted.statusCode(), granted.body());
        return json(granted);
    }

    private static HttpResponse<String> put(JsonNode grant, byte[] bytes, String type) throws Exception {
        return TestStack.HTTP.send(
                withHeaders(
                                HttpRequest.newBuilder(
                                        URI.create(grant.get("uploadUrl").asText())),
                                grant,
                                type)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, JsonNode grant, String type) {
        request.timeout(Duration.ofSeconds(60));
        // the client sets Content-Length from the body itself
        grant.get("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("Content-Length") && !h.getKey().equalsIgnoreCase("Content-Type"))
                request.header(h.getKey(), h.getValue().asText());
        });
        return request.header("Content-Type", type);
    }

    private static HttpResponse<byte[]> cdnBytes(String path) throws Exception {
        return TestStack.HTTP.send(
                HttpRequest.newBuilder(URI.create(TestStack.get().cdnUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
