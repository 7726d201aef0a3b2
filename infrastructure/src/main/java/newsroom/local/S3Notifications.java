package newsroom.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The bucket notification template.yaml declares (an S3 event on a function, with its key filter),
 * raised by the S3 emulator's writes: each matching object becomes an {@link S3Event} delivered to
 * the function on a thread of its own, as Lambda invokes bucket notifications asynchronously.
 */
final class S3Notifications implements AutoCloseable {
    /** The notification one function subscribes to: a bucket, what events, which keys. */
    record Subscription(String bucket, String eventPrefix, String keyPrefix, String keySuffix) {
        boolean matches(NotifyingBlobStore.Created created) {
            return created.bucket().equals(bucket)
                    && ("s3:" + created.eventName()).startsWith(eventPrefix)
                    && created.key().startsWith(keyPrefix)
                    && created.key().endsWith(keySuffix);
        }
    }

    private final Subscription subscription;
    private final Function<S3Event, ?> function;
    private final ExecutorService deliveries;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    S3Notifications(Subscription subscription, Function<S3Event, ?> function) {
        this.subscription = subscription;
        this.function = function;
        this.deliveries = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "s3-notifications");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The subscription of the template's S3 event on {@code function}, its bucket named locally
     * through {@code bucketNames} (logical id to local bucket).
     */
    static Subscription subscription(CloudTemplate template, String function, Map<String, String> bucketNames) {
        Map<String, Object> properties = template.eventProperties(function, "S3");
        Object bucket = CloudTemplate.map(properties.get("Bucket")).get("Ref");
        String local = bucketNames.get(String.valueOf(bucket));
        if (local == null) throw new IllegalStateException("the S3 event of " + function + " names no known bucket");
        Object events = properties.get("Events");
        String event = String.valueOf(events instanceof List<?> l ? l.get(0) : events);
        String prefix = "";
        String suffix = "";
        for (Object rule : CloudTemplate.list(
                CloudTemplate.map(CloudTemplate.map(properties.get("Filter")).get("S3Key"))
                        .get("Rules"))) {
            Map<String, Object> r = CloudTemplate.map(rule);
            if ("prefix".equals(r.get("Name"))) prefix = String.valueOf(r.get("Value"));
            if ("suffix".equals(r.get("Name"))) suffix = String.valueOf(r.get("Value"));
        }
        return new Subscription(
                local, event.endsWith("*") ? event.substring(0, event.length() - 1) : event, prefix, suffix);
    }

    void objectCreated(NotifyingBlobStore.Created created) {
        if (!subscription.matches(created)) return;
        S3Event event = event(created, sequence.incrementAndGet());
        pending.incrementAndGet();
        deliveries.execute(() -> {
            try {
                function.apply(event);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                // Lambda would retry an asynchronous invocation twice, then drop it; the handler has
                // logged the failure with its stack trace
                System.err.println("s3 notification: " + e.getClass().getName());
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    /** The event exactly as S3 shapes it: URL-encoded key, size, ETag and a sequencer. */
    static S3Event event(NotifyingBlobStore.Created created, long sequence) {
        String key = URLEncoder.encode(created.key(), StandardCharsets.UTF_8).replace("%2F", "/");
        String eTag = created.eTag() == null ? null : created.eTag().replace("\"", "");
        var object = new S3EventNotification.S3ObjectEntity(
                key, created.size() < 0 ? null : created.size(), eTag, null, String.format("%016X", sequence));
        var bucket = new S3EventNotification.S3BucketEntity(
                created.bucket(),
                new S3EventNotification.UserIdentityEntity("local"),
                "arn:aws:s3:::" + created.bucket());
        var s3 = new S3EventNotification.S3Entity("local-notification", bucket, object, "1.0");
        var record = new S3EventNotification.S3EventNotificationRecord(
                Emulators.REGION,
                created.eventName(),
                "aws:s3",
                Instant.now().toString(),
                "2.1",
                new S3EventNotification.RequestParametersEntity("127.0.0.1"),
                new S3EventNotification.ResponseElementsEntity("local", "local"),
                s3,
                new S3EventNotification.UserIdentityEntity("local"));
        return new S3Event(new ArrayList<>(List.of(record)));
    }

    /** Notifications raised but not yet handled. */
    long pending() {
        return pending.get();
    }

    /** Invocations that ended in an exception: what Lambda would count as function errors. */
    long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        deliveries.shutdownNow();
    }
}
