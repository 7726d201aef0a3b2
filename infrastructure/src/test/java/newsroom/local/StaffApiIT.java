package newsroom.local;

import static newsroom.local.StaffClient.EDITOR;
import static newsroom.local.StaffClient.JSON;
import static newsroom.local.StaffClient.assertProblem;
import static newsroom.local.StaffClient.call;
import static newsroom.local.StaffClient.create;
import static newsroom.local.StaffClient.etag;
import static newsroom.local.StaffClient.json;
import static newsroom.local.StaffClient.listAll;
import static newsroom.local.StaffClient.publish;
import static newsroom.local.StaffClient.read;
import static newsroom.local.StaffClient.story;
import static newsroom.local.StaffClient.storyOf;
import static newsroom.local.StaffClient.translation;
import static newsroom.local.StaffClient.unique;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The staff API's story operations, through the gateway, against the real table and bucket. */
class StaffApiIT {

    @Test
    void createAnswers201WithLocationETagAndTheStory() {
        String suffix = unique();
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> created = call("POST", "/articles", EDITOR, story("health", suffix));

        assertEquals(201, created.statusCode(), created.body());
        JsonNode story = storyOf(created);
        String id = story.get("id").asText();
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
        assertEquals("/articles/" + id, created.headers().firstValue("Location").orElse(null));
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElse(null));
        assertEquals(1, story.get("version").asLong());
        assertEquals("health", story.get("category").asText());
        assertEquals("[\"roads\"]", story.get("tags").toString());
        assertEquals("Erlan", story.get("author").asText(), "the author defaults to the creator's display name");
        assertTrue(story.get("image").isNull());
        assertEquals("erlan", story.get("createdBy").asText());
        assertEquals("erlan", story.get("updatedBy").asText());
        Instant createdAt = Instant.parse(story.get("createdAt").asText());
        assertFalse(createdAt.isBefore(before), "createdAt is the time of the request");
        assertEquals(Set.of("en", "ru"), fieldNames(story.get("translations")));

        JsonNode en = story.get("translations").get("en");
        assertEquals("New tram line opens " + suffix, en.get("title").asText());
        assertEquals(
                "Trams run from the station to the airport.", en.get("lead").asText());
        assertEquals("Almaty", en.get("dateline").asText());
        assertEquals("The line has **nine** stops.", en.get("body").asText());
        assertEquals("markdown", en.get("format").asText());
        assertEquals("new-tram-line-opens-" + suffix, en.get("slug").asText());
        assertEquals("draft", en.get("status").asText());
        assertTrue(en.get("publishedAt").isNull());
        assertEquals(
                "/en/news/new-tram-line-opens-" + suffix + "/", en.get("url").asText());
        assertTrue(en.get("caption").isNull());
        assertTrue(en.get("imageAlt").isNull());
        assertEquals("erlan", en.get("updatedBy").asText());
        assertEquals(
                "otkrylas-novaya-tramvaynaya-liniya-" + suffix,
                story.get("translations").get("ru").get("slug").asText(),
                "Russian titles are transliterated");
    }

    @Test
    void readAnswersTheStoryWithItsETag() {
        JsonNode created = create("city");
        HttpResponse<String> read = call("GET", "/articles/" + created.get("id").asText(), EDITOR, null);

        assertEquals(200, read.statusCode(), read.body());
        assertEquals("\"1\"", read.headers().firstValue("ETag").orElse(null));
        assertEquals(created, storyOf(read));
    }

    @Test
    void listFiltersByStatusLanguageAndCategory() {
        JsonNode both = create("economy");
        ObjectNode englishOnly = story("economy", unique());
        englishOnly.withObject("translations").remove("ru");
        JsonNode published = publish(create(EDITOR, englishOnly), null);
        ObjectNode russianOnly = story("economy", unique());
        russianOnly.withObject("translations").remove("en");
        JsonNode russian = create(EDITOR, russianOnly);
        JsonNode elsewhere = create("culture");

        List<JsonNode> publishedEconomy = listAll("status=published&category=economy", 20);
        assertEquals(List.of(id(published)), mine(publishedEconomy, both, published, russian, elsewhere));
        publishedEconomy.forEach(s -> {
            assertEquals("economy", s.get("category").asText());
            assertTrue(statuses(s).contains("published"), s.toString());
        });

        List<JsonNode> englishEconomy = listAll("lang=en&category=economy", 20);
        assertEquals(List.of(id(published), id(both)), mine(englishEconomy, both, published, russian, elsewhere));
        englishEconomy.forEach(s -> assertTrue(s.get("translations").has("en"), s.toString()));

        List<JsonNode> drafts = listAll("status=draft&lang=ru", 50);
        assertEquals(List.of(id(elsewhere), id(russian), id(both)), mine(drafts, both, published, russian, elsewhere));
        drafts.forEach(s -> {
            assertTrue(statuses(s).contains("draft"), s.toString());
            assertTrue(s.get("translations").has("ru"), s.toString());
        });
    }

    @Test
    void listIsNewestFirstAndPagesWithACursor() {
        List<JsonNode> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) created.add(create("education"));

        List<JsonNode> listed = listAll("category=education", 2);

        List<String> ids = listed.stream().map(StaffApiIT::id).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no story appears on two pages");
        assertTrue(ids.size() >= 5, "at least three pages of two were read");
        Comparator<JsonNode> newestFirst = Comparator.comparing(
                        (JsonNode s) -> Instant.parse(s.get("createdAt").asText()))
                .thenComparing(StaffApiIT::id)
                .reversed();
        assertEquals(listed.stream().sorted(newestFirst).toList(), listed, "newest first");
        assertEquals(
                created.stream().sorted(newestFirst).map(StaffApiIT::id).toList(),
                mine(listed, created.toArray(JsonNode[]::new)));
    }

    @Test
    void replaceChangesTheWholeStoryAndFreesTheSlugsItDrops() {
        String suffix = unique();
        JsonNode created = create(EDITOR, story("city", suffix));
        String droppedSlug = created.get("translations").get("ru").get("slug").asText();
        ObjectNode replacement = story("transport", suffix);
        replacement.withObject("translations").remove("ru");
        replacement.withObject("translations").withObject("en").put("title", "Tram line extended " + suffix);
        replacement.putArray("tags").add("trams").add("airport");

        HttpResponse<String> replaced =
                call("PUT", "/articles/" + id(created), EDITOR, replacement, "If-Match", etag(created));

        assertEquals(200, replaced.statusCode(), replaced.body());
        JsonNode story = storyOf(replaced);
        assertEquals(2, story.get("version").asLong());
        assertEquals("transport", story.get("category").asText());
        assertEquals("[\"trams\",\"airport\"]", story.get("tags").toString());
        assertEquals(Set.of("en"), fieldNames(story.get("translations")));
        assertEquals(
                "Tram line extended " + suffix,
                story.at("/translations/en/title").asText());
        assertEquals(
                created.at("/translations/en/slug").asText(),
                story.at("/translations/en/slug").asText(),
                "a translation keeps its slug when none is sent");
        assertEquals(story, read(id(created)));

        ObjectNode takesTheSlug = story("city", unique());
        takesTheSlug.withObject("translations").withObject("ru").put("slug", droppedSlug);
        assertEquals(
                droppedSlug,
                create(EDITOR, takesTheSlug).at("/translations/ru/slug").asText());
    }

    @Test
    void deleteAnswers204ThenTheStoryIsGoneAndItsSlugsAreFree() {
        String suffix = unique();
        JsonNode created = create(EDITOR, story("city", suffix));

        HttpResponse<String> deleted =
                call("DELETE", "/articles/" + id(created), EDITOR, null, "If-Match", etag(created));

        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals("", deleted.body());
        assertProblem(call("GET", "/articles/" + id(created), EDITOR, null), 404);
        // the history stays readable by editors behind the tombstone (StaffApiHistoryIT), not by writers
        assertProblem(call("GET", "/articles/" + id(created) + "/revisions", StaffClient.WRITER, null), 404);
        assertProblem(call("DELETE", "/articles/" + id(created), EDITOR, null, "If-Match", etag(created)), 404);
        JsonNode again = create(EDITOR, story("city", suffix));
        assertFalse(id(again).equals(id(created)));
        assertEquals(
                created.at("/translations/en/slug").asText(),
                again.at("/translations/en/slug").asText());
        assertEquals(
                created.at("/translations/ru/slug").asText(),
                again.at("/translations/ru/slug").asText());
    }

    @Test
    void aTranslationCanBeAddedReplacedAndRemoved() {
        String suffix = unique();
        ObjectNode englishOnly = story("culture", suffix);
        englishOnly.withObject("translations").remove("ru");
        JsonNode story = create(EDITOR, englishOnly);
        String path = "/articles/" + id(story) + "/translations/kk";

        HttpResponse<String> added = call(
                "PUT",
                path,
                EDITOR,
                translation("Жаңа трамвай желісі ашылды " + suffix, "Әуежайға дейін.", "Алматы", "Тоғыз аялдама."),
                "If-Match",
                etag(story));
        assertEquals(200, added.statusCode(), added.body());
        story = storyOf(added);
        assertEquals(2, story.get("version").asLong());
        assertEquals("draft", story.at("/translations/kk/status").asText());
        assertEquals(
                "zhana-tramvay-zhelisi-ashyldy-" + suffix,
                story.at("/translations/kk/slug").asText());
        assertEquals(
                "New tram line opens " + suffix,
                story.at("/translations/en/title").asText());

        ObjectNode edit = translation("Трамвай желісі ұзартылды " + suffix, "Жаңа аялдама.", "Алматы", "Он аялдама.");
        edit.put("slug", "tram-kk-" + suffix);
        edit.put("format", "html");
        HttpResponse<String> replaced = call("PUT", path, EDITOR, edit, "If-Match", etag(story));
        assertEquals(200, replaced.statusCode(), replaced.body());
        story = storyOf(replaced);
        assertEquals(3, story.get("version").asLong());
        assertEquals(
                "Трамвай желісі ұзартылды " + suffix,
                story.at("/translations/kk/title").asText());
        assertEquals("tram-kk-" + suffix, story.at("/translations/kk/slug").asText());
        assertEquals("html", story.at("/translations/kk/format").asText());

        HttpResponse<String> removed = call("DELETE", path, EDITOR, null, "If-Match", etag(story));
        assertEquals(200, removed.statusCode(), removed.body());
        story = storyOf(removed);
        assertEquals(4, story.get("version").asLong());
        assertEquals(Set.of("en"), fieldNames(story.get("translations")));
        assertEquals(story, read(id(story)));
    }

    @Test
    void mediaUploadGrantsAPresignedPutThatStoresTheImage() throws Exception {
        byte[] png = png();
        ObjectNode request =
                JSON.createObjectNode().put("contentType", "image/png").put("size", png.length);

        HttpResponse<String> granted = call("POST", "/media", StaffClient.WRITER, request);

        assertEquals(201, granted.statusCode(), granted.body());
        JsonNode upload = json(granted);
        String src = upload.get("src").asText();
        assertTrue(src.matches("/media/\\d{4}/\\d{2}/[0-9a-f-]{36}\\.png"), src);
        assertEquals(src, granted.headers().firstValue("Location").orElse(null));
        assertEquals("PUT", upload.get("method").asText());
        assertEquals("image/png", upload.at("/headers/Content-Type").asText());
        assertEquals(
                Integer.toString(png.length),
                upload.at("/headers/Content-Length").asText());
        assertTrue(Instant.parse(upload.get("expiresAt").asText()).isAfter(Instant.now()));

        // the file lands in the private uploads bucket; readers get only what the image function makes
        String key = "uploads/" + src.substring("/media/".length());
        assertEquals(403, upload(upload, png, "image/gif").statusCode(), "another type is refused");
        byte[] longer = java.util.Arrays.copyOf(png, png.length + 1);
        assertEquals(403, upload(upload, longer, "image/png").statusCode(), "another size is refused");
        assertThrows(
                NoSuchKeyException.class,
                () -> TestStack.get()
                        .s3()
                        .headObject(b -> b.bucket(LocalCloud.UPLOADS_BUCKET).key(key)));

        HttpResponse<String> stored = upload(upload, png, "image/png");
        assertEquals(200, stored.statusCode(), stored.body());
        var head = TestStack.get()
                .s3()
                .headObject(b -> b.bucket(LocalCloud.UPLOADS_BUCKET).key(key));
        assertEquals("image/png", head.contentType());
        assertEquals(png.length, head.contentLength());
        assertArrayEquals(
                png,
                TestStack.get()
                        .s3()
                        .getObjectAsBytes(
                                b -> b.bucket(LocalCloud.UPLOADS_BUCKET).key(key))
                        .asByteArray());

        ObjectNode illustrated = story("culture", unique());
        illustrated.putObject("image").put("src", src);
        assertEquals(src, create(EDITOR, illustrated).at("/image/src").asText());
    }

    @Test
    void openApiDescriptionIsServedWithoutAToken() {
        HttpResponse<String> openApi = call("GET", "/openapi.json", null, null);

        assertEquals(200, openApi.statusCode(), openApi.body());
        assertEquals(
                "application/json", openApi.headers().firstValue("Content-Type").orElse(null));
        JsonNode document = json(openApi);
        assertTrue(document.get("openapi").asText().startsWith("3."), openApi.body());
        assertTrue(document.at("/paths/~1articles~1{id}~1publish").has("post"), "routes are described");
    }

    static String id(JsonNode story) {
        return story.get("id").asText();
    }

    /** The ids of {@code ours} in the order the list gave them. */
    static List<String> mine(List<JsonNode> listed, JsonNode... ours) {
        Set<String> wanted = new HashSet<>();
        for (JsonNode s : ours) wanted.add(id(s));
        return listed.stream().map(StaffApiIT::id).filter(wanted::contains).toList();
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> statuses(JsonNode story) {
        Set<String> statuses = new HashSet<>();
        story.get("translations").forEach(t -> statuses.add(t.get("status").asText()));
        return statuses;
    }

    /** PUTs {@code bytes} to the granted URL with every header the grant names. */
    private static HttpResponse<String> upload(JsonNode grant, byte[] bytes, String contentType) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(
                        URI.create(grant.get("uploadUrl").asText()))
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        // the client sets Content-Length from the body itself
        grant.get("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("Content-Length") && !h.getKey().equalsIgnoreCase("Content-Type"))
                put.header(h.getKey(), h.getValue().asText());
        });
        put.header("Content-Type", contentType);
        return TestStack.HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 32; x++) for (int y = 0; y < 24; y++) image.setRGB(x, y, x * 0x070503 + y);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
