package newsroom.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import newsroom.render.InvalidationQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The invalidation queue on SQS. {@link #record} relies on the queue's own DelaySeconds (set in
 * the template above the render function's timeout); {@link #retry} names its own delay.
 */
public final class SqsInvalidationQueue implements InvalidationQueue {
    // SQS delays a message by at most 15 minutes
    private static final long MAX_DELAY_SECONDS = 900;
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsInvalidationQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void record(Collection<String> paths) {
        send(InvalidationMessage.bodies(paths, 0), null);
    }

    @Override
    public void retry(Collection<String> paths, int attempt, Duration delay) {
        send(InvalidationMessage.bodies(paths, attempt), (int) Math.min(MAX_DELAY_SECONDS, delay.toSeconds()));
    }

    private void send(List<String> bodies, Integer delaySeconds) {
        for (int from = 0; from < bodies.size(); from += 10) {
            List<String> chunk = bodies.subList(from, Math.min(bodies.size(), from + 10));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id("m" + i)
                        .messageBody(chunk.get(i))
                        .delaySeconds(delaySeconds)
                        .build());
            }
            var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException(response.failed().size() + " invalidation messages were not sent");
            }
        }
    }
}
