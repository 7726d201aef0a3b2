package newsroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.render.Change;
import newsroom.story.BodyFormat;
import newsroom.story.Image;
import newsroom.story.Status;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.Translation;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The stream decoding reads the items the mapper writes: the item layout round-trips. */
class StreamRecordsTest {
    static final StoryId ID = new StoryId("0b8f3c1e-8a4f-4f0e-9d43-2f1b6f0c9a11");
    static final Instant AT = Instant.parse("2026-11-22T06:00:00.750Z");

    @Test
    void aPublishedTranslationItemBecomesTheChangeItDescribes() {
        Story before = story(translation(Status.SCHEDULED, AT));
        Story after = story(translation(Status.PUBLISHED, AT));

        Change change = StreamRecords.change(record(
                        "MODIFY",
                        Items.translationItem(before, before.translations().get("en")),
                        Items.translationItem(after, after.translations().get("en"))))
                .orElseThrow();

        assertEquals(ID, change.id());
        assertEquals("en", change.lang());
        // the table keeps times to the second
        var published = new Change.State(
                Status.PUBLISHED, Instant.parse("2026-11-22T06:00:00Z"), "floods-in-the-north", "society");
        assertEquals(Optional.of(published), change.after());
        assertEquals(Status.SCHEDULED, change.before().orElseThrow().status());
    }

    @Test
    void aNewTranslationHasNoStateBefore() {
        Story story = story(translation(Status.DRAFT, null));
        Change change = StreamRecords.change(record(
                        "INSERT",
                        null,
                        Items.translationItem(story, story.translations().get("en"))))
                .orElseThrow();
        assertEquals(Optional.empty(), change.before());
        assertEquals(
                Optional.of(new Change.State(Status.DRAFT, null, "floods-in-the-north", "society")), change.after());
    }

    @Test
    void theStoryAndSourceItemsChangeNoPage() {
        Story story = story(translation(Status.PUBLISHED, AT));
        Translation t = story.translations().get("en");
        assertEquals(Optional.empty(), StreamRecords.change(record("MODIFY", null, Items.storyItem(story))));
        assertEquals(Optional.empty(), StreamRecords.change(record("MODIFY", null, Items.sourceItem(story, t))));
    }

    @Test
    void aRemovedStoryItemNamesItsPicture() {
        Story story = story(translation(Status.PUBLISHED, AT));
        assertEquals(
                List.of("/media/2026/11/5d41402a-bc4b-4a76-b971-9d911017c592.jpg"),
                StreamRecords.removedPictures(record("REMOVE", Items.storyItem(story), null)));
        assertEquals(List.of(), StreamRecords.removedPictures(record("MODIFY", Items.storyItem(story), null)));
    }

    private static Story story(Translation t) {
        Instant created = Instant.parse("2026-11-20T08:00:00Z");
        return new Story(
                ID,
                "society",
                List.of("weather"),
                "press-service",
                new Image("/media/2026/11/5d41402a-bc4b-4a76-b971-9d911017c592.jpg"),
                3,
                created,
                "writer",
                created,
                "editor",
                Map.of(t.lang(), t));
    }

    private static Translation translation(Status status, Instant at) {
        return new Translation(
                "en",
                "Floods in the north",
                "Rivers rose overnight.",
                "ASTANA",
                "Rivers *rose*.",
                BodyFormat.MARKDOWN,
                "<p>Rivers <em>rose</em>.</p>",
                "floods-in-the-north",
                status,
                at,
                null,
                null,
                Instant.parse("2026-11-21T08:00:00Z"),
                "editor");
    }

    /** A stream record as Lambda delivers it, its images the mapper's items in the events' types. */
    private static DynamodbEvent.DynamodbStreamRecord record(
            String eventName, Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        Map<String, AttributeValue> item = newItem != null ? newItem : oldItem;
        StreamRecord data = new StreamRecord()
                .withKeys(events(Map.of(Items.PK, item.get(Items.PK), Items.SK, item.get(Items.SK))))
                .withSequenceNumber("100")
                .withStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        if (oldItem != null) data.setOldImage(events(oldItem));
        if (newItem != null) data.setNewImage(events(newItem));
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setDynamodb(data);
        return record;
    }

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> events(
            Map<String, AttributeValue> item) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out = new HashMap<>();
        item.forEach((k, v) -> out.put(k, events(v)));
        return out;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue events(
            AttributeValue v) {
        var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        if (v.s() != null) return out.withS(v.s());
        if (v.n() != null) return out.withN(v.n());
        if (v.bool() != null) return out.withBOOL(v.bool());
        if (Boolean.TRUE.equals(v.nul())) return out.withNULL(true);
        if (v.hasSs()) return out.withSS(v.ss());
        if (v.hasNs()) return out.withNS(v.ns());
        if (v.hasL())
            return out.withL(v.l().stream().map(StreamRecordsTest::events).toList());
        if (v.hasM()) return out.withM(events(v.m()));
        throw new IllegalArgumentException("no such attribute value in the mapper's items: " + v);
    }
}
