package newsroom.local;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The table's client, counting the read requests made through it (each query page, get and batch
 * get is one request), so a test can say what an operation costs in round trips.
 */
final class ReadCountingDynamo implements DynamoDbClient {
    private final DynamoDbClient table;
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

    ReadCountingDynamo(DynamoDbClient table) {
        this.table = table;
    }

    /** Read requests since the last reset. */
    int reads() {
        return reads.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Read requests by operation (and index, for queries) since the last reset. */
    Map<String, Integer> readsByKind() {
        Map<String, Integer> byKind = new TreeMap<>();
        reads.forEach((k, v) -> byKind.put(k, v.get()));
        return byKind;
    }

    void reset() {
        reads.clear();
    }

    private void count(String kind) {
        reads.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        count("Query " + (request.indexName() == null ? "table" : request.indexName()));
        return table.query(request);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        count("GetItem");
        return table.getItem(request);
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        count("BatchGetItem");
        return table.batchGetItem(request);
    }

    @Override
    public ScanResponse scan(ScanRequest request) {
        count("Scan");
        return table.scan(request);
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        return table.transactWriteItems(request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return table.putItem(request);
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        return table.updateItem(request);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return table.deleteItem(request);
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        return table.batchWriteItem(request);
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {}
}
