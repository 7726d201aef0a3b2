package newsroom.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Items read by key, 100 to a BatchGetItem (its limit), grouped by their partition (the story).
 * More keys than one request holds are read by a few requests at once: each waits mostly on the
 * table, and one request's items are made into values while the table answers the next.
 */
final class BatchReads {
    static final int MAX_KEYS = 100;

    /** Threads of the process that help any read with its requests, beside the reading thread. */
    static final int HELPERS = 3;

    private static final ExecutorService POOL = Executors.newFixedThreadPool(HELPERS, r -> {
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
     * partition none of whose items exists; a partition it makes nothing of (null) is left out.
     *
     * <p>The reading thread takes requests itself, and the process's helper threads take more when
     * they are free: a read is never slower than its requests one after the other, and it never
     * waits for a helper that has not started.
     */
    static <T> Map<String, T> byPartition(
            DynamoDbClient dynamo,
            String table,
            Backoff backoff,
            List<Map<String, AttributeValue>> keys,
            Map<String, String> names,
            String what,
            BiFunction<String, List<Map<String, AttributeValue>>, T> make) {
        List<List<Map<String, AttributeValue>>> requests = requests(keys);
        List<Map<String, T>> answers = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) answers.add(null);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // each request is claimed once, by the reading thread or a helper, and counted off when
        // its claimer is done with it (read, failed, or skipped after a failure)
        CountDownLatch finished = new CountDownLatch(requests.size());
        Runnable take = () -> {
            for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                try {
                    if (failure.get() != null) continue;
                    Map<String, T> answer = made(read(dynamo, table, backoff, requests.get(i), names, what), make);
                    synchronized (answers) {
                        answers.set(i, answer);
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int h = 0; h < Math.min(HELPERS, requests.size() - 1); h++) helpers.add(POOL.submit(take));
        take.run();
        // every request is claimed now; a helper that has not started finds none and need not run
        helpers.forEach(helper -> helper.cancel(false));
        awaitFinished(finished);
        Throwable failed = failure.get();
        if (failed != null) {
            // the trace is the helper's when a helper read it: name the reading thread too
            failed.addSuppressed(new IllegalStateException(
                    what + " for " + Thread.currentThread().getName()));
            if (failed instanceof Error error) throw error;
            throw (RuntimeException) failed;
        }
        Map<String, T> found = new HashMap<>();
        synchronized (answers) {
            answers.forEach(found::putAll);
        }
        return found;
    }

    /** The keys in requests of at most 100, each partition's keys in one, without repeats. */
    private static List<List<Map<String, AttributeValue>>> requests(List<Map<String, AttributeValue>> keys) {
        Map<String, Set<Map<String, AttributeValue>>> partitions = new LinkedHashMap<>();
        for (Map<String, AttributeValue> key : keys) {
            partitions
                    .computeIfAbsent(key.get(Items.PK).s(), k -> new LinkedHashSet<>())
                    .add(key);
        }
        List<List<Map<String, AttributeValue>>> requests = new ArrayList<>();
        List<Map<String, AttributeValue>> request = new ArrayList<>();
        for (Set<Map<String, AttributeValue>> partition : partitions.values()) {
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
        return requests;
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
        byPartition.forEach((pk, partition) -> {
            T value = make.apply(pk, partition);
            if (value != null) made.put(pk, value);
        });
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

    /** Waits until the helpers are done with the requests they claimed. */
    private static void awaitFinished(CountDownLatch finished) {
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                break;
            } catch (InterruptedException e) {
                // the claimed requests finish by themselves: their answers are needed
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
