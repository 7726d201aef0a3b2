package newsroom.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Feeds the table's stream to the render handler the way Lambda's event source mapping does:
 * batches in order per shard, a retry from the first failed record (partial batch failures), and a
 * dead-letter list once the retries are spent. With a checkpoint it resumes, after a restart, from
 * the last record it handled. A stream quiet for a while is polled once a second instead of every
 * poll interval, so an idle stack idles; {@link #wake} (after each function's invocation, whose
 * writes make the records) polls at once and back at the short interval.
 */
public final class StreamPoller implements AutoCloseable {
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Function<DynamodbEvent, StreamsEventResponse> handler;
    private final int batchSize;
    private final int maxRetries;
    private final long pollMillis;
    /** Idle polls in a row after which the stream is polled at the quiet pause. */
    static final int QUIET_POLLS = 50;

    static final long QUIET_MILLIS = 1_000;
    /** The thread that polls and delivers: the render function's invocations end on it. */
    private volatile Thread thread;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = daemon(r, "stream-poller");
        this.thread = t;
        return t;
    });
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final long quietMillis;
    private final Map<String, String> iterators = new HashMap<>();
    private final Map<String, List<Record>> pending = new HashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private final List<DynamodbEvent.DynamodbStreamRecord> deadLetters = new CopyOnWriteArrayList<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedDeliveries = new AtomicLong();
    private final AtomicLong idlePolls = new AtomicLong();
    /** Idle polls in a row: past {@link #QUIET_POLLS} the stream counts as quiet. */
    private final AtomicLong idleStreak = new AtomicLong();

    private final AtomicLong wakes = new AtomicLong();
    /** Per shard, the minute before which its first records are skipped (see {@link #start}). */
    private final Map<String, Long> skipBefore = new HashMap<>();

    private final AtomicLong skippedRecords = new AtomicLong();

    private final String region;
    private final Optional<StreamCheckpoint> checkpoint;

    public StreamPoller(
            DynamoDbStreamsClient streams,
            String streamArn,
            String region,
            Function<DynamodbEvent, StreamsEventResponse> handler,
            int batchSize,
            int maxRetries,
            long pollMillis) {
        this(streams, streamArn, region, handler, batchSize, maxRetries, pollMillis, Optional.empty());
    }

    StreamPoller(
            DynamoDbStreamsClient streams,
            String streamArn,
            String region,
            Function<DynamodbEvent, StreamsEventResponse> handler,
            int batchSize,
            int maxRetries,
            long pollMillis,
            Optional<StreamCheckpoint> checkpoint) {
        this(streams, streamArn, region, handler, batchSize, maxRetries, pollMillis, QUIET_MILLIS, checkpoint);
    }

    /** @param quietMillis the pause between polls once the stream is quiet */
    StreamPoller(
            DynamoDbStreamsClient streams,
            String streamArn,
            String region,
            Function<DynamodbEvent, StreamsEventResponse> handler,
            int batchSize,
            int maxRetries,
            long pollMillis,
            long quietMillis,
            Optional<StreamCheckpoint> checkpoint) {
        this.quietMillis = quietMillis;
        this.checkpoint = checkpoint;
        this.streams = streams;
        this.streamArn = streamArn;
        this.region = region;
        this.handler = handler;
        this.batchSize = batchSize;
        this.maxRetries = maxRetries;
        this.pollMillis = pollMillis;
    }

    /**
     * Starts polling. A shard the checkpoint knows resumes after its last handled record; a shard it
     * does not know, of a stream read before, is read from its start, but for what a first run
     * chose to skip when it began at the shard's end. Otherwise records already in the stream are
     * skipped (LATEST, as the template's mapping), unless {@code fromStart} is set.
     */
    public void start(boolean fromStart) {
        boolean tracked = checkpoint.map(StreamCheckpoint::tracked).orElse(false);
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn))
                .streamDescription()
                .shards()) {
            String id = shard.shardId();
            Optional<String> after = checkpoint.flatMap(c -> c.position(id));
            Optional<Instant> startedAtEnd = checkpoint.flatMap(c -> c.startedAtEnd(id));
            if (after.isPresent()) {
                iterators.put(id, iteratorAfter(id, after.get()));
            } else if (fromStart || tracked) {
                iterators.put(id, iterator(id, ShardIteratorType.TRIM_HORIZON));
                // a first run skipped what the shard held when it began and handled nothing since:
                // that is skipped again, to the minute (DynamoDB Local tells a record's time to the
                // minute, from the clock of this JVM, which it runs in), so records of that minute
                // are handled, perhaps a second time
                if (!fromStart) startedAtEnd.ifPresent(at -> skipBefore.put(id, minute(at)));
            } else {
                Instant now = Instant.now();
                iterators.put(id, iterator(id, ShardIteratorType.LATEST));
                checkpoint.ifPresent(c -> c.startAtEnd(id, now));
            }
        }
        executor.execute(this::loop);
    }

    /**
     * Drops, from the head of a shard's first records, those made before the minute its reading
     * first began at the end, and checkpoints past them; the rest are handled as usual.
     */
    private List<Record> withoutSkipped(String shard, List<Record> records) {
        Long before = skipBefore.get(shard);
        if (before == null || records.isEmpty()) return records;
        int kept = 0;
        while (kept < records.size() && made(records.get(kept)) < before) kept++;
        if (kept > 0) {
            skippedRecords.addAndGet(kept);
            handledUpTo(shard, records.get(kept - 1));
        }
        if (kept < records.size()) skipBefore.remove(shard);
        return records.subList(kept, records.size());
    }

    /** The minute a record was made, as the stream tells it (a record without one is handled). */
    private static long made(Record record) {
        Instant at = record.dynamodb().approximateCreationDateTime();
        return at == null ? Long.MAX_VALUE : minute(at);
    }

    private static long minute(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60);
    }

    /** Records skipped because a first run had begun after them. */
    long skippedRecords() {
        return skippedRecords.get();
    }

    /** Polls, then comes back after the poll interval, or after a second once the stream is quiet. */
    private void loop() {
        pollSafely();
        try {
            executor.schedule(this::loop, nextDelay(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closed meanwhile: no next poll
        }
    }

    /**
     * Polls now, since records may have just been written, and at the short interval again once
     * the poll already scheduled has run; called after each invocation of the stack's functions.
     */
    public void wake() {
        // the render function's invocations end on the poller's own thread, which polls next at the
        // interval anyway: a failed batch is retried at the poll interval, never at once
        if (Thread.currentThread() == thread) return;
        wakes.incrementAndGet();
        pollSoon();
    }

    /** A poll now, back at the short interval; one asked for at a time, so a burst asks for one. */
    private void pollSoon() {
        idleStreak.set(0);
        if (!wakePending.compareAndSet(false, true)) return;
        try {
            executor.execute(() -> {
                wakePending.set(false);
                pollSafely();
            });
        } catch (RejectedExecutionException closed) {
            wakePending.set(false);
        }
    }

    /** Whether the stream is quiet now, polled once a second. */
    boolean quiet() {
        return idleStreak.get() >= QUIET_POLLS;
    }

    /** The pause before the next poll: the poll interval, or a second when the stream is quiet. */
    long nextDelay() {
        return quiet() ? Math.max(pollMillis, quietMillis) : pollMillis;
    }

    /** Times {@link #wake} was called. */
    long wakes() {
        return wakes.get();
    }

    private String iteratorAfter(String shard, String sequenceNumber) {
        try {
            return streams.getShardIterator(b -> b.streamArn(streamArn)
                            .shardId(shard)
                            .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                            .sequenceNumber(sequenceNumber))
                    .shardIterator();
        } catch (TrimmedDataAccessException e) {
            // the stream no longer holds the checkpoint: what it still holds is all unhandled
            return iterator(shard, ShardIteratorType.TRIM_HORIZON);
        }
    }

    private String iterator(String shard, ShardIteratorType type) {
        return streams.getShardIterator(
                        b -> b.streamArn(streamArn).shardId(shard).shardIteratorType(type))
                .shardIterator();
    }

    public List<DynamodbEvent.DynamodbStreamRecord> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Records handled successfully so far. */
    public long delivered() {
        return delivered.get();
    }

    /** Deliveries that failed, in whole or from one record on, and were retried or dead-lettered. */
    public long failedDeliveries() {
        return failedDeliveries.get();
    }

    /** Waits until every record written so far has been handled (or dead-lettered). */
    public void awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long seen = idlePolls.get();
        while (System.currentTimeMillis() < deadline) {
            if (idlePolls.get() >= seen + 2) return;
            // records written outside the functions (a test's own writes) are looked for at once
            pollSoon();
            Thread.sleep(Math.max(5, pollMillis / 2));
        }
        throw new IllegalStateException("stream not drained within " + timeoutMillis + " ms");
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            System.err.println("stream poller: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private synchronized void poll() {
        boolean idle = true;
        refreshShards();
        for (String shard : new ArrayList<>(iterators.keySet())) {
            List<Record> queue = pending.computeIfAbsent(shard, s -> new ArrayList<>());
            String iterator = iterators.get(shard);
            if (queue.size() < batchSize && iterator != null) {
                GetRecordsResponse response =
                        streams.getRecords(b -> b.shardIterator(iterator).limit(1000));
                // records skipped are records read: the stream is not idle while a skip goes on
                if (!response.records().isEmpty()) idle = false;
                queue.addAll(withoutSkipped(shard, response.records()));
                iterators.put(shard, response.nextShardIterator());
            }
            if (queue.isEmpty()) continue;
            idle = false;
            deliver(shard, queue);
        }
        if (idle) {
            idlePolls.incrementAndGet();
            idleStreak.incrementAndGet();
        } else {
            idleStreak.set(0);
        }
    }

    private void refreshShards() {
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn))
                .streamDescription()
                .shards()) {
            if (iterators.containsKey(shard.shardId())) continue;
            // a shard that appeared while polling: read it from its start
            iterators.put(shard.shardId(), iterator(shard.shardId(), ShardIteratorType.TRIM_HORIZON));
        }
    }

    private void deliver(String shard, List<Record> queue) {
        List<Record> batch = new ArrayList<>(queue.subList(0, Math.min(batchSize, queue.size())));
        String failedAt = invoke(batch);
        if (failedAt == null) {
            queue.subList(0, batch.size()).clear();
            delivered.addAndGet(batch.size());
            attempts.remove(shard);
            handledUpTo(shard, batch.get(batch.size() - 1));
            return;
        }
        failedDeliveries.incrementAndGet();
        int failedIndex = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).dynamodb().sequenceNumber().equals(failedAt)) failedIndex = i;
        }
        // everything before the reported record is done
        queue.subList(0, failedIndex).clear();
        delivered.addAndGet(failedIndex);
        if (failedIndex > 0) handledUpTo(shard, batch.get(failedIndex - 1));
        int tries = attempts.merge(shard, 1, Integer::sum);
        if (tries > maxRetries) {
            Record poison = queue.remove(0);
            deadLetters.add(StreamRecords.record(poison, streamArn, region));
            attempts.remove(shard);
            // as Lambda does, the stream moves on past a record it gave up on
            handledUpTo(shard, poison);
            System.err.println("stream poller: record "
                    + poison.dynamodb().sequenceNumber()
                    + " sent to the dead-letter list after "
                    + maxRetries
                    + " retries");
        }
    }

    private void handledUpTo(String shard, Record record) {
        checkpoint.ifPresent(c -> c.advance(shard, record.dynamodb().sequenceNumber()));
    }

    /** Returns the sequence number of the first failed record, or null when all succeeded. */
    private String invoke(List<Record> batch) {
        try {
            StreamsEventResponse response = handler.apply(StreamRecords.event(batch, streamArn, region));
            if (response == null
                    || response.getBatchItemFailures() == null
                    || response.getBatchItemFailures().isEmpty()) {
                return null;
            }
            return response.getBatchItemFailures().get(0).getItemIdentifier();
        } catch (RuntimeException e) {
            // a function error fails the whole batch, as in Lambda
            return batch.get(0).dynamodb().sequenceNumber();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops polling and waits for the batch in hand, so nothing is checkpointed after close. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                System.err.println("stream poller: the batch in hand did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
