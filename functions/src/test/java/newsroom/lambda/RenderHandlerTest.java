package newsroom.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.render.Change;
import newsroom.render.InMemorySiteIndex;
import newsroom.render.SiteBucket;
import newsroom.render.SiteIndex;
import newsroom.site.Config;
import newsroom.store.StreamRecords;
import newsroom.story.InMemoryStories;
import newsroom.story.Status;
import newsroom.story.StoryService;
import org.junit.jupiter.params.ParameterizedTest;

class RenderHandlerTest {

    @ParameterizedTest
    @Event(value = "events/stream-publish.json", type = DynamodbEvent.class)
    void translationRecordsBecomeChangesAndOtherItemsAreSkipped(DynamodbEvent event) {
        var changes = event.getRecords().stream()
                .map(StreamRecords::change)
                .flatMap(java.util.Optional::stream)
                .toList();
        assertEquals(1, changes.size());
        Change change = changes.get(0);
        assertEquals("en", change.lang());
        assertEquals("0b8f3c1e-8a4f-4f0e-9d43-2f1b6f0c9a11", change.id().value());
        assertEquals(Status.DRAFT, change.before().orElseThrow().status());
        assertEquals(Status.PUBLISHED, change.after().orElseThrow().status());
        assertEquals(
                Instant.parse("2026-11-22T06:00:00Z"),
                change.after().orElseThrow().publishedAt());
        assertTrue(change.touchesPublicSite());
    }

    @ParameterizedTest
    @Event(value = "events/stream-unreadable-record.json", type = DynamodbEvent.class)
    void aRecordThatCannotBeReadIsNamedAsTheFailedItemInsteadOfFailingTheBatch(DynamodbEvent event) {
        StreamsEventResponse response = servicesWithoutPages().renderHandler().handleRequest(event, null);

        // the stream retries from the unreadable record: the draft before it is done, not redone
        assertEquals(
                List.of("111400000000000000004"),
                response.getBatchItemFailures().stream()
                        .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                        .toList());
    }

    @ParameterizedTest
    @Event(value = "events/stream-delete-story.json", type = DynamodbEvent.class)
    void aDeletedStorysPictureIsDeletedWithIt(DynamodbEvent event) {
        newsroom.store.InMemorySiteBucket bucket = new newsroom.store.InMemorySiteBucket();
        String deleted = "media/2026/11/5d41402a-bc4b-4a76-b971-9d911017c592.jpg";
        String kept = "media/2026/11/kept.jpg";
        bucket.putIfChanged(deleted, new byte[] {1}, "image/jpeg", "public");
        bucket.putIfChanged(kept, new byte[] {2}, "image/jpeg", "public");

        StreamsEventResponse response = services(bucket).renderHandler().handleRequest(event, null);

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(Optional.empty(), bucket.get(deleted), "the deleted story's picture");
        assertTrue(bucket.get(kept).isPresent(), "a picture of a story that was only changed stays");
    }

    private static Wiring services(SiteBucket bucket) {
        Config config = Config.from(Map.of("TABLE_NAME", "newsroom", "BUCKET_NAME", "site"));
        InMemoryStories stories = new InMemoryStories();
        Clock clock = Clock.systemUTC();
        return Wiring.of(
                config,
                new StoryService(stories, config.languages(), config.categories(), clock),
                new InMemorySiteIndex(stories),
                () -> bucket,
                () -> (key, type, length, valid) -> {
                    throw new UnsupportedOperationException("no uploads here");
                },
                () -> new Wiring.Edges(paths -> {}, messages -> {}),
                clock);
    }

    /** The render wiring over in-memory stories, with a bucket no page may reach. */
    private static Wiring servicesWithoutPages() {
        Config config = Config.from(Map.of("TABLE_NAME", "newsroom", "BUCKET_NAME", "site"));
        InMemoryStories stories = new InMemoryStories();
        SiteIndex index = new InMemorySiteIndex(stories);
        Clock clock = Clock.systemUTC();
        SiteBucket bucket = new SiteBucket() {
            @Override
            public Write putIfChanged(
                    String key, byte[] body, String type, String cacheControl, Runnable beforeReplace) {
                throw new AssertionError("no page depends on these records: " + key);
            }

            @Override
            public boolean delete(String key, Runnable beforeDelete) {
                throw new AssertionError("no page depends on these records: " + key);
            }

            @Override
            public Optional<byte[]> get(String key) {
                return Optional.empty();
            }

            @Override
            public List<String> keys(String prefix) {
                return List.of();
            }
        };
        return Wiring.of(
                config,
                new StoryService(stories, config.languages(), config.categories(), clock),
                index,
                () -> bucket,
                () -> (key, type, length, valid) -> {
                    throw new UnsupportedOperationException("no uploads here");
                },
                () -> new Wiring.Edges(paths -> {}, messages -> {}),
                clock);
    }
}
