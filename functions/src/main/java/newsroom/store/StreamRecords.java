package newsroom.store;

import static com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer.toAttributeValueMapV2;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.render.Change;
import newsroom.story.Status;
import newsroom.story.StoryId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's stream records, read with the item layout of {@link Items}: the stream's attribute
 * values are converted to the SDK's own and read by the same names, so the layout is known in one
 * place.
 */
public final class StreamRecords {
    private static final String REMOVE = "REMOVE";

    private StreamRecords() {}

    /** The change to one translation, or empty for items the public site does not show. */
    public static Optional<Change> change(DynamodbEvent.DynamodbStreamRecord record) {
        var data = record.getDynamodb();
        if (data == null || data.getKeys() == null) return Optional.empty();
        Map<String, AttributeValue> keys = toAttributeValueMapV2(data.getKeys());
        String pk = Items.str(keys, Items.PK);
        String sk = Items.str(keys, Items.SK);
        if (pk == null || sk == null) return Optional.empty();
        if (!pk.startsWith(Items.STORY_PREFIX) || !sk.startsWith(Items.LANG_PREFIX)) return Optional.empty();
        // a translation's source item (LANG#<lang>#SOURCE) changes no page: its HTML is in the
        // translation item
        if (sk.indexOf('#', Items.LANG_PREFIX.length()) >= 0) return Optional.empty();
        String id = pk.substring(Items.STORY_PREFIX.length());
        if (!StoryId.isValid(id)) return Optional.empty();
        return Optional.of(new Change(
                new StoryId(id),
                sk.substring(Items.LANG_PREFIX.length()),
                state(data.getOldImage()),
                state(data.getNewImage())));
    }

    /**
     * A stream record, in the table's layout, of a translation going from draft to published: what
     * SnapStart's priming reads as the render function's event. The story need not exist.
     */
    public static DynamodbEvent.DynamodbStreamRecord published(
            StoryId id, String lang, String slug, String category, Instant at) {
        var keys = Map.of(Items.PK, text(Items.STORY_PREFIX + id.value()), Items.SK, text(Items.LANG_PREFIX + lang));
        var before = new java.util.HashMap<>(keys);
        before.put(Items.STATUS, text(Status.DRAFT.wire()));
        before.put(Items.SLUG, text(slug));
        before.put(Items.CATEGORY, text(category));
        var after = new java.util.HashMap<>(before);
        after.put(Items.STATUS, text(Status.PUBLISHED.wire()));
        after.put(Items.PUBLISHED_AT, text(at.toString()));
        var data = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord();
        data.setKeys(keys);
        data.setOldImage(before);
        data.setNewImage(after);
        data.setSequenceNumber("0");
        var record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("MODIFY");
        record.setDynamodb(data);
        return record;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue text(String value) {
        return new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withS(value);
    }

    /** The pictures (their srcs: image, then gallery) of a story whose item was removed. */
    public static List<String> removedPictures(DynamodbEvent.DynamodbStreamRecord record) {
        var data = record.getDynamodb();
        if (!REMOVE.equals(record.getEventName()) || data == null || data.getKeys() == null) return List.of();
        Map<String, AttributeValue> keys = toAttributeValueMapV2(data.getKeys());
        String pk = Items.str(keys, Items.PK);
        if (pk == null || !pk.startsWith(Items.STORY_PREFIX)) return List.of();
        if (!Items.META.equals(Items.str(keys, Items.SK)) || data.getOldImage() == null) return List.of();
        return PictureUseItems.sources(toAttributeValueMapV2(data.getOldImage())).stream()
                .filter(src -> src.startsWith("/media/") && !src.contains(".."))
                .toList();
    }

    private static Optional<Change.State> state(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        if (image == null || image.isEmpty()) return Optional.empty();
        Map<String, AttributeValue> item = toAttributeValueMapV2(image);
        String status = Items.str(item, Items.STATUS);
        String publishedAt = Items.str(item, Items.PUBLISHED_AT);
        return Optional.of(new Change.State(
                status == null ? Status.DRAFT : Status.fromWire(status),
                publishedAt == null ? null : Instant.parse(publishedAt),
                Items.str(item, Items.SLUG),
                Items.str(item, Items.CATEGORY)));
    }
}
