package newsroom.bench;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A DynamoDB client that keeps the story repository's transactions instead of sending them, and
 * answers its reads of a story from them: the corpus goes through the API's own service and item
 * mapping, then reaches the table in batches of 25 puts instead of one transaction per change. The
 * transactions' additions to each language's months item are summed, to be written once at the end.
 */
final class CapturedWrites implements DynamoDbClient {
    private static final String MONTHS_PREFIX = "MONTHS#";
    private static final Pattern ADD = Pattern.compile("(#m\\d+) (:d\\d+)");

    private final Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
    /** Each language's months item as the publish transactions' ADDs leave it; kept across drains. */
    private final Map<String, Map<YearMonth, Integer>> months = new TreeMap<>();

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        for (TransactWriteItem write : request.transactItems()) {
            if (write.put() != null) {
                items.put(key(write.put().item()), write.put().item());
            } else if (write.delete() != null) {
                // a pruned revision
                items.remove(key(write.delete().key()));
            } else if (write.update() != null
                    && write.update().key().get("PK").s().startsWith(MONTHS_PREFIX)) {
                addToMonths(write.update());
            } else {
                // creating and publishing a story only puts and counts months; anything else would need
                // the real table
                throw new UnsupportedOperationException("only puts, deletes and months are captured: " + write);
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

    /**
     * The publish transaction's {@code ADD #m0 :d0, ...} on a language's months item, applied here so
     * the corpus's table holds the months a table kept from its creation would.
     */
    private void addToMonths(Update update) {
        String expression = update.updateExpression();
        if (!expression.startsWith("ADD ")) {
            throw new UnsupportedOperationException("not captured: " + expression);
        }
        String lang = update.key().get("PK").s().substring(MONTHS_PREFIX.length());
        Map<YearMonth, Integer> counts = months.computeIfAbsent(lang, l -> new TreeMap<>());
        Matcher m = ADD.matcher(expression);
        while (m.find()) {
            YearMonth month = YearMonth.parse(update.expressionAttributeNames().get(m.group(1)));
            int delta = Integer.parseInt(
                    update.expressionAttributeValues().get(m.group(2)).n());
            counts.merge(month, delta, Integer::sum);
        }
    }

    /** Each language's published translations by month, as the captured transactions counted them. */
    Map<String, Map<YearMonth, Integer>> months() {
        return months;
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
