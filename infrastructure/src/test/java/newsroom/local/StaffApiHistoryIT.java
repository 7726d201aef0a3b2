package newsroom.local;

import static newsroom.local.StaffClient.EDITOR;
import static newsroom.local.StaffClient.WRITER;
import static newsroom.local.StaffClient.assertProblem;
import static newsroom.local.StaffClient.call;
import static newsroom.local.StaffClient.create;
import static newsroom.local.StaffClient.etag;
import static newsroom.local.StaffClient.json;
import static newsroom.local.StaffClient.publish;
import static newsroom.local.StaffClient.storyOf;
import static newsroom.local.StaffClient.translation;
import static newsroom.local.StaffClient.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import newsroom.store.Items;
import newsroom.story.StoryRepository;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * History keeps the words, through the gateway: every revision keeps its language's text, one can
 * be read and restored, old ones are pruned, and a deleted story's history stays readable by
 * editors behind a tombstone whose time to live ends it.
 */
class StaffApiHistoryIT {

    static ObjectNode draft(String writer) {
        ObjectNode story = StaffClient.JSON.createObjectNode();
        story.put("category", "city");
        story.putObject("translations")
                .set("en", translation("Park benches " + writer, "Lead.", "Almaty", "Words of " + writer + "."));
        return story;
    }

    static JsonNode revisions(String id, String token) {
        HttpResponse<String> list = call("GET", "/articles/" + id + "/revisions", token, null);
        assertEquals(200, list.statusCode(), list.body());
        return json(list);
    }

    @Test
    void aReplacedDraftIsReadAndRestoredFromItsRevision() {
        String first = "first-" + unique();
        JsonNode story = create(WRITER, draft(first));
        String id = story.get("id").asText();
        String path = "/articles/" + id;
        // another writer replaces the draft, as writers may
        HttpResponse<String> replaced = call(
                "PUT",
                path + "/translations/en",
                StaffClient.EDITOR,
                translation("Park benches second", "Lead.", "Almaty", "Other words entirely."),
                "If-Match",
                etag(story));
        assertEquals(200, replaced.statusCode(), replaced.body());

        JsonNode listed = revisions(id, WRITER);
        assertEquals(List.of("1-en", "2-en"), ids(listed));
        assertTrue(listed.get("items").get(0).path("translation").isMissingNode(), "lists carry no texts");

        HttpResponse<String> old = call("GET", path + "/revisions/1-en", WRITER, null);
        assertEquals(200, old.statusCode(), old.body());
        JsonNode oldText = json(old).get("translation");
        assertEquals("Words of " + first + ".", oldText.get("body").asText());
        assertEquals("Park benches " + first, oldText.get("title").asText());

        // restoring needs the version read
        assertProblem(call("POST", path + "/revisions/1-en/restore", WRITER, null), 428);
        assertProblem(call("POST", path + "/revisions/1-en/restore", WRITER, null, "If-Match", "\"1\""), 412);
        assertProblem(call("GET", path + "/revisions/9-en", WRITER, null), 404);
        assertProblem(call("GET", path + "/revisions/not-a-revision", WRITER, null), 404);
        assertProblem(call("POST", path + "/revisions/9-en/restore", WRITER, null, "If-Match", "\"2\""), 404);

        HttpResponse<String> restored =
                call("POST", path + "/revisions/1-en/restore", WRITER, null, "If-Match", "\"2\"");
        assertEquals(200, restored.statusCode(), restored.body());
        JsonNode back = storyOf(restored);
        assertEquals(3, back.get("version").asLong());
        assertEquals(
                "Words of " + first + ".",
                back.get("translations").get("en").get("body").asText());
        assertEquals("draft", back.get("translations").get("en").get("status").asText());
        JsonNode third = revisions(id, WRITER).get("items").get(2);
        assertEquals("restore", third.get("action").asText());
        assertEquals("wanda", third.get("by").asText());
    }

    @Test
    void restoringAPublishedTranslationMakesItADraftAndOnlyEditorsMayDoIt() {
        JsonNode story = publish(create(EDITOR, draft("published-" + unique())), null);
        String path = "/articles/" + story.get("id").asText();
        assertProblem(call("POST", path + "/revisions/1-en/restore", WRITER, null, "If-Match", etag(story)), 403);
        HttpResponse<String> restored =
                call("POST", path + "/revisions/1-en/restore", EDITOR, null, "If-Match", etag(story));
        assertEquals(200, restored.statusCode(), restored.body());
        assertEquals(
                "draft",
                storyOf(restored).get("translations").get("en").get("status").asText());
    }

    @Test
    void onlyTheNewestRevisionsOfATranslationAreKept() {
        JsonNode story = create(EDITOR, draft("pruned-" + unique()));
        String id = story.get("id").asText();
        String etag = etag(story);
        int edits = StoryRepository.KEPT_REVISIONS + 5;
        for (int i = 1; i <= edits; i++) {
            // two people taking turns: one person's saves in a row would be one revision
            HttpResponse<String> edited = call(
                    "PUT",
                    "/articles/" + id + "/translations/en",
                    i % 2 == 0 ? EDITOR : StaffClient.ADMIN,
                    translation("Park benches edit " + i, "Lead.", "Almaty", "Edit " + i + "."),
                    "If-Match",
                    etag);
            assertEquals(200, edited.statusCode(), edited.body());
            etag = edited.headers().firstValue("ETag").orElseThrow();
        }
        List<String> kept = ids(revisions(id, EDITOR));
        assertEquals(StoryRepository.KEPT_REVISIONS, kept.size(), kept.toString());
        assertEquals((edits + 1) + "-en", kept.get(kept.size() - 1));
        assertEquals((edits + 2 - StoryRepository.KEPT_REVISIONS) + "-en", kept.get(0));
        assertProblem(call("GET", "/articles/" + id + "/revisions/1-en", EDITOR, null), 404);
        HttpResponse<String> newest =
                call("GET", "/articles/" + id + "/revisions/" + (edits + 1) + "-en", EDITOR, null);
        assertEquals(
                "Edit " + edits + ".",
                json(newest).get("translation").get("body").asText());
    }

    @Test
    void oneWritersAutosavesAreOneRevisionUntilAnotherWriterSaves() {
        String other = TestStack.token("olga", "writers");
        JsonNode story = create(EDITOR, draft("autosave-" + unique()));
        String id = story.get("id").asText();
        String etag = etag(story);
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 1; i <= 10; i++) {
            HttpResponse<String> saved = call(
                    "PUT",
                    "/articles/" + id + "/translations/en",
                    WRITER,
                    translation("Park benches", "Lead.", "Almaty", "Typed so far: " + i + "."),
                    "If-Match",
                    etag);
            assertEquals(200, saved.statusCode(), saved.body());
            etag = saved.headers().firstValue("ETag").orElseThrow();
        }
        JsonNode listed = revisions(id, WRITER);
        assertEquals(List.of("1-en", "11-en"), ids(listed), "ten saves, one revision");
        JsonNode run = listed.get("items").get(1);
        assertEquals("edit", run.get("action").asText());
        assertEquals("wanda", run.get("by").asText());
        Instant started = Instant.parse(run.get("startedAt").asText());
        assertTrue(
                !started.isBefore(before)
                        && !started.isAfter(Instant.parse(run.get("at").asText())),
                run.toString());
        HttpResponse<String> text = call("GET", "/articles/" + id + "/revisions/11-en", WRITER, null);
        assertEquals(200, text.statusCode(), text.body());
        assertEquals(
                "Typed so far: 10.", json(text).get("translation").get("body").asText());
        assertProblem(call("GET", "/articles/" + id + "/revisions/2-en", WRITER, null), 404);

        HttpResponse<String> theirs = call(
                "PUT",
                "/articles/" + id + "/translations/en",
                other,
                translation("Park benches", "Lead.", "Almaty", "Another writer's words."),
                "If-Match",
                etag);
        assertEquals(200, theirs.statusCode(), theirs.body());
        JsonNode after = revisions(id, WRITER);
        assertEquals(List.of("1-en", "11-en", "12-en"), ids(after), "another writer's save is a revision of its own");
        assertEquals("olga", after.get("items").get(2).get("by").asText());
    }

    @Test
    void aDeletedStorysHistoryStaysReadableByEditorsUntilItsTimeToLive() {
        String words = "deleted-" + unique();
        JsonNode story = create(WRITER, draft(words));
        String id = story.get("id").asText();
        String path = "/articles/" + id;
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> deleted = call("DELETE", path, EDITOR, null, "If-Match", etag(story));
        assertEquals(204, deleted.statusCode(), deleted.body());

        assertProblem(call("GET", path, EDITOR, null), 404);
        JsonNode history = revisions(id, EDITOR);
        assertEquals(List.of("1-en", "2-all"), ids(history));
        assertEquals("delete", history.get("items").get(1).get("action").asText());
        assertEquals("erlan", history.get("deleted").get("by").asText());
        Instant until = Instant.parse(history.get("deleted").get("historyUntil").asText());
        assertTrue(!until.isBefore(before.plus(StoryRepository.HISTORY_RETENTION)), until.toString());
        HttpResponse<String> text = call("GET", path + "/revisions/1-en", EDITOR, null);
        assertEquals(200, text.statusCode(), text.body());
        assertEquals(
                "Words of " + words + ".",
                json(text).get("translation").get("body").asText());

        // writers no longer see it; nothing can be restored into a deleted story
        assertProblem(call("GET", path + "/revisions", WRITER, null), 404);
        assertProblem(call("GET", path + "/revisions/1-en", WRITER, null), 404);
        assertProblem(call("POST", path + "/revisions/1-en/restore", EDITOR, null, "If-Match", "\"2\""), 404);

        // the table forgets the tombstone and every revision at the same time
        List<Map<String, AttributeValue>> items = TestStack.get()
                .dynamo()
                .query(b -> b.tableName(LocalCloud.TABLE)
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("STORY#" + id)))
                        .consistentRead(true))
                .items();
        assertEquals(3, items.size(), "the tombstone and two revisions: " + items.size());
        for (Map<String, AttributeValue> item : items) {
            assertEquals(
                    until.getEpochSecond(),
                    Long.parseLong(item.get(Items.EXPIRES_AT).n()),
                    item.get("SK").s());
        }
        assertTrue(until.isBefore(
                Instant.now().plus(StoryRepository.HISTORY_RETENTION).plus(Duration.ofMinutes(1))));
    }

    static List<String> ids(JsonNode revisions) {
        List<String> ids = new ArrayList<>();
        revisions.get("items").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }
}
