package newsroom.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
            if (write.put() != null) {
                items.put(key(write.put().item()), write.put().item());
            } else if (write.delete() != null) {
                // a pruned revision
                items.remove(key(write.delete().key()));
            } else {
                // creating and publishing a story only puts; anything else would need the real table
                throw new UnsupportedOperationException("only puts and deletes are captured: " + write);
            }
        }
        return TransactWriteItemsResponse.builder().build();
    }

    /**
     * The repository's reads of one story: the whole story ({@code PK = :pk AND SK <= :meta}) and its
     * revisions ({@code begins_with(#sk, :rev)}, whole items where the table would project a few
     * attributes).
     */
    @Override
    public QueryResponse query(QueryRequest request) {
        Map<String, AttributeValue> values = request.expressionAttributeValues();
        String condition = request.keyConditionExpression();
        Predicate<String> sortKey;
        if ("PK = :pk AND SK <= :meta".equals(condition)) {
            String upTo = values.get(":meta").s();
            sortKey = sk -> sk.compareTo(upTo) <= 0;
        } else if ("#pk = :pk AND begins_with(#sk, :rev)".equals(condition)) {
            String prefix = values.get(":rev").s();
            sortKey = sk -> sk.startsWith(prefix);
        } else {
            throw new UnsupportedOperationException("not captured: " + condition);
        }
        String pk = values.get(":pk").s();
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (Map<String, AttributeValue> item : items.values()) {
            if (item.get("PK").s().equals(pk) && sortKey.test(item.get("SK").s())) {
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
