package newsroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * Sending rebuild messages to a queue that takes a batch only in part (SQS has no local emulator
 * here, so a small fake answers as SQS does: failed entries by id, with who was at fault).
 */
class SqsRebuildQueueTest {
    final List<Duration> pauses = new ArrayList<>();
    final Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5), 10, pauses::add, 7);

    /** Fails the entries with the given ids the first {@code failingRounds} times they are sent. */
    static final class PartialQueue implements SqsClient {
        final List<String> delivered = new ArrayList<>();
        final Set<String> failingIds;
        final boolean senderFault;
        int failingRounds;
        int requests;

        PartialQueue(Set<String> failingIds, int failingRounds, boolean senderFault) {
            this.failingIds = failingIds;
            this.failingRounds = failingRounds;
            this.senderFault = senderFault;
        }

        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            requests++;
            boolean fail = failingRounds-- > 0;
            List<SendMessageBatchResultEntry> ok = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (var entry : request.entries()) {
                if (fail && failingIds.contains(entry.id())) {
                    failed.add(BatchResultErrorEntry.builder()
                            .id(entry.id())
                            .code(senderFault ? "InvalidMessageContents" : "InternalError")
                            .senderFault(senderFault)
                            .build());
                } else {
                    delivered.add(entry.messageBody());
                    ok.add(SendMessageBatchResultEntry.builder().id(entry.id()).build());
                }
            }
            return SendMessageBatchResponse.builder()
                    .successful(ok)
                    .failed(failed)
                    .build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {}
    }

    @Test
    void entriesTheQueueCouldNotTakeAreSentAgainAfterAPauseUntilAllArrive() {
        PartialQueue sqs = new PartialQueue(Set.of("m1", "m4"), 3, false);
        List<String> messages =
                IntStream.range(0, 14).mapToObj(i -> "batch " + i).toList();

        new SqsRebuildQueue(sqs, "https://sqs.example/rebuild", backoff).send(messages);

        assertEquals(
                messages.stream().sorted().toList(),
                sqs.delivered.stream().sorted().toList(),
                "each once");
        // first ten: three failing rounds then success; last four: all through at once
        assertEquals(5, sqs.requests);
        assertEquals(3, pauses.size(), pauses.toString());
    }

    @Test
    void aMessageSqsRefusesAsTheSendersFaultFailsAtOnce() {
        PartialQueue sqs = new PartialQueue(Set.of("m0"), 1, true);
        assertThrows(
                IllegalStateException.class,
                () -> new SqsRebuildQueue(sqs, "https://sqs.example/rebuild", backoff).send(List.of("bad", "good")));
        assertEquals(List.of(), pauses);
    }
}
