package newsroom.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Items read by key, 100 to a BatchGetItem (its limit), grouped by their partition (the story). */
final class BatchReads {
    static final int MAX_KEYS = 100;

    private BatchReads() {}

    /**
     * The items of {@code keys} that exist, with only the attributes {@code names} maps, by PK. Keys
     * the table could not read this time come back unprocessed and are asked again after a pause.
     */
    static Map<String, List<Map<String, AttributeValue>>> byPartition(
            DynamoDbClient dynamo,
            String table,
            Backoff backoff,
            List<Map<String, AttributeValue>> keys,
            Map<String, String> names,
            String what) {
        Map<String, List<Map<String, AttributeValue>>> byPartition = new HashMap<>();
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            Map<String, KeysAndAttributes> pending = Map.of(
                    table,
                    KeysAndAttributes.builder()
                            .keys(keys.subList(from, Math.min(keys.size(), from + MAX_KEYS)))
                            .projectionExpression(String.join(", ", names.keySet()))
                            .expressionAttributeNames(names)
                            .consistentRead(true)
                            .build());
            backoff.drain(
                    what,
                    pending,
                    request -> {
                        BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(request));
                        for (Map<String, AttributeValue> item :
                                response.responses().getOrDefault(table, List.of())) {
                            byPartition
                                    .computeIfAbsent(item.get(Items.PK).s(), k -> new ArrayList<>())
                                    .add(item);
                        }
                        return response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                    },
                    Map::isEmpty);
        }
        return byPartition;
    }
}
