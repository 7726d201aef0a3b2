package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import newsroom.store.Backoff;
import newsroom.store.DynamoSiteIndex;
import newsroom.store.DynamoStoryRepository;
import newsroom.store.Items;
import newsroom.story.Story;
import newsroom.story.StoryId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Reads of more stories than one BatchGetItem holds (100 keys; here a story is its META item and
 * two translations, so 100 keys would end in the middle of the 34th story): the requests are made
 * side by side, no story's keys are split between two of them, so each story is made whole from
 * one answer, and a request the table refuses fails the whole read with the table's own error.
 */
class BatchReadsIT {
    private static final int STORIES = 35;
    private static final List<StoryId> IDS = new ArrayList<>();

    /** DynamoDB Local, recording the partitions each batch read asks for; refusing one story's. */
    static final class Recording implements DynamoDbClient {
        final DynamoDbClient table;
        final String refused;
        final List<Set<String>> requests = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicBoolean overlapped = new AtomicBoolean();
        private final CountDownLatch another = new CountDownLatch(1);
        private final CountDownLatch readerDone = new CountDownLatch(1);
        private final boolean firstWaits;
        private boolean helperOutlastsReader;

        /**
         * @param firstWaits whether the first request waits (up to the deadline) for another to be
         *     asked while it is in flight: requests made one after the other never overlap then
         */
        Recording(DynamoDbClient table, String refused, boolean firstWaits) {
            this.table = table;
            this.refused = refused;
            this.firstWaits = firstWaits;
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            Set<String> partitions = new HashSet<>();
            request.requestItems()
                    .values()
                    .forEach(keys ->
                            keys.keys().forEach(k -> partitions.add(k.get("PK").s())));
            boolean first;
            synchronized (requests) {
                first = requests.isEmpty();
                requests.add(partitions);
            }
            if (inFlight.incrementAndGet() > 1) {
                overlapped.set(true);
                another.countDown();
            }
            boolean helper = Thread.currentThread().getName().startsWith("batch-reader");
            try {
                if (first && firstWaits) another.await(30, TimeUnit.SECONDS);
                // the helper's request is still in flight when the reading thread has its answer
                if (helper && helperOutlastsReader) readerDone.await(30, TimeUnit.SECONDS);
                if (partitions.contains(refused)) {
                    throw DynamoDbException.builder()
                            .message("refused for the test")
                            .statusCode(400)
                            .build();
                }
                return table.batchGetItem(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
                if (!helper) readerDone.countDown();
            }
        }

        /** The helpers' requests answer only after the reading thread's own has been answered. */
        Recording helperOutlastsReader() {
            helperOutlastsReader = true;
            return this;
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }

    @BeforeAll
    static void publish() throws Exception {
        LocalCloud cloud = TestStack.get();
        for (int i = 0; i < STORIES; i++) {
            IDS.add(new StoryId(SeparateStack.publish(cloud, "Batch read " + i).id()));
        }
    }

    private static DynamoSiteIndex index(DynamoDbClient dynamo) {
        LocalCloud cloud = TestStack.get();
        return new DynamoSiteIndex(
                dynamo,
                LocalCloud.TABLE,
                new DynamoStoryRepository(
                        cloud.dynamo(), LocalCloud.TABLE, cloud.config().zone()),
                List.of("en", "ru"),
                new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5), 10, pause -> {}, 7));
    }

    @Test
    void storiesOfSeveralRequestsAreReadSideBySideEachWhole() {
        Recording table = new Recording(TestStack.get().dynamo(), "none", true);

        Map<StoryId, Story> read = index(table).stories(IDS);

        assertEquals(IDS, List.copyOf(read.keySet()), "every story, in the order asked");
        for (Story story : read.values()) {
            assertTrue(
                    story.translation("en").isPresent()
                            && story.translation("ru").isPresent(),
                    "made from all of its items: " + story);
        }
        assertEquals(2, table.requests.size(), "105 keys: two requests");
        Set<String> seen = new HashSet<>();
        for (Set<String> request : table.requests) {
            for (String story : request) assertTrue(seen.add(story), "a story asked in two requests: " + story);
        }
        assertTrue(table.overlapped.get(), "the second request is made while the first is in flight");
    }

    @Test
    void aReadWaitsForTheRequestsItsHelpersTook() {
        Recording table = new Recording(TestStack.get().dynamo(), "none", true).helperOutlastsReader();

        Map<StoryId, Story> read = index(table).stories(IDS);

        assertTrue(table.overlapped.get(), "a helper took the second request");
        assertEquals(IDS, List.copyOf(read.keySet()), "the helper's stories too");
    }

    @Test
    void aRequestTheTableRefusesFailsTheReadWithTheTablesError() {
        Recording table = new Recording(TestStack.get().dynamo(), Items.storyKey(IDS.get(STORIES - 1)), false);

        DynamoDbException refused =
                assertThrows(DynamoDbException.class, () -> index(table).stories(IDS));

        assertEquals(400, refused.statusCode());
        assertSame(DynamoDbException.class, refused.getClass());
    }
}
