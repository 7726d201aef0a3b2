package newsroom.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import newsroom.Log;
import newsroom.render.Cdn;
import newsroom.render.InvalidationQueue;
import newsroom.store.CloudFrontCdn;
import newsroom.store.InvalidationMessage;

/**
 * Drains the invalidation queue into the CDN. A batch of messages becomes one invalidation: its
 * paths coalesced (each once; a wildcard, or more paths than one invalidation holds, becomes
 * {@code /*}). A CDN that is busy (throttling, too many invalidations in progress) is waited for:
 * the paths go back on the queue with a growing, jittered delay, however often that happens. Any
 * other failure is retried the same way {@value #FAILED_ATTEMPTS} times, then left to the queue's
 * redelivery and, at last, its dead-letter queue, where it stays visible and can be driven again.
 */
public final class InvalidationHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    public static final String EVERYTHING = Cdn.EVERYTHING;
    public static final int FAILED_ATTEMPTS = 8;

    /** Delay before attempt n: {@code first * 2^(n-1)}, at most {@code max}, the upper half jittered. */
    public record Backoff(Duration first, Duration max) {
        public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15));

        public Duration before(int attempt) {
            long ceiling = first.toMillis();
            for (int i = 1; i < attempt && ceiling < max.toMillis(); i++) ceiling *= 2;
            ceiling = Math.max(1, Math.min(ceiling, max.toMillis()));
            long half = ceiling / 2;
            return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
        }
    }

    private final Cdn cdn;
    private final InvalidationQueue queue;
    private final Backoff backoff;

    /** The Lambda runtime's constructor: wires from the environment. */
    public InvalidationHandler() {
        this(Wiring.fromEnvironment().cdn(), Wiring.fromEnvironment().invalidations(), Backoff.DEFAULT);
    }

    public InvalidationHandler(Cdn cdn, InvalidationQueue queue, Backoff backoff) {
        this.cdn = cdn;
        this.queue = queue;
        this.backoff = backoff;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> messages = BatchFailures.messages(event);
        Set<String> paths = new LinkedHashSet<>();
        int attempt = 0;
        for (SQSEvent.SQSMessage message : messages) {
            InvalidationMessage m = InvalidationMessage.decode(message.getBody());
            paths.addAll(m.paths());
            attempt = Math.max(attempt, m.attempt());
        }
        List<String> invalidation = coalesce(paths);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("messages", messages.size());
        fields.put("paths", invalidation.size());
        fields.put("attempt", attempt);
        if (invalidation.isEmpty()) {
            Log.line("invalidation", fields);
            return BatchFailures.noneForQueue();
        }
        try {
            cdn.invalidate(invalidation);
            fields.put("outcome", "invalidated");
            Log.line("invalidation", fields);
            return BatchFailures.noneForQueue();
        } catch (Cdn.Busy busy) {
            fields.put("outcome", "busy");
            return later(invalidation, attempt, messages, fields, busy);
        } catch (RuntimeException failure) {
            fields.put("outcome", "failed");
            if (attempt + 1 >= FAILED_ATTEMPTS) return redeliver(messages, fields, failure);
            return later(invalidation, attempt, messages, fields, failure);
        }
    }

    /** The paths as one invalidation: each once, or everything when that is what they amount to. */
    static List<String> coalesce(Set<String> paths) {
        if (paths.contains(EVERYTHING) || paths.size() > CloudFrontCdn.MAX_PATHS) return List.of(EVERYTHING);
        return List.copyOf(paths);
    }

    private SQSBatchResponse later(
            List<String> paths,
            int attempt,
            List<SQSEvent.SQSMessage> messages,
            Map<String, Object> fields,
            RuntimeException cause) {
        Duration delay = backoff.before(attempt + 1);
        fields.put("retryInMs", delay.toMillis());
        fields.put("failure", cause.getClass().getSimpleName());
        Log.line("invalidation", fields);
        try {
            // sent again before these messages are deleted: a failure here leaves them on the queue
            queue.retry(paths, attempt + 1, delay);
            return BatchFailures.noneForQueue();
        } catch (RuntimeException notQueued) {
            return redeliver(messages, fields, notQueued);
        }
    }

    /** Leaves the whole batch to the queue's redelivery (and, at last, its dead-letter queue). */
    private static SQSBatchResponse redeliver(
            List<SQSEvent.SQSMessage> messages, Map<String, Object> fields, RuntimeException failure) {
        fields.put("failure", failure.getClass().getSimpleName());
        fields.put("outcome", "redelivered");
        BatchFailures failures = new BatchFailures("invalidation");
        failures.allFailed(messages, fields, failure);
        return failures.forQueue();
    }
}
