package newsroom.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Items read by key, 100 to a BatchGetItem (its limit), grouped by their partition (the story).
 * More keys than one request holds are read by a few requests at once: each waits mostly on the
 * table, and one request's items are unmarshalled while the table answers the next.
 */
final class BatchReads {
    static final int MAX_KEYS = 100;

    /** Requests of one read in flight together: the caller's own and the helpers'. */
    static final int IN_FLIGHT = 4;

    private static final ExecutorService HELPERS = Executors.newFixedThreadPool(IN_FLIGHT - 1, r -> {
        Thread t = new Thread(r, "batch-reader");
        t.setDaemon(true);
        return t;
    });

    private BatchReads() {}

    /**
     * The items of {@code keys} that exist, with only the attributes {@code names} maps, by PK.
     * Keys the table could not read this time come back unprocessed and are asked again after a
     * pause.
     */
    static Map<String, List<Map<String, AttributeValue>>> byPartition(
            DynamoDbClient dynamo,
            String table,
            Backoff backoff,
            List<Map<String, AttributeValue>> keys,
            Map<String, String> names,
            String what) {
        return byPartition(dynamo, table, backoff, keys, names, what, (pk, items) -> items);
    }

    /**
     * As {@link #byPartition(DynamoDbClient, String, Backoff, List, Map, String)}, each partition's
     * items made into a value by {@code make} on the thread that read them, so that the making (a
     * story's bodies inflated, say) runs beside the next request. A partition's keys are never split
     * between requests: {@code make} sees all of its items that exist, and is not called for a
     * partition none of whose items exists.
     */
    static <T> Map<String, T> byPartition(
            DynamoDbClient dynamo,
            String table,
            Backoff backoff,
            List<Map<String, AttributeValue>> keys,
            Map<String, String> names,
            String what,
            BiFunction<String, List<Map<String, AttributeValue>>, T> make) {
        Map<String, List<Map<String, AttributeValue>>> partitions = new LinkedHashMap<>();
        for (Map<String, AttributeValue> key : keys) {
            partitions
                    .computeIfAbsent(key.get(Items.PK).s(), k -> new ArrayList<>())
                    .add(key);
        }
        List<List<Map<String, AttributeValue>>> requests = new ArrayList<>();
        List<Map<String, AttributeValue>> request = new ArrayList<>();
        for (List<Map<String, AttributeValue>> partition : partitions.values()) {
            if (partition.size() > MAX_KEYS) {
                throw new IllegalArgumentException("a partition of more keys than one request holds");
            }
            if (request.size() + partition.size() > MAX_KEYS) {
                requests.add(request);
                request = new ArrayList<>();
            }
            request.addAll(partition);
        }
        if (!request.isEmpty()) requests.add(request);
        List<Future<Map<String, T>>> others = new ArrayList<>();
        for (List<Map<String, AttributeValue>> other :
                requests.subList(Math.min(1, requests.size()), requests.size())) {
            others.add(HELPERS.submit(() -> made(read(dynamo, table, backoff, other, names, what), make)));
        }
        Map<String, T> found = new HashMap<>();
        if (!requests.isEmpty()) {
            try {
                found.putAll(made(read(dynamo, table, backoff, requests.get(0), names, what), make));
            } catch (RuntimeException e) {
                others.forEach(f -> f.cancel(false));
                throw e;
            }
        }
        for (Future<Map<String, T>> other : others) found.putAll(join(other, others));
        return found;
    }

    private static <T> Map<String, T> made(
            List<Map<String, AttributeValue>> items, BiFunction<String, List<Map<String, AttributeValue>>, T> make) {
        Map<String, List<Map<String, AttributeValue>>> byPartition = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : items) {
            byPartition
                    .computeIfAbsent(item.get(Items.PK).s(), k -> new ArrayList<>())
                    .add(item);
        }
        Map<String, T> made = new HashMap<>();
        byPartition.forEach((pk, partition) -> made.put(pk, make.apply(pk, partition)));
        return made;
    }

    private static List<Map<String, AttributeValue>> read(
            DynamoDbClient dynamo,
            String table,
            Backoff backoff,
            List<Map<String, AttributeValue>> keys,
            Map<String, String> names,
            String what) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> pending = Map.of(
                table,
                KeysAndAttributes.builder()
                        .keys(keys)
                        .projectionExpression(String.join(", ", names.keySet()))
                        .expressionAttributeNames(names)
                        .consistentRead(true)
                        .build());
        backoff.drain(
                what,
                pending,
                request -> {
                    BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(request));
                    items.addAll(response.responses().getOrDefault(table, List.of()));
                    return response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                },
                Map::isEmpty);
        return items;
    }

    /** The request's items, or its failure as it was thrown; a failure cancels what has not started. */
    private static <T> T join(Future<T> request, List<? extends Future<?>> all) {
        try {
            return request.get();
        } catch (ExecutionException e) {
            all.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            all.forEach(f -> f.cancel(false));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading items", e);
        }
    }
}
