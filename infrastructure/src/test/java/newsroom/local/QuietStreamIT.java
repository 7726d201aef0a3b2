package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * An idle stack idles: once its stream has been quiet for {@link StreamPoller#QUIET_POLLS} polls
 * it is polled only after the quiet pause, and a wake (the end of each function's invocation, whose
 * writes make the records) polls at once, so a publish is rendered without waiting out the pause.
 */
class QuietStreamIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void aQuietStreamWaitsOutItsPauseUnlessWoken() throws Exception {
        try (LocalCloud cloud = SeparateStack.start(SeparateStack.Ports.free(), Optional.empty(), 3);
                DynamoDbStreamsClient streams =
                        LocalClients.streams(cloud.emulators().dynamoEndpoint())) {
            // the stack's own poller is stopped; this one's quiet pause outlasts the test
            cloud.poller().close();
            AtomicInteger delivered = new AtomicInteger();
            String streamArn = cloud.dynamo()
                    .describeTable(b -> b.tableName(LocalCloud.TABLE))
                    .table()
                    .latestStreamArn();
            try (StreamPoller poller = new StreamPoller(
                    streams,
                    streamArn,
                    Emulators.REGION,
                    event -> {
                        delivered.addAndGet(event.getRecords().size());
                        return new StreamsEventResponse();
                    },
                    100,
                    3,
                    10,
                    Duration.ofMinutes(10).toMillis(),
                    Optional.empty())) {
                poller.start(false);
                await(poller::quiet, "the stream to turn quiet");
                assertEquals(Duration.ofMinutes(10).toMillis(), poller.nextDelay());

                cloud.dynamo()
                        .putItem(b -> b.tableName(LocalCloud.TABLE)
                                .item(Map.of(
                                        "PK", AttributeValue.fromS("QUIET#test"),
                                        "SK", AttributeValue.fromS("QUIET#test"))));
                poller.wake();

                await(() -> delivered.get() == 1, "the woken poller to deliver the record");
                assertEquals(10, poller.nextDelay(), "back at the short interval");
            }
        }
    }

    @Test
    void anInvocationOfAFunctionWakesTheStacksPoller() throws Exception {
        try (LocalCloud cloud = SeparateStack.start(SeparateStack.Ports.free(), Optional.empty(), 3)) {
            StreamPoller poller = cloud.poller();
            long wakes = poller.wakes();

            SeparateStack.publish(cloud, "Woken by the publish");

            assertTrue(poller.wakes() > wakes, "the API's invocation woke the poller");
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }
}
