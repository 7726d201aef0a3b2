package newsroom.store;

import static newsroom.store.DynamoStoryRepository.key;
import static newsroom.store.Items.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.story.Revision;
import newsroom.story.StoryId;
import newsroom.story.StoryRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** A story's history in the table: its revisions and its tombstone, kept, pruned and expired. */
final class DynamoRevisions {
    /** A revision as listed: everything but its text. */
    private static final Map<String, String> REVISION_NAMES = Map.of(
            "#pk", Items.PK,
            "#sk", Items.SK,
            "#at", Items.AT,
            "#lang", Items.LANG,
            "#action", Items.ACTION,
            "#by", Items.BY,
            "#version", Items.VERSION,
            "#startedAt", Items.STARTED_AT);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Backoff backoff;

    DynamoRevisions(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.backoff = backoff;
    }

    /**
     * Deletes all but the newest {@link StoryRepository#KEPT_REVISIONS} revisions of each language. Outside the
     * transaction: if it fails, the history is only longer for a while, and the next save prunes.
     */
    void prune(StoryId id) {
        Map<String, List<Map<String, AttributeValue>>> byLang = new HashMap<>();
        for (Map<String, AttributeValue> item : revisionItems(id)) {
            byLang.computeIfAbsent(item.get(Items.LANG).s(), k -> new ArrayList<>())
                    .add(item);
        }
        List<WriteRequest> deletes = new ArrayList<>();
        for (List<Map<String, AttributeValue>> items : byLang.values()) {
            for (Map<String, AttributeValue> item :
                    items.subList(0, Math.max(0, items.size() - StoryRepository.KEPT_REVISIONS))) {
                deletes.add(WriteRequest.builder()
                        .deleteRequest(DeleteRequest.builder()
                                .key(key(
                                        item.get(Items.PK).s(),
                                        item.get(Items.SK).s()))
                                .build())
                        .build());
            }
        }
        for (int from = 0; from < deletes.size(); from += 25) {
            Map<String, List<WriteRequest>> batch =
                    Map.of(table, List.copyOf(deletes.subList(from, Math.min(deletes.size(), from + 25))));
            // items the table did not take this time come back unprocessed: written again after a pause
            backoff.drain(
                    "revision pruning",
                    batch,
                    request -> {
                        var response = dynamo.batchWriteItem(b -> b.requestItems(request));
                        return response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                    },
                    Map::isEmpty);
        }
    }

    /**
     * Gives every revision of a deleted story the tombstone's time to live, so the table forgets
     * them together. A revision this misses stays longer than the tombstone, never shorter.
     */
    void expire(StoryId id, Instant expires) {
        for (Map<String, AttributeValue> item : revisionItems(id)) {
            backoff.call(
                    "revision expiry",
                    () -> dynamo.updateItem(b -> b.tableName(table)
                            .key(key(item.get(Items.PK).s(), item.get(Items.SK).s()))
                            .updateExpression("SET #expires = :expires")
                            .expressionAttributeNames(Map.of("#expires", Items.EXPIRES_AT))
                            .expressionAttributeValues(Map.of(":expires", Items.n(expires.getEpochSecond())))));
        }
    }

    Optional<StoryRepository.Tombstone> tombstone(StoryId id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(key(Items.storyKey(id), Items.TOMBSTONE))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(new StoryRepository.Tombstone(
                id,
                Instant.parse(item.get(Items.DELETED_AT).s()),
                item.get(Items.DELETED_BY).s(),
                Instant.ofEpochSecond(Long.parseLong(item.get(Items.EXPIRES_AT).n()))));
    }

    Optional<Revision> revision(StoryId id, long version, String lang) {
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :rev)")
                    .filterExpression("#version = :version AND #lang = :lang")
                    .expressionAttributeNames(Map.of("#version", Items.VERSION, "#lang", Items.LANG))
                    .expressionAttributeValues(Map.of(
                            ":pk", s(Items.storyKey(id)),
                            ":rev", s(Items.REV_PREFIX),
                            ":version", Items.n(version),
                            ":lang", s(lang)))
                    .consistentRead(true)
                    .exclusiveStartKey(start)
                    .build());
            if (!page.items().isEmpty())
                return Optional.of(RevisionItems.revision(page.items().get(0)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return Optional.empty();
    }

    List<Revision> revisions(StoryId id) {
        return revisionItems(id).stream().map(RevisionItems::revision).toList();
    }

    /** The story's revision items, oldest first (by version, a stable sort), without their texts. */
    private List<Map<String, AttributeValue>> revisionItems(StoryId id) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :rev)")
                    .expressionAttributeValues(Map.of(":pk", s(Items.storyKey(id)), ":rev", s(Items.REV_PREFIX)))
                    .expressionAttributeNames(REVISION_NAMES)
                    .projectionExpression(String.join(", ", REVISION_NAMES.keySet()))
                    .consistentRead(true)
                    .exclusiveStartKey(start)
                    .build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        // by version, not by sort key: an instant on a whole second is written without a fraction
        // ("…:50Z" sorts after "…:50.268Z"), so the keys' order is not quite the order of changes
        items.sort(java.util.Comparator.comparingLong((Map<String, AttributeValue> item) ->
                Long.parseLong(item.get(Items.VERSION).n())));
        return items;
    }
}
