package newsroom.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import newsroom.render.RebuildProgress;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A rebuild's pending batches as a number set on one item ({@code REBUILD#<id>}); a batch leaves
 * the set with an atomic DELETE, and the set's attribute disappears with its last member.
 */
public final class DynamoRebuildProgress implements RebuildProgress {
    private static final String PENDING = "pending";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRebuildProgress(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void start(String rebuild, int batches) {
        if (batches <= 0) return;
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < batches; i++) numbers.add(Integer.toString(i));
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        Items.PK,
                        AttributeValue.fromS(key(rebuild)),
                        Items.SK,
                        AttributeValue.fromS("REBUILD"),
                        PENDING,
                        AttributeValue.fromNs(numbers))));
    }

    @Override
    public boolean finish(String rebuild, int batch) {
        try {
            var response = dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of(
                            Items.PK, AttributeValue.fromS(key(rebuild)), Items.SK, AttributeValue.fromS("REBUILD")))
                    .updateExpression("DELETE #pending :batch")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pending", PENDING, "#pk", Items.PK))
                    .expressionAttributeValues(
                            Map.of(":batch", AttributeValue.fromNs(List.of(Integer.toString(batch)))))
                    .returnValues(ReturnValue.ALL_NEW));
            return !response.attributes().containsKey(PENDING);
        } catch (ConditionalCheckFailedException unknown) {
            // a rebuild with no record cannot say what is left: end it, at the price of one path
            return true;
        }
    }

    private static String key(String rebuild) {
        return "REBUILD#" + rebuild;
    }
}
