package newsroom.local;

import static newsroom.local.StaffApiIT.id;
import static newsroom.local.StaffClient.ADMIN;
import static newsroom.local.StaffClient.EDITOR;
import static newsroom.local.StaffClient.WRITER;
import static newsroom.local.StaffClient.assertProblem;
import static newsroom.local.StaffClient.call;
import static newsroom.local.StaffClient.create;
import static newsroom.local.StaffClient.etag;
import static newsroom.local.StaffClient.publish;
import static newsroom.local.StaffClient.read;
import static newsroom.local.StaffClient.story;
import static newsroom.local.StaffClient.storyOf;
import static newsroom.local.StaffClient.translation;
import static newsroom.local.StaffClient.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Who may do what (writers, editors, admins), and the If-Match rules that prevent lost updates. */
class StaffApiAccessIT {

    @Test
    void writerCreatesAndEditsDrafts() {
        JsonNode story = create(WRITER, story("city", unique()));
        assertEquals("wanda", story.get("createdBy").asText());

        HttpResponse<String> edited = call(
                "PUT",
                "/articles/" + id(story) + "/translations/en",
                WRITER,
                translation("Bus lanes painted " + unique(), "On three avenues.", "Almaty", "Red."),
                "If-Match",
                etag(story));
        assertEquals(200, edited.statusCode(), edited.body());
        story = storyOf(edited);

        ObjectNode replacement = story("transport", unique());
        HttpResponse<String> replaced =
                call("PUT", "/articles/" + id(story), WRITER, replacement, "If-Match", etag(story));
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals("transport", storyOf(replaced).get("category").asText());

        HttpResponse<String> preview = call("GET", "/articles/" + id(story) + "/preview/ru", WRITER, null);
        assertEquals(200, preview.statusCode(), preview.body());
    }

    @Test
    void writerMayNotPublishUnpublishOrDelete() {
        JsonNode draft = create(WRITER, story("city", unique()));
        String path = "/articles/" + id(draft);

        assertProblem(call("POST", path + "/publish", WRITER, null, "If-Match", etag(draft)), 403);
        assertProblem(call("POST", path + "/unpublish", WRITER, null, "If-Match", etag(draft)), 403);
        assertProblem(call("DELETE", path, WRITER, null, "If-Match", etag(draft)), 403);

        assertEquals(draft, read(id(draft)), "nothing changed");
    }

    @Test
    void writerMayNotChangeAPublishedTranslation() {
        JsonNode story = publish(create(WRITER, story("health", unique())), "{\"languages\":[\"en\"]}");
        String path = "/articles/" + id(story);

        assertProblem(
                call(
                        "PUT",
                        path + "/translations/en",
                        WRITER,
                        translation("Rewritten " + unique(), "", "", "Changed."),
                        "If-Match",
                        etag(story)),
                403);
        assertProblem(call("DELETE", path + "/translations/en", WRITER, null, "If-Match", etag(story)), 403);
        assertProblem(call("PUT", path, WRITER, story("health", unique()), "If-Match", etag(story)), 403);
        assertEquals(story, read(id(story)), "nothing changed");

        HttpResponse<String> draftEdited = call(
                "PUT",
                path + "/translations/ru",
                WRITER,
                translation("Черновик " + unique(), "", "", "Правка."),
                "If-Match",
                etag(story));
        assertEquals(200, draftEdited.statusCode(), "the draft translation stays the writer's");
        HttpResponse<String> editorEdit = call(
                "PUT",
                path + "/translations/en",
                EDITOR,
                translation("Corrected " + unique(), "", "", "Fixed."),
                "If-Match",
                etag(storyOf(draftEdited)));
        assertEquals(200, editorEdit.statusCode(), editorEdit.body());
        assertEquals(
                "published", storyOf(editorEdit).at("/translations/en/status").asText());
    }

    @Test
    void staffWithoutANewsroomRoleAreForbidden() {
        String reader = TestStack.token("rustam", "readers");
        JsonNode story = create("city");

        assertProblem(call("GET", "/articles", reader, null), 403);
        assertProblem(call("GET", "/articles/" + id(story), reader, null), 403);
        assertProblem(call("POST", "/articles", reader, story("city", unique())), 403);
        assertProblem(call("POST", "/media", reader, "{\"contentType\": \"image/png\", \"size\": 10}"), 403);
    }

    @Test
    void onlyAdminsRebuildTheSite() throws Exception {
        assertProblem(call("POST", "/site/rebuild", WRITER, null), 403);
        assertProblem(call("POST", "/site/rebuild", EDITOR, null), 403);

        assertEquals(202, call("POST", "/site/rebuild", ADMIN, null).statusCode());
        TestStack.get().rebuildQueue().awaitEmpty(120_000);
    }

    @Test
    void everyChangeWithoutIfMatchIsRefusedWith428() {
        JsonNode story = create("culture");
        String path = "/articles/" + id(story);
        ObjectNode en = translation("Museum reopens " + unique(), "", "", "Open.");

        assertProblem(call("PUT", path, EDITOR, story("culture", unique())), 428);
        assertProblem(call("PUT", path + "/translations/en", EDITOR, en), 428);
        assertProblem(call("DELETE", path + "/translations/ru", EDITOR, null), 428);
        assertProblem(call("POST", path + "/publish", EDITOR, null), 428);
        assertProblem(call("POST", path + "/unpublish", EDITOR, null), 428);
        assertProblem(call("DELETE", path, EDITOR, null), 428);

        assertEquals(story, read(id(story)), "nothing changed");
    }

    @Test
    void staleIfMatchIsRejectedWith412AndChangesNothing() {
        JsonNode first = create("culture");
        String path = "/articles/" + id(first);
        JsonNode current = publish(first, "{\"languages\":[\"ru\"]}");
        String stale = etag(first);

        assertProblem(call("PUT", path, EDITOR, story("culture", unique()), "If-Match", stale), 412);
        assertProblem(
                call(
                        "PUT",
                        path + "/translations/en",
                        EDITOR,
                        translation("Lost update " + unique(), "", "", "Lost."),
                        "If-Match",
                        stale),
                412);
        assertProblem(call("DELETE", path + "/translations/en", EDITOR, null, "If-Match", stale), 412);
        assertProblem(call("POST", path + "/publish", EDITOR, null, "If-Match", stale), 412);
        assertProblem(call("POST", path + "/unpublish", EDITOR, null, "If-Match", stale), 412);
        assertProblem(call("DELETE", path, EDITOR, null, "If-Match", stale), 412);
        assertProblem(call("POST", path + "/publish", EDITOR, null, "If-Match", "\"99\""), 412);
        assertProblem(call("POST", path + "/publish", EDITOR, null, "If-Match", "yesterday"), 412);

        assertEquals(current, read(id(first)), "nothing changed");
    }

    @Test
    void concurrentChangesFromTheSameVersionLetExactlyOneThrough() throws Exception {
        JsonNode story = create("economy");
        String path = "/articles/" + id(story) + "/translations/en";
        List<Callable<HttpResponse<String>>> edits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ObjectNode edit = translation("Simultaneous edit " + unique(), "", "", "Edit " + i + ".");
            edits.add(() -> call("PUT", path, EDITOR, edit, "If-Match", etag(story)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(edits.size());
        List<Integer> statuses = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        try {
            for (Future<HttpResponse<String>> answer : pool.invokeAll(edits, 60, TimeUnit.SECONDS)) {
                statuses.add(answer.get().statusCode());
                bodies.add(answer.get().body());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), bodies.toString());
        assertEquals(edits.size() - 1, statuses.stream().filter(s -> s == 412).count(), bodies.toString());
        assertEquals(2, read(id(story)).get("version").asLong(), "one change was applied");
    }

    @Test
    void weakETagIsAccepted() {
        JsonNode story = create("city");

        HttpResponse<String> published = call(
                "POST",
                "/articles/" + id(story) + "/publish",
                EDITOR,
                null,
                "If-Match",
                "W/\"" + story.get("version").asLong() + "\"");

        assertEquals(200, published.statusCode(), published.body());
        assertEquals("\"2\"", published.headers().firstValue("ETag").orElse(null));
    }
}
