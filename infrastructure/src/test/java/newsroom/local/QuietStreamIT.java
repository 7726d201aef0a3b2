package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * An idle stack idles: once its stream has been quiet for {@link StreamPoller#QUIET_POLLS} polls
 * it is polled once a second, and the end of each function's invocation (whose writes make the
 * records) wakes it, so a publish is still rendered without waiting out the slow interval.
 */
class QuietStreamIT {

    @Test
    void aQuietStreamIsPolledOnceASecondAndAnInvocationWakesIt() throws Exception {
        try (LocalCloud cloud = SeparateStack.start(SeparateStack.Ports.free(), Optional.empty(), 3)) {
            StreamPoller poller = cloud.poller();
            await(poller::quiet, "the stream to turn quiet");
            assertEquals(StreamPoller.QUIET_MILLIS, poller.nextDelay());
            long wakes = poller.wakes();

            SeparateStack.Published story = SeparateStack.publish(cloud, "Woken by the publish");

            assertTrue(poller.wakes() > wakes, "the API's invocation woke the poller");
            cloud.awaitQuiet(java.time.Duration.ofSeconds(30));
            HttpResponse<String> page = TestStack.cdn(cloud, story.url());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Woken by the publish"), "the article is rendered");
            assertFalse(poller.deadLetters().iterator().hasNext(), "nothing dead-lettered");
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }
}
