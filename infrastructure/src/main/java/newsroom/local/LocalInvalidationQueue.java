package newsroom.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import newsroom.render.InvalidationQueue;
import newsroom.store.InvalidationMessage;

/**
 * The invalidation queue in the local stack, with SQS's semantics as the template configures them:
 * messages are delivered in batches (so the handler coalesces them), a retry waits for its delay,
 * failed messages come back up to the receive count and then land in a dead-letter list.
 *
 * <p>In AWS a recorded path is held back by the queue's DelaySeconds, longer than the render
 * function's timeout, so the write it was recorded for is over before it is delivered. Here the
 * renderer runs in this JVM, so the same guarantee is given exactly: what is recorded while a
 * render or rebuild invocation runs ({@link #during}) is held until no such invocation runs.
 */
public final class LocalInvalidationQueue implements InvalidationQueue, AutoCloseable {
    private final DelayQueue<Pending> ready = new DelayQueue<>();
    private final List<Pending> held = new ArrayList<>();
    private final List<String> deadLetters = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Thread worker;
    private final int batchSize;
    private final int maxReceiveCount;
    private final Duration redelivery;
    private int openInvocations;
    private volatile Function<SQSEvent, SQSBatchResponse> consumer;

    private record Pending(String body, int receiveCount, long readyAtNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(readyAtNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(readyAtNanos, ((Pending) other).readyAtNanos);
        }
    }

    /**
     * @param batchSize messages per delivery, as the template's event source mapping says
     * @param maxReceiveCount deliveries of a failing message before it is a dead letter
     * @param redelivery how long a failed message stays invisible (the queue's visibility timeout)
     */
    public LocalInvalidationQueue(int batchSize, int maxReceiveCount, Duration redelivery) {
        this.batchSize = batchSize;
        this.maxReceiveCount = maxReceiveCount;
        this.redelivery = redelivery;
        this.worker = new Thread(this::drain, "invalidation-queue");
        worker.setDaemon(true);
        worker.start();
    }

    public void consumer(Function<SQSEvent, SQSBatchResponse> consumer) {
        this.consumer = consumer;
    }

    @Override
    public void record(Collection<String> paths) {
        for (String body : InvalidationMessage.bodies(paths, 0)) {
            inFlight.incrementAndGet();
            synchronized (held) {
                if (openInvocations > 0) held.add(new Pending(body, 0, 0));
                else ready.add(new Pending(body, 0, System.nanoTime()));
            }
        }
    }

    @Override
    public void retry(Collection<String> paths, int attempt, Duration delay) {
        for (String body : InvalidationMessage.bodies(paths, attempt)) {
            inFlight.incrementAndGet();
            ready.add(new Pending(body, 0, System.nanoTime() + delay.toNanos()));
        }
    }

    /** Runs one invocation that may record paths; they are delivered after it (and any other) ends. */
    public <T> T during(Supplier<T> invocation) {
        synchronized (held) {
            openInvocations++;
        }
        try {
            return invocation.get();
        } finally {
            synchronized (held) {
                if (--openInvocations == 0) {
                    long now = System.nanoTime();
                    for (Pending p : held) ready.add(new Pending(p.body(), 0, now));
                    held.clear();
                }
            }
        }
    }

    private void drain() {
        while (!Thread.currentThread().isInterrupted()) {
            List<Pending> batch = new ArrayList<>();
            try {
                batch.add(ready.take());
            } catch (InterruptedException e) {
                return;
            }
            ready.drainTo(batch, batchSize - 1);
            deliver(batch);
        }
    }

    private void deliver(List<Pending> batch) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Pending p : batch) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId(UUID.randomUUID().toString());
            m.setBody(p.body());
            m.setEventSource("aws:sqs");
            records.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        List<Integer> failed = new ArrayList<>();
        try {
            SQSBatchResponse response = consumer.apply(event);
            if (response != null && response.getBatchItemFailures() != null) {
                for (var failure : response.getBatchItemFailures()) {
                    for (int i = 0; i < records.size(); i++) {
                        if (records.get(i).getMessageId().equals(failure.getItemIdentifier())) failed.add(i);
                    }
                }
            }
        } catch (RuntimeException e) {
            for (int i = 0; i < records.size(); i++) failed.add(i);
        }
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            int received = p.receiveCount() + 1;
            if (!failed.contains(i)) {
                inFlight.decrementAndGet();
            } else if (received >= maxReceiveCount) {
                deadLetters.add(p.body());
                inFlight.decrementAndGet();
            } else {
                ready.add(new Pending(p.body(), received, System.nanoTime() + redelivery.toNanos()));
            }
        }
    }

    public List<String> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Waits until no message is waiting, held or being handled. */
    public void awaitEmpty(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (inFlight.get() > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("invalidation queue not drained");
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        worker.interrupt();
    }
}
