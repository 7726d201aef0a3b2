package newsroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The retry helper, with a sleeper that records its pauses instead of waiting. */
class BackoffTest {
    final List<Duration> pauses = new ArrayList<>();
    final Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5), 10, pauses::add, 42);

    @Test
    void pausesGrowExponentiallyWithJitterUpToTheCapAndAreNeverZero() {
        for (int run = 0; run < 200; run++) {
            for (int attempt = 1; attempt <= 40; attempt++) {
                long step = Math.min(5000, 50L << Math.min(attempt - 1, 30));
                long pause = backoff.delay(attempt).toMillis();
                assertTrue(pause >= step / 2 && pause <= step, attempt + ": " + pause + " for step " + step);
            }
        }
        List<Long> first = new ArrayList<>();
        for (int i = 0; i < 50; i++) first.add(backoff.delay(1).toMillis());
        assertTrue(first.stream().distinct().count() > 5, "jittered: " + first);
    }

    @Test
    void drainGivesWhatIsLeftToTheNextRoundAfterAPause() {
        // a batch of five of which the service takes one per round
        List<List<Integer>> rounds = new ArrayList<>();
        backoff.drain(
                "five items",
                List.of(1, 2, 3, 4, 5),
                left -> {
                    rounds.add(left);
                    return left.subList(1, left.size());
                },
                List::isEmpty);
        assertEquals(
                List.of(List.of(1, 2, 3, 4, 5), List.of(2, 3, 4, 5), List.of(3, 4, 5), List.of(4, 5), List.of(5)),
                rounds);
        assertEquals(4, pauses.size(), "one pause between two rounds: " + pauses);
        for (int i = 0; i < pauses.size(); i++) {
            long step = 50L << i;
            assertTrue(pauses.get(i).toMillis() >= step / 2 && pauses.get(i).toMillis() <= step, pauses.toString());
        }
    }

    @Test
    void workDoneAtOnceDoesNotPause() {
        backoff.drain("nothing left", Map.of("a", 1), left -> Map.of(), Map::isEmpty);
        assertEquals(List.of(), pauses);
    }

    @Test
    void workStillLeftAfterTheLastAttemptFailsLoudly() {
        AtomicInteger rounds = new AtomicInteger();
        var failure = assertThrows(
                Backoff.Incomplete.class,
                () -> backoff.drain(
                        "stuck",
                        List.of(1),
                        left -> {
                            rounds.incrementAndGet();
                            return left;
                        },
                        List::isEmpty));
        assertEquals(10, rounds.get());
        assertEquals(9, pauses.size());
        assertTrue(failure.getMessage().contains("stuck"), failure.getMessage());
        assertTrue(pauses.get(8).toMillis() <= 5000, "bounded: " + pauses);
    }

    @Test
    void throttlingIsWaitedOutAndOtherRefusalsAreNot() {
        AtomicInteger calls = new AtomicInteger();
        String answer = backoff.call("throttled read", () -> {
            if (calls.incrementAndGet() < 4) throw throttled();
            return "read";
        });
        assertEquals("read", answer);
        assertEquals(3, pauses.size());

        pauses.clear();
        AtomicInteger refused = new AtomicInteger();
        assertThrows(
                ResourceNotFoundException.class,
                () -> backoff.call("missing table", () -> {
                    refused.incrementAndGet();
                    throw ResourceNotFoundException.builder()
                            .message("no table")
                            .build();
                }));
        assertEquals(1, refused.get(), "a refusal that retrying cannot change is not retried");
        assertEquals(List.of(), pauses);

        pauses.clear();
        List<String> left = List.of("x");
        AtomicInteger drained = new AtomicInteger();
        backoff.drain(
                "throttled batch",
                left,
                l -> {
                    if (drained.incrementAndGet() == 1) throw throttled();
                    return List.of();
                },
                List::isEmpty);
        assertEquals(2, drained.get());
        assertEquals(1, pauses.size());
    }

    @Test
    void stillThrottledAfterEveryAttemptFailsWithTheCause() {
        var failure = assertThrows(
                Backoff.Incomplete.class,
                () -> backoff.call("always throttled", () -> {
                    throw throttled();
                }));
        assertTrue(failure.getCause() instanceof ProvisionedThroughputExceededException);
        assertEquals(9, pauses.size());
    }

    @Test
    void aTransactionCancelledForThrottlingIsALaterAndOneCancelledByAConditionIsANo() {
        assertTrue(Backoff.isThrottling(cancelled("None", "ThrottlingError")));
        assertTrue(!Backoff.isThrottling(cancelled("ConditionalCheckFailed", "ThrottlingError")));
        assertTrue(!Backoff.isThrottling(cancelled("TransactionConflict")));
    }

    static TransactionCanceledException cancelled(String... codes) {
        return (TransactionCanceledException) TransactionCanceledException.builder()
                .message("cancelled")
                .statusCode(400)
                .cancellationReasons(java.util.Arrays.stream(codes)
                        .map(c -> CancellationReason.builder().code(c).build())
                        .toList())
                .build();
    }

    static ProvisionedThroughputExceededException throttled() {
        return (ProvisionedThroughputExceededException) ProvisionedThroughputExceededException.builder()
                .message("slow down")
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ProvisionedThroughputExceededException")
                        .build())
                .build();
    }
}
