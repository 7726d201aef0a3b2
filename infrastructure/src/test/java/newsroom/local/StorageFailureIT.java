package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import newsroom.render.SiteBucket;
import newsroom.store.S3SiteBucket;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The site bucket goes away while stories are published: the API keeps working, the stream keeps
 * the changes and retries them, and once S3 is back every page is written.
 */
class StorageFailureIT {
    // retries enough to outlast the outage each test makes; dead-lettering is PoisonRecordFailureIT's
    static final int RETRIES = 200;

    @Test
    void storiesPublishedWhileS3IsDownAppearOnceItIsBack() throws Exception {
        try (LocalCloud cloud = SeparateStack.start(SeparateStack.Ports.free(), Optional.empty(), RETRIES)) {
            cloud.emulators().stopS3();
            long failedBefore = cloud.poller().failedDeliveries();
            List<SeparateStack.Published> stories = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                stories.add(SeparateStack.publish(cloud, "Storage outage story " + i));
            }
            // the render path fails and is retried, and nothing is given up while S3 is away
            SeparateStack.awaitUntil(
                    "two failed deliveries while S3 is down",
                    Duration.ofSeconds(60),
                    () -> cloud.poller().failedDeliveries() >= failedBefore + 2);
            assertEquals(List.of(), cloud.poller().deadLetters());

            cloud.emulators().restartS3();
            cloud.awaitQuiet(Duration.ofSeconds(60));

            assertEquals(List.of(), cloud.poller().deadLetters());
            for (SeparateStack.Published story : stories) {
                HttpResponse<String> page = TestStack.cdn(cloud, story.url());
                assertEquals(200, page.statusCode(), story.url());
                assertEquals(
                        story.title(),
                        Jsoup.parse(page.body()).selectFirst("h1").text());
            }
            SiteAudit.Report audit = SeparateStack.audit(cloud);
            assertEquals(0, audit.problems(), audit.summary());
            ReliabilityFigures.failure(
                    ReliabilityFigures.Scenario.STORAGE_DOWN,
                    new ReliabilityFigures.Failure(
                            "1 outage over 3 publishes",
                            cloud.poller().failedDeliveries() - failedBefore,
                            cloud.poller().deadLetters().size(),
                            audit.missing().size(),
                            audit.stale().size(),
                            "3 of 3 stories served after S3 came back"));
        }
    }

    @Test
    void aBatchCutOffMidWayByS3IsRetriedFromTheRecordThatFailed() throws Exception {
        try (LocalCloud cloud = SeparateStack.start(SeparateStack.Ports.free(), Optional.empty(), RETRIES)) {
            // S3 really stops, at a chosen point: after the first few pages of the batch are written
            StopsS3AfterPuts bucket = new StopsS3AfterPuts(new S3SiteBucket(cloud.s3(), LocalCloud.BUCKET), 3, cloud);
            try (DrivenStream stream = new DrivenStream(cloud, bucket, RETRIES)) {
                List<SeparateStack.Published> stories = new ArrayList<>();
                for (int i = 1; i <= 4; i++) {
                    stories.add(SeparateStack.publish(cloud, "Mid-batch story " + i));
                }
                stream.start();
                SeparateStack.awaitUntil(
                        "two failed deliveries after S3 stopped mid-batch",
                        Duration.ofSeconds(60),
                        () -> stream.poller().failedDeliveries() >= 2);
                assertTrue(bucket.stopped());
                cloud.emulators().restartS3();
                stream.poller().awaitIdle(60_000);

                List<DrivenStream.Delivery> deliveries = stream.deliveries();
                DrivenStream.Delivery first = deliveries.get(0);
                String failedAt = first.failedAt().orElseThrow();
                assertFalse(first.threw(), "the handler reports the failed record instead of throwing");
                assertTrue(
                        first.sequenceNumbers().indexOf(failedAt) > 0,
                        "the first delivery failed mid-batch, after records it had handled");
                assertRedeliveredFromTheFailedRecord(deliveries);
                assertEquals(List.of(), stream.poller().deadLetters());

                for (SeparateStack.Published story : stories) {
                    HttpResponse<String> page = TestStack.cdn(cloud, story.url());
                    assertEquals(200, page.statusCode(), story.url());
                    assertEquals(
                            story.title(),
                            Jsoup.parse(page.body()).selectFirst("h1").text());
                }
                SiteAudit.Report audit = SeparateStack.audit(cloud);
                assertEquals(0, audit.problems(), audit.summary());
                ReliabilityFigures.failure(
                        ReliabilityFigures.Scenario.STORAGE_DOWN_MID_BATCH,
                        new ReliabilityFigures.Failure(
                                "S3 stopped after 3 page writes of a "
                                        + first.sequenceNumbers().size()
                                        + "-record batch",
                                stream.poller().failedDeliveries(),
                                stream.poller().deadLetters().size(),
                                audit.missing().size(),
                                audit.stale().size(),
                                "first failure at record "
                                        + (first.sequenceNumbers().indexOf(failedAt) + 1)
                                        + "; every retry began at the failed record"));
            }
        }
    }

    /**
     * After every failed delivery, the next one starts at the record the failure named: nothing
     * before it is delivered again and nothing after it is skipped.
     */
    static void assertRedeliveredFromTheFailedRecord(List<DrivenStream.Delivery> deliveries) {
        for (int i = 0; i + 1 < deliveries.size(); i++) {
            DrivenStream.Delivery delivery = deliveries.get(i);
            List<String> next = deliveries.get(i + 1).sequenceNumbers();
            if (delivery.failedAt().isPresent()) {
                assertEquals(delivery.failedAt().get(), next.get(0), "delivery " + (i + 2) + " starts");
            } else {
                List<String> done = delivery.sequenceNumbers();
                assertTrue(
                        new BigInteger(next.get(0)).compareTo(new BigInteger(done.get(done.size() - 1))) > 0,
                        "delivery " + (i + 2) + " goes on after the records delivered before");
            }
        }
    }

    /** The real bucket, which stops the real S3 once a number of pages have been written. */
    static final class StopsS3AfterPuts implements SiteBucket {
        private final SiteBucket bucket;
        private final int puts;
        private final LocalCloud cloud;
        private final AtomicInteger written = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();

        StopsS3AfterPuts(SiteBucket bucket, int puts, LocalCloud cloud) {
            this.bucket = bucket;
            this.puts = puts;
            this.cloud = cloud;
        }

        boolean stopped() {
            return stopped.get();
        }

        @Override
        public Write putIfChanged(
                String key, byte[] body, String contentType, String cacheControl, Runnable beforeReplace) {
            if (written.incrementAndGet() > puts && stopped.compareAndSet(false, true)) {
                try {
                    cloud.emulators().stopS3();
                } catch (Exception e) {
                    throw new IllegalStateException("S3 did not stop", e);
                }
            }
            return bucket.putIfChanged(key, body, contentType, cacheControl, beforeReplace);
        }

        @Override
        public boolean delete(String key, Runnable beforeDelete) {
            return bucket.delete(key, beforeDelete);
        }

        @Override
        public Optional<byte[]> get(String key) {
            return bucket.get(key);
        }

        @Override
        public java.util.List<String> keys(String prefix) {
            return bucket.keys(prefix);
        }
    }
}
