package newsroom.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.render.RebuildQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** The rebuild queue on SQS, sent to ten messages per request (the SQS batch limit). */
public final class SqsRebuildQueue implements RebuildQueue {
    private final SqsClient sqs;
    private final String queueUrl;
    private final Backoff backoff;

    public SqsRebuildQueue(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, Backoff.standard());
    }

    public SqsRebuildQueue(SqsClient sqs, String queueUrl, Backoff backoff) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.backoff = backoff;
    }

    @Override
    public void send(List<String> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            Map<String, String> chunk = new LinkedHashMap<>();
            List<String> part = messages.subList(from, Math.min(messages.size(), from + 10));
            for (int i = 0; i < part.size(); i++) chunk.put("m" + i, part.get(i));
            // entries SQS could not take this time are sent again after a pause; a refusal of the
            // message itself (the sender's fault) cannot succeed later and fails at once
            backoff.drain("rebuild messages", chunk, this::sendOnce, Map::isEmpty);
        }
    }

    /** Sends the entries once; returns those that failed and may succeed when sent again. */
    private Map<String, String> sendOnce(Map<String, String> entries) {
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        entries.forEach((id, body) -> batch.add(
                SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build()));
        SendMessageBatchResponse response =
                sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(batch));
        Map<String, String> again = new LinkedHashMap<>();
        if (!response.hasFailed()) return again;
        for (BatchResultErrorEntry failed : response.failed()) {
            if (Boolean.TRUE.equals(failed.senderFault())) {
                throw new IllegalStateException("rebuild message refused by SQS: " + failed.code());
            }
            again.put(failed.id(), entries.get(failed.id()));
        }
        return again;
    }
}
