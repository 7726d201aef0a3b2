package newsroom.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import newsroom.render.RebuildQueue;
import newsroom.store.Backoff;

/**
 * The rebuild queue in the local stack: messages go to the rebuild handler in batches of up to ten,
 * failed ones come back, after a growing pause, up to the queue's receive count and then land in a dead-letter list.
 */
public final class LocalRebuildQueue implements RebuildQueue, AutoCloseable {
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rebuild-queue");
        t.setDaemon(true);
        return t;
    });
    private final int maxReceiveCount;
    // SQS hides a failed message until its visibility timeout ends; here a backoff stands for it
    private final Backoff redelivery = new Backoff(Duration.ofMillis(20), Duration.ofSeconds(2), 10, pause -> {}, 1);
    private final List<String> deadLetters = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Function<SQSEvent, SQSBatchResponse> consumer;

    public LocalRebuildQueue(int maxReceiveCount) {
        this.maxReceiveCount = maxReceiveCount;
    }

    public void consumer(Function<SQSEvent, SQSBatchResponse> consumer) {
        this.consumer = consumer;
    }

    @Override
    public void send(List<String> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<String> chunk = List.copyOf(messages.subList(from, Math.min(messages.size(), from + 10)));
            inFlight.incrementAndGet();
            worker.submit(() -> deliver(chunk, 1));
        }
    }

    private void deliver(List<String> bodies, int receiveCount) {
        try {
            List<SQSEvent.SQSMessage> records = new ArrayList<>();
            for (String body : bodies) {
                SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
                m.setMessageId(UUID.randomUUID().toString());
                m.setBody(body);
                m.setEventSource("aws:sqs");
                records.add(m);
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(records);
            List<String> failed = new ArrayList<>();
            try {
                SQSBatchResponse response = consumer.apply(event);
                if (response != null && response.getBatchItemFailures() != null) {
                    for (var failure : response.getBatchItemFailures()) {
                        records.stream()
                                .filter(r -> r.getMessageId().equals(failure.getItemIdentifier()))
                                .forEach(r -> failed.add(r.getBody()));
                    }
                }
            } catch (RuntimeException e) {
                failed.addAll(bodies);
            }
            if (!failed.isEmpty()) {
                if (receiveCount >= maxReceiveCount) {
                    deadLetters.addAll(failed);
                } else {
                    inFlight.incrementAndGet();
                    worker.schedule(
                            () -> deliver(failed, receiveCount + 1),
                            redelivery.delay(receiveCount).toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    public List<String> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Waits until no message is waiting or being handled. */
    public void awaitEmpty(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (inFlight.get() > 0) {
            if (System.currentTimeMillis() > deadline) throw new IllegalStateException("rebuild queue not drained");
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
