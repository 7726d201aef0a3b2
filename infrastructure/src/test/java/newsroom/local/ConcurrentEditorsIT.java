package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Many editors change the same translation at once through the API gateway, each with If-Match and
 * a re-read on 412: every accepted change must survive, in order, with its own revision.
 */
class ConcurrentEditorsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int EDITORS = 32;
    // each 412 means another editor's write was accepted since the read, so 32 editors need at most
    // 32 attempts each; the bound leaves room and still ends a run that would loop
    static final int MAX_ATTEMPTS = 100;

    static final String STORY = """
      {"category": "city",
       "translations": {
         "en": {"title": "Square reopens after repairs", "lead": "The square is open again.",
                "dateline": "Almaty", "body": "First paragraph.", "format": "markdown"},
         "ru": {"title": "Площадь открылась после ремонта", "lead": "Площадь снова открыта.",
                "dateline": "Алматы", "body": "Первый абзац.", "format": "markdown"}}}
      """;

    /** One accepted PUT: who, on which version it was based, and what it produced. */
    record Accepted(String editor, long basedOn, long version, String etag, String title) {}

    @Test
    void everyAcceptedEditSurvivesWithItsOwnVersionAndRevision() throws Exception {
        String desk = TestStack.token("desk", "editors");
        HttpResponse<String> created = TestStack.api("POST", "/articles", desk, STORY);
        assertEquals(201, created.statusCode(), created.body());
        String id = JSON.readTree(created.body()).get("id").asText();
        HttpResponse<String> published = TestStack.api(
                "POST",
                "/articles/" + id + "/publish",
                desk,
                null,
                "If-Match",
                created.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, published.statusCode(), published.body());
        long startVersion = JSON.readTree(published.body()).get("version").asLong();

        List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger stale = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
        List<Future<?>> editors = new ArrayList<>();
        for (int i = 0; i < EDITORS; i++) {
            String editor = String.format("editor-%02d", i);
            String token = TestStack.token(editor, "editors");
            editors.add(pool.submit(() -> {
                go.await();
                for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                    HttpResponse<String> read = TestStack.api("GET", "/articles/" + id, token, null);
                    if (read.statusCode() != 200) {
                        unexpected.add(editor + " GET " + read.statusCode() + " " + read.body());
                        return null;
                    }
                    String etag = read.headers().firstValue("ETag").orElseThrow();
                    JsonNode en = JSON.readTree(read.body()).get("translations").get("en");
                    // the change builds on what the editor read: a lost update drops a line
                    String title = "Edited by " + editor;
                    ObjectNode change = JSON.createObjectNode();
                    change.put("title", title);
                    change.put("lead", en.get("lead").asText());
                    change.put("dateline", en.get("dateline").asText());
                    change.put("body", en.get("body").asText() + "\n\nLine from " + editor + ".");
                    change.put("format", "markdown");
                    attempts.incrementAndGet();
                    HttpResponse<String> put = TestStack.api(
                            "PUT",
                            "/articles/" + id + "/translations/en",
                            token,
                            JSON.writeValueAsString(change),
                            "If-Match",
                            etag);
                    if (put.statusCode() == 200) {
                        accepted.add(new Accepted(
                                editor,
                                version(etag),
                                JSON.readTree(put.body()).get("version").asLong(),
                                put.headers().firstValue("ETag").orElseThrow(),
                                title));
                        return null;
                    }
                    if (put.statusCode() != 412) {
                        unexpected.add(editor + " PUT " + put.statusCode() + " " + put.body());
                        return null;
                    }
                    stale.incrementAndGet();
                }
                unexpected.add(editor + " gave up after " + MAX_ATTEMPTS + " attempts");
                return null;
            }));
        }
        go.countDown();
        for (Future<?> editor : editors) editor.get(5, TimeUnit.MINUTES);
        pool.shutdown();

        assertEquals(List.of(), unexpected, "every editor gets 200 or 412 and finally succeeds");
        assertEquals(EDITORS, accepted.size());
        assertEquals(attempts.get(), accepted.size() + stale.get());

        // one winner per version: versions and ETags are distinct and follow each other without gaps
        List<Accepted> inOrder = new ArrayList<>(accepted);
        inOrder.sort(Comparator.comparingLong(Accepted::version));
        assertEquals(EDITORS, inOrder.stream().map(Accepted::etag).distinct().count(), "distinct ETags");
        for (int i = 0; i < EDITORS; i++) {
            Accepted a = inOrder.get(i);
            assertEquals(startVersion + 1 + i, a.version(), "versions without gaps");
            assertEquals(a.version() - 1, a.basedOn(), a.editor() + " wrote over what it read");
            assertEquals("\"" + a.version() + "\"", a.etag());
        }

        // one revision per accepted write, by its editor, at its version
        JsonNode revisions = JSON.readTree(TestStack.api("GET", "/articles/" + id + "/revisions", desk, null)
                        .body())
                .get("items");
        Map<Long, String> editsByVersion = new TreeMap<>();
        int editRevisions = 0;
        for (JsonNode r : revisions) {
            if (r.get("version").asLong() > startVersion) {
                editRevisions++;
                assertEquals("en", r.get("lang").asText());
                assertEquals("edit", r.get("action").asText());
                editsByVersion.put(r.get("version").asLong(), r.get("by").asText());
            }
        }
        Map<Long, String> expected = new TreeMap<>();
        inOrder.forEach(a -> expected.put(a.version(), a.editor()));
        assertEquals(expected, editsByVersion);
        assertEquals(EDITORS, editRevisions);

        // the story ends at the last accepted change, and that change carries all the others
        JsonNode finalStory = JSON.readTree(
                TestStack.api("GET", "/articles/" + id, desk, null).body());
        Accepted last = inOrder.get(EDITORS - 1);
        assertEquals(last.version(), finalStory.get("version").asLong());
        JsonNode en = finalStory.get("translations").get("en");
        assertEquals(last.title(), en.get("title").asText());
        List<String> lines = new ArrayList<>();
        for (String line : en.get("body").asText().split("\n\n")) {
            if (line.startsWith("Line from ")) lines.add(line.substring(10, line.length() - 1));
        }
        int lostUpdates = 0;
        for (int i = 0; i < EDITORS; i++) {
            String editor = inOrder.get(i).editor();
            boolean kept = i < lines.size() && lines.get(i).equals(editor);
            boolean revised = editor.equals(editsByVersion.get(inOrder.get(i).version()));
            if (!kept || !revised) lostUpdates++;
        }
        assertEquals(inOrder.stream().map(Accepted::editor).toList(), lines, "lines in version order");
        assertEquals(0, lostUpdates);
        assertEquals("published", en.get("status").asText(), "edits keep the translation published");

        // readers get the last change too, once the stream has delivered every edit
        TestStack.settle();
        HttpResponse<String> page = TestStack.cdn(en.get("url").asText());
        assertEquals(200, page.statusCode());
        assertEquals(last.title(), Jsoup.parse(page.body()).selectFirst("h1").text());
        assertTrue(page.body().contains("Line from " + last.editor()));

        ReliabilityFigures.concurrentEditors(
                EDITORS, attempts.get(), accepted.size(), stale.get(), editRevisions, lostUpdates);
    }

    private static long version(String etag) {
        return Long.parseLong(etag.replace("W/", "").replace("\"", ""));
    }
}
