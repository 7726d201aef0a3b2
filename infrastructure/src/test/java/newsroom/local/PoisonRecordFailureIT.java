package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import newsroom.store.S3SiteBucket;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A record the renderer cannot handle (a translation item written into the table by hand, with a
 * publication time that is not a time) is retried as configured, then set aside in the dead
 * letters; the records around it are rendered.
 */
class PoisonRecordFailureIT {
    static final int RETRIES = 3;

    @Test
    void aMalformedTranslationIsDeadLetteredAfterTheRetriesAndLaterStoriesStillAppear() throws Exception {
        try (LocalCloud cloud = SeparateStack.start(SeparateStack.Ports.free(), Optional.empty(), RETRIES)) {
            SeparateStack.Published before = SeparateStack.publish(cloud, "Published before the poison");
            String poison = writePoison(cloud);
            SeparateStack.Published after = SeparateStack.publish(cloud, "Published after the poison");
            cloud.awaitQuiet(Duration.ofSeconds(60));

            List<String> dead = cloud.poller().deadLetters().stream()
                    .map(r -> r.getDynamodb().getKeys().get("PK").getS())
                    .toList();
            assertEquals(List.of("STORY#" + poison), dead);
            // the first delivery and the configured retries, all failing at the poison, and no more
            assertEquals(RETRIES + 1, cloud.poller().failedDeliveries());
            assertServed(cloud, before, after);
            SiteAudit.Report audit = SeparateStack.audit(cloud);
            assertEquals(0, audit.problems(), audit.summary());
            ReliabilityFigures.failure(
                    ReliabilityFigures.Scenario.POISON_RECORD,
                    new ReliabilityFigures.Failure(
                            "1 item with publishedAt \"not-a-date\"",
                            cloud.poller().failedDeliveries(),
                            dead.size(),
                            audit.missing().size(),
                            audit.stale().size(),
                            "streamRetries " + RETRIES + "; the stories before and after it are served"));
        }
    }

    @Test
    void recordsAroundAMalformedOneInTheSameBatchAreRenderedOnce() throws Exception {
        try (LocalCloud cloud = SeparateStack.start(SeparateStack.Ports.free(), Optional.empty(), RETRIES);
                DrivenStream stream =
                        new DrivenStream(cloud, new S3SiteBucket(cloud.s3(), LocalCloud.BUCKET), RETRIES)) {
            SeparateStack.Published before = SeparateStack.publish(cloud, "Batched before the poison");
            String poison = writePoison(cloud);
            SeparateStack.Published after = SeparateStack.publish(cloud, "Batched after the poison");
            // everything so far waits in the stream: the first delivery carries it all
            stream.start();
            stream.poller().awaitIdle(60_000);

            List<DrivenStream.Delivery> deliveries = stream.deliveries();
            DrivenStream.Delivery first = deliveries.get(0);
            int at = first.keys().indexOf("STORY#" + poison + " LANG#en");
            String poisonSequence = first.sequenceNumbers().get(at);
            assertFalse(first.threw(), "the handler names the failed record instead of throwing");
            assertEquals(Optional.of(poisonSequence), first.failedAt());
            // each retry starts at the poison: what came before it is not delivered again
            for (int retry = 1; retry <= RETRIES; retry++) {
                DrivenStream.Delivery again = deliveries.get(retry);
                assertEquals(poisonSequence, again.sequenceNumbers().get(0), "retry " + retry);
                assertEquals(Optional.of(poisonSequence), again.failedAt(), "retry " + retry);
            }
            // then it is set aside and the stream goes on with the record after it
            DrivenStream.Delivery rest = deliveries.get(RETRIES + 1);
            assertEquals(
                    first.sequenceNumbers().get(at + 1), rest.sequenceNumbers().get(0));
            assertEquals(Optional.empty(), rest.failedAt());
            assertEquals(RETRIES + 2, deliveries.size());
            assertEquals(
                    List.of(poisonSequence),
                    stream.poller().deadLetters().stream()
                            .map(r -> r.getDynamodb().getSequenceNumber())
                            .toList());

            assertServed(cloud, before, after);
            SiteAudit.Report audit = SeparateStack.audit(cloud);
            assertEquals(0, audit.problems(), audit.summary());
            ReliabilityFigures.failure(
                    ReliabilityFigures.Scenario.POISON_RECORD_IN_ONE_BATCH,
                    new ReliabilityFigures.Failure(
                            "1 malformed item, record " + (at + 1) + " of "
                                    + first.sequenceNumbers().size(),
                            stream.poller().failedDeliveries(),
                            stream.poller().deadLetters().size(),
                            audit.missing().size(),
                            audit.stale().size(),
                            "retries began at the poison; the next delivery began right after it"));
        }
    }

    /** Writes a published English translation whose publication time cannot be read. */
    static String writePoison(LocalCloud cloud) {
        String id = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = Map.of(
                "PK", AttributeValue.fromS("STORY#" + id),
                "SK", AttributeValue.fromS("LANG#en"),
                "type", AttributeValue.fromS("translation"),
                "id", AttributeValue.fromS(id),
                "lang", AttributeValue.fromS("en"),
                "category", AttributeValue.fromS("city"),
                "title", AttributeValue.fromS("Poison"),
                "slug", AttributeValue.fromS("poison"),
                "status", AttributeValue.fromS("published"),
                "publishedAt", AttributeValue.fromS("not-a-date"));
        cloud.dynamo().putItem(b -> b.tableName(LocalCloud.TABLE).item(item));
        return id;
    }

    static void assertServed(LocalCloud cloud, SeparateStack.Published... stories) {
        for (SeparateStack.Published story : stories) {
            HttpResponse<String> page = TestStack.cdn(cloud, story.url());
            assertEquals(200, page.statusCode(), story.url());
            assertEquals(
                    story.title(), Jsoup.parse(page.body()).selectFirst("h1").text());
        }
    }
}
