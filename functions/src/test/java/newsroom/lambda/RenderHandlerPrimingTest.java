package newsroom.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Instant;
import java.util.List;
import newsroom.store.StreamRecords;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

/**
 * SnapStart's priming of the renderer reads a synthetic stream record and renders the pages it
 * touches, and writes nothing: no page, no search shard.
 */
class RenderHandlerPrimingTest {
    @Test
    void primingRendersThePagesOfASyntheticPublishAndWritesNothing() throws Exception {
        PrimingFixture site = new PrimingFixture();
        RenderHandler handler = site.wiring.renderHandler();

        int outputs = handler.prime();
        ((Resource) handler).beforeCheckpoint(null);

        // the article, the lists, the feed, latest.json, the sitemaps: more than a handful
        assertTrue(outputs > 5, "outputs rendered: " + outputs);
        assertEquals(0, site.bucket.puts(), "priming wrote to the bucket");
        assertEquals(0, site.bucket.deletes(), "priming deleted from the bucket");

        var published = site.stories
                .list(
                        new newsroom.story.StoryRepository.StoryFilter(
                                java.util.Optional.of(newsroom.story.Status.PUBLISHED),
                                java.util.Optional.empty(),
                                java.util.Optional.empty()),
                        java.util.Optional.empty(),
                        1)
                .items()
                .get(0);
        var record = StreamRecords.published(
                published.id(),
                "en",
                published.translations().get("en").slug(),
                "city",
                Instant.parse("2026-11-30T06:00:00Z"));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        assertEquals(List.of(), handler.handleRequest(event, null).getBatchItemFailures());
        assertTrue(site.bucket.puts() > 0, "pages are written after priming");
    }
}
