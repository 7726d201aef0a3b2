package newsroom.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import newsroom.lambda.InvalidationHandler;
import newsroom.store.InMemorySiteBucket;
import newsroom.store.InvalidationMessage;
import org.junit.jupiter.api.Test;

/**
 * No invalidation is lost: the renderer records a page's path before it replaces the page, and the
 * invalidation handler drains the records into a CDN that fails or throttles, coalesced, until the
 * CDN has taken every path once.
 */
class InvalidationTest {
    static final InvalidationHandler.Backoff FAST =
            new InvalidationHandler.Backoff(Duration.ofMillis(100), Duration.ofMinutes(15));

    @Test
    void anInvalidationThatCouldNotBeRecordedIsRecordedByTheRetry() {
        SiteFixture site = SiteFixture.standard();
        InMemorySiteBucket bucket = new InMemorySiteBucket();
        List<String> recorded = new ArrayList<>();
        AtomicBoolean unavailable = new AtomicBoolean();
        SiteWriter writer = new SiteWriter(site.renderer, bucket, paths -> {
            if (!paths.isEmpty() && unavailable.getAndSet(false)) {
                throw new IllegalStateException("the invalidation could not be sent");
            }
            recorded.addAll(paths);
        });
        Page article = FullSite.pages(site.index, SiteFixture.CONFIG).stream()
                .filter(p -> p instanceof Page.Article a && a.lang().equals("en"))
                .findFirst()
                .orElseThrow();
        writer.write(List.of(article));
        String key = bucket.keys("en/news/").get(0);
        // readers' CDN holds an older version of the page, as the bucket did
        bucket.putIfChanged(key, "older".getBytes(StandardCharsets.UTF_8), Output.HTML, Output.ARTICLE);
        recorded.clear();

        unavailable.set(true);
        assertThrows(RuntimeException.class, () -> writer.write(List.of(article)));
        // the stream delivers the same change again
        writer.write(List.of(article));

        assertEquals(List.of("/" + key), recorded, "the page's path is recorded once the write can go on");
    }

    @Test
    void aFailingCdnGetsEveryPathOnceInTheEnd() {
        Sqs queue = new Sqs();
        // past the handler's own retries into the queue's redelivery, short of its dead-letter queue
        FailingCdn cdn = new FailingCdn(InvalidationHandler.FAILED_ATTEMPTS + Sqs.MAX_RECEIVE_COUNT - 2);
        InvalidationHandler handler = new InvalidationHandler(cdn, queue, FAST);
        Set<String> changed = new LinkedHashSet<>();
        for (int i = 0; i < 40; i++) changed.add("/en/news/story-" + i + "/index.html");
        // one record per page written, as the writer sends them, some of them twice
        for (String path : changed) queue.record(List.of(path));
        queue.record(List.of("/en/news/story-3/index.html"));

        queue.drain(handler);

        assertEquals(List.of(), queue.deadLetters, "nothing is dropped");
        assertEquals(1, cdn.accepted.size(), "one invalidation for all the paths");
        assertEquals(List.copyOf(changed), cdn.accepted.get(0), "each path exactly once");
        assertTrue(cdn.calls > InvalidationHandler.FAILED_ATTEMPTS, "it went on past its own retries");
    }

    @Test
    void aThrottlingCdnIsWaitedForWithGrowingDelaysAndNeverDropped() {
        Sqs queue = new Sqs();
        int busy = 60;
        ThrottlingCdn cdn = new ThrottlingCdn(busy);
        InvalidationHandler handler = new InvalidationHandler(cdn, queue, FAST);
        queue.record(List.of("/kk/news/a/index.html", "/ru/news/b/index.html"));
        queue.record(List.of("/en/news/c/index.html", "/kk/news/a/index.html"));

        queue.drain(handler);

        assertEquals(List.of(), queue.deadLetters, "busy is never a failure");
        assertEquals(
                List.of(List.of("/kk/news/a/index.html", "/ru/news/b/index.html", "/en/news/c/index.html")),
                cdn.accepted);
        assertEquals(busy, queue.delays.size(), "every busy answer put the paths back with a delay");
        for (int i = 1; i < queue.delays.size(); i++) {
            Duration delay = queue.delays.get(i);
            assertTrue(delay.compareTo(Duration.ofMinutes(15)) <= 0, "at most SQS's longest delay: " + delay);
            assertTrue(
                    delay.toMillis() >= FAST.first().toMillis() * Math.min(1L << Math.min(i, 20), 9000) / 2
                            || delay.compareTo(Duration.ofMinutes(7)) >= 0,
                    "delays grow: " + queue.delays);
        }
    }

    @Test
    void aWildcardOrMorePathsThanOneInvalidationHoldsBecomeOneWildcard() {
        Sqs queue = new Sqs();
        FailingCdn cdn = new FailingCdn(0);
        InvalidationHandler handler = new InvalidationHandler(cdn, queue, FAST);
        queue.record(List.of("/en/news/a/index.html"));
        queue.record(List.of(InvalidationHandler.EVERYTHING));
        queue.drain(handler);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 3001; i++) many.add("/en/news/s" + i + "/index.html");
        queue.record(many);
        queue.drain(handler);

        assertEquals(List.of(List.of("/*"), List.of("/*")), cdn.accepted);
    }

    /** SQS as the handler meets it: batches of up to 100 messages, redelivery, a dead-letter queue. */
    static final class Sqs implements InvalidationQueue {
        static final int MAX_RECEIVE_COUNT = 5;
        final Deque<String> messages = new ArrayDeque<>();
        final Map<String, Integer> receives = new HashMap<>();
        final List<Duration> delays = new ArrayList<>();
        final List<String> deadLetters = new ArrayList<>();

        @Override
        public void record(Collection<String> paths) {
            messages.addAll(InvalidationMessage.bodies(paths, 0));
        }

        @Override
        public void retry(Collection<String> paths, int attempt, Duration delay) {
            // the delay is noted, not waited for: what matters is that the paths come back
            delays.add(delay);
            messages.addAll(InvalidationMessage.bodies(paths, attempt));
        }

        void drain(InvalidationHandler handler) {
            for (int round = 0; !messages.isEmpty(); round++) {
                if (round > 1000) throw new AssertionError("the queue never emptied");
                List<SQSEvent.SQSMessage> batch = new ArrayList<>();
                Map<String, String> bodies = new HashMap<>();
                while (!messages.isEmpty() && batch.size() < 100) {
                    SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
                    m.setMessageId(UUID.randomUUID().toString());
                    m.setBody(messages.poll());
                    bodies.put(m.getMessageId(), m.getBody());
                    batch.add(m);
                }
                SQSEvent event = new SQSEvent();
                event.setRecords(batch);
                SQSBatchResponse response = handler.handleRequest(event, null);
                for (var failure : response.getBatchItemFailures()) {
                    String body = bodies.get(failure.getItemIdentifier());
                    int received = receives.merge(body, 1, Integer::sum);
                    if (received >= MAX_RECEIVE_COUNT) deadLetters.add(body);
                    else messages.add(body);
                }
            }
        }
    }

    /** A CDN that fails a number of calls, then accepts. */
    static final class FailingCdn implements Cdn {
        final List<List<String>> accepted = new ArrayList<>();
        private final int failures;
        int calls;

        FailingCdn(int failures) {
            this.failures = failures;
        }

        @Override
        public void invalidate(Collection<String> paths) {
            if (calls++ < failures) throw new IllegalStateException("the CDN is unreachable");
            accepted.add(List.copyOf(paths));
        }
    }

    /** A CDN that answers "too many invalidations in progress" a number of times, then accepts. */
    static final class ThrottlingCdn implements Cdn {
        final List<List<String>> accepted = new ArrayList<>();
        private int busy;

        ThrottlingCdn(int busy) {
            this.busy = busy;
        }

        @Override
        public void invalidate(Collection<String> paths) {
            if (busy-- > 0) throw new Busy("TooManyInvalidationsInProgress", null);
            accepted.add(List.copyOf(paths));
        }
    }
}
