package newsroom.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * A DynamoDB client that keeps the story repository's transactions instead of sending them, and
 * answers its reads of a story from them: the corpus goes through the API's own service and item
 * mapping, then reaches the table in batches of 25 puts instead of one transaction per change.
 */
final class CapturedWrites implements DynamoDbClient {
    private final Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        for (TransactWriteItem write : request.transactItems()) {
            if (write.put() == null) {
                // creating and publishing a story only puts; anything else would need the real table
                throw new UnsupportedOperationException("only puts are captured: " + write);
            }
            items.put(key(write.put().item()), write.put().item());
        }
        return TransactWriteItemsResponse.builder().build();
    }

    /** The repository's read of a whole story: {@code PK = :pk AND SK <= :meta}. */
    @Override
    public QueryResponse query(QueryRequest request) {
        Map<String, AttributeValue> values = request.expressionAttributeValues();
        if (!"PK = :pk AND SK <= :meta".equals(request.keyConditionExpression())) {
            throw new UnsupportedOperationException("not captured: " + request.keyConditionExpression());
        }
        String pk = values.get(":pk").s();
        String upTo = values.get(":meta").s();
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (Map<String, AttributeValue> item : items.values()) {
            if (item.get("PK").s().equals(pk) && item.get("SK").s().compareTo(upTo) <= 0) {
                found.add(item);
            }
        }
        found.sort(Comparator.comparing(item -> item.get("SK").s()));
        return QueryResponse.builder().items(found).count(found.size()).build();
    }

    /** The items as the table would hold them after every captured transaction; then forgets. */
    List<Map<String, AttributeValue>> drain() {
        List<Map<String, AttributeValue>> all = new ArrayList<>(items.values());
        items.clear();
        return all;
    }

    private static String key(Map<String, AttributeValue> item) {
        return item.get("PK").s() + "\n" + item.get("SK").s();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {}
}
