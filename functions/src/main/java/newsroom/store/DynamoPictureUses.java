package newsroom.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.story.Picture;
import newsroom.story.PictureUses;
import newsroom.story.StoryId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The stories that show a picture, from the use items the story repository keeps ({@link
 * PictureUseItems}); and, once a picture is ready, the update of their translation items that
 * lists its renditions, which the stream then renders like any edit.
 */
public final class DynamoPictureUses implements PictureUses {
    /**
     * The pictures of the story found ready after it was saved. Pages read the catalog when they are
     * rendered, so this attribute only has to change for the stream to render them again.
     */
    static final String SHOWN_READY = "picturesReady";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPictureUses(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Set<StoryId> storiesShowing(String src) {
        Set<StoryId> stories = new LinkedHashSet<>();
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :use)")
                .expressionAttributeValues(
                        Map.of(":pk", Items.s(Items.PICTURE_PREFIX + src), ":use", Items.s(PictureUseItems.USE_PREFIX)))
                .consistentRead(true)
                .build();
        dynamo.queryPaginator(query).items().forEach(item -> stories.add(new StoryId(Items.str(item, Items.ID))));
        return stories;
    }

    @Override
    public void showReady(Picture picture) {
        if (!picture.ready()) return;
        for (StoryId id : storiesShowing(picture.src())) {
            for (Map<String, AttributeValue> t : translationItems(id)) show(t, picture);
        }
    }

    /** The keys and image of a story's translation items (not their source items). */
    private List<Map<String, AttributeValue>> translationItems(StoryId id) {
        return dynamo
                .query(b -> b.tableName(table)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :lang)")
                        .expressionAttributeValues(
                                Map.of(":pk", Items.s(Items.storyKey(id)), ":lang", Items.s(Items.LANG_PREFIX)))
                        .projectionExpression("PK, SK, #image")
                        .expressionAttributeNames(Map.of("#image", Items.IMAGE))
                        .consistentRead(true))
                .items()
                .stream()
                .filter(item -> !Items.str(item, Items.SK).endsWith(Items.SOURCE_SUFFIX))
                .toList();
    }

    private void show(Map<String, AttributeValue> translation, Picture picture) {
        boolean lead = picture.src().equals(Items.str(translation, Items.IMAGE));
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        values.put(":src", Items.s(picture.src()));
        values.put(":shown", AttributeValue.fromSs(List.of(picture.src())));
        String update = "ADD #shown :shown";
        // the lead image's renditions go where the published indexes project them, for the lists
        String condition = "attribute_exists(PK)";
        Map<String, String> names = new java.util.HashMap<>(Map.of("#shown", SHOWN_READY));
        if (lead) {
            update = "SET #renditions = :renditions " + update;
            values.put(":renditions", PictureItems.listedRenditions(picture));
            names.put("#renditions", Items.RENDITIONS);
            names.put("#image", Items.IMAGE);
            condition += " AND #image = :src";
        }
        String expression = update;
        String when = condition;
        if (!lead) values.remove(":src");
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of(Items.PK, translation.get(Items.PK), Items.SK, translation.get(Items.SK)))
                    .updateExpression(expression)
                    .conditionExpression(when)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            // the translation went or changed its image since the query: the save that changed it
            // read the catalog itself, so there is nothing left to tell it
        }
    }
}
