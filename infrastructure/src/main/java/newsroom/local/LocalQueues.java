package newsroom.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The stack's two SQS queues as the template declares them: the rebuild queue, and the
 * invalidation queue paced by its event source and redrive policy. They are set up together
 * because a rebuild's work (like the stream's) runs inside the invalidation queue's
 * {@code during}, so paths recorded while pages are replaced are delivered only after the writes.
 */
final class LocalQueues implements AutoCloseable {
    private static final String REBUILD_QUEUE = "RebuildQueue";
    private static final String INVALIDATION_QUEUE = "InvalidationQueue";

    private final LocalRebuildQueue rebuild;
    private final LocalInvalidationQueue invalidation;

    private LocalQueues(LocalRebuildQueue rebuild, LocalInvalidationQueue invalidation) {
        this.rebuild = rebuild;
        this.invalidation = invalidation;
    }

    /** Both queues, with no consumer yet: the handlers that drain them are built after the wiring. */
    static LocalQueues start(CloudTemplate template) {
        LocalRebuildQueue rebuild = new LocalRebuildQueue(3);
        try {
            String invalidationFunction = template.functionConsuming(INVALIDATION_QUEUE)
                    .orElseThrow(
                            () -> new IllegalStateException("no function reads InvalidationQueue in the template"));
            Map<String, Object> drain = template.eventProperties(invalidationFunction, "SQS");
            Map<String, Object> redrive =
                    CloudTemplate.map(template.properties(INVALIDATION_QUEUE).get("RedrivePolicy"));
            // redelivered after a second: locally there is no function timeout for the visibility to outlast
            LocalInvalidationQueue invalidation = new LocalInvalidationQueue(
                    ((Number) drain.getOrDefault("BatchSize", 10)).intValue(),
                    ((Number) redrive.getOrDefault("maxReceiveCount", 5)).intValue(),
                    Duration.ofSeconds(1));
            return new LocalQueues(rebuild, invalidation);
        } catch (RuntimeException e) {
            rebuild.close();
            throw e;
        }
    }

    /**
     * Hands each queue to the function the template has consuming it; {@code function} gives a
     * function id's handler as a queue consumer.
     */
    void connect(CloudTemplate template, Function<String, Function<SQSEvent, SQSBatchResponse>> function) {
        String rebuildFunction = template.functionConsuming(REBUILD_QUEUE)
                .orElseThrow(() -> new IllegalStateException("no function reads RebuildQueue in the template"));
        Function<SQSEvent, SQSBatchResponse> rebuilds = function.apply(rebuildFunction);
        rebuild.consumer(event -> invalidation.during(() -> rebuilds.apply(event)));
        String invalidationFunction =
                template.functionConsuming(INVALIDATION_QUEUE).orElseThrow();
        invalidation.consumer(function.apply(invalidationFunction));
    }

    LocalRebuildQueue rebuild() {
        return rebuild;
    }

    LocalInvalidationQueue invalidation() {
        return invalidation;
    }

    @Override
    public void close() {
        // the reverse of their start, as the stack closes everything
        try {
            invalidation.close();
        } finally {
            rebuild.close();
        }
    }
}
