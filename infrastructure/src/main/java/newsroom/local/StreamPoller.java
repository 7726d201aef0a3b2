package newsroom.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Feeds the table's stream to the render handler the way Lambda's event source mapping does:
 * batches in order per shard, a retry from the first failed record (partial batch failures), and a
 * dead-letter list once the retries are spent.
 */
public final class StreamPoller implements AutoCloseable {
  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final Function<DynamodbEvent, StreamsEventResponse> handler;
  private final int batchSize;
  private final int maxRetries;
  private final long pollMillis;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "stream-poller"));
  private final Map<String, String> iterators = new HashMap<>();
  private final Map<String, List<Record>> pending = new HashMap<>();
  private final Map<String, Integer> attempts = new HashMap<>();
  private final List<DynamodbEvent.DynamodbStreamRecord> deadLetters = new CopyOnWriteArrayList<>();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong idlePolls = new AtomicLong();
  private final String region;

  public StreamPoller(
      DynamoDbStreamsClient streams,
      String streamArn,
      String region,
      Function<DynamodbEvent, StreamsEventResponse> handler,
      int batchSize,
      int maxRetries,
      long pollMillis) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.region = region;
    this.handler = handler;
    this.batchSize = batchSize;
    this.maxRetries = maxRetries;
    this.pollMillis = pollMillis;
  }

  /**
   * Starts polling. Records already in the stream are skipped (LATEST, as the template's mapping),
   * unless {@code fromStart} is set.
   */
  public void start(boolean fromStart) {
    for (Shard shard :
        streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
      iterators.put(
          shard.shardId(),
          streams
              .getShardIterator(
                  b ->
                      b.streamArn(streamArn)
                          .shardId(shard.shardId())
                          .shardIteratorType(
                              fromStart
                                  ? ShardIteratorType.TRIM_HORIZON
                                  : ShardIteratorType.LATEST))
              .shardIterator());
    }
    executor.scheduleWithFixedDelay(this::pollSafely, 0, pollMillis, TimeUnit.MILLISECONDS);
  }

  public List<DynamodbEvent.DynamodbStreamRecord> deadLetters() {
    return List.copyOf(deadLetters);
  }

  public long delivered() {
    return delivered.get();
  }

  /** Waits until every record written so far has been handled (or dead-lettered). */
  public void awaitIdle(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    long seen = idlePolls.get();
    while (System.currentTimeMillis() < deadline) {
      if (idlePolls.get() >= seen + 2) return;
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
        queue.addAll(response.records());
        iterators.put(shard, response.nextShardIterator());
      }
      if (queue.isEmpty()) continue;
      idle = false;
      deliver(shard, queue);
    }
    if (idle) idlePolls.incrementAndGet();
  }

  private void refreshShards() {
    for (Shard shard :
        streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
      if (iterators.containsKey(shard.shardId())) continue;
      // a shard that appeared while polling: read it from its start
      iterators.put(
          shard.shardId(),
          streams
              .getShardIterator(
                  b ->
                      b.streamArn(streamArn)
                          .shardId(shard.shardId())
                          .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
              .shardIterator());
    }
  }

  private void deliver(String shard, List<Record> queue) {
    List<Record> batch = new ArrayList<>(queue.subList(0, Math.min(batchSize, queue.size())));
    String failedAt = invoke(batch);
    if (failedAt == null) {
      queue.subList(0, batch.size()).clear();
      delivered.addAndGet(batch.size());
      attempts.remove(shard);
      return;
    }
    int failedIndex = 0;
    for (int i = 0; i < batch.size(); i++) {
      if (batch.get(i).dynamodb().sequenceNumber().equals(failedAt)) failedIndex = i;
    }
    // everything before the reported record is done
    queue.subList(0, failedIndex).clear();
    delivered.addAndGet(failedIndex);
    int tries = attempts.merge(shard, 1, Integer::sum);
    if (tries > maxRetries) {
      Record poison = queue.remove(0);
      deadLetters.add(StreamRecords.record(poison, streamArn, region));
      attempts.remove(shard);
      System.err.println(
          "stream poller: record "
              + poison.dynamodb().sequenceNumber()
              + " sent to the dead-letter list after "
              + maxRetries
              + " retries");
    }
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

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
