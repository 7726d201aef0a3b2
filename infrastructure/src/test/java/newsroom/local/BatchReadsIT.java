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
 * Reads of more stories than one BatchGetItem holds (100 keys: 25 stories of a META item and
 * three translations): the requests are made side by side, no story's keys are split between two
 * of them, so each story is made whole from one answer, and a request the table refuses fails the
 * whole read with the table's own error.
 */
class BatchReadsIT {
    private static final int STORIES = 30;
    private static final List<StoryId> IDS = new ArrayList<>();

    /** DynamoDB Local, recording the partitions each batch read asks for; refusing one story's. */
    static final class Recording implements DynamoDbClient {
        final DynamoDbClient table;
        final String refused;
        final List<Set<String>> requests = Collections.synchronizedList(new ArrayList<>());
        final Set<String> threads = Collections.synchronizedSet(new HashSet<>());

        Recording(DynamoDbClient table, String refused) {
            this.table = table;
            this.refused = refused;
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            Set<String> partitions = new HashSet<>();
            request.requestItems()
                    .values()
                    .forEach(keys ->
                            keys.keys().forEach(k -> partitions.add(k.get("PK").s())));
            requests.add(partitions);
            threads.add(Thread.currentThread().getName());
            if (partitions.contains(refused)) {
                throw DynamoDbException.builder()
                        .message("refused for the test")
                        .statusCode(400)
                        .build();
            }
            return table.batchGetItem(request);
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
                cloud.config().languages(),
                new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5), 10, pause -> {}, 7));
    }

    @Test
    void storiesOfSeveralRequestsAreReadSideBySideEachWhole() {
        Recording table = new Recording(TestStack.get().dynamo(), "none");

        Map<StoryId, Story> read = index(table).stories(IDS);

        assertEquals(IDS, List.copyOf(read.keySet()), "every story, in the order asked");
        for (Story story : read.values()) {
            assertTrue(
                    story.translation("en").isPresent()
                            && story.translation("ru").isPresent(),
                    "made from all of its items: " + story);
        }
        assertEquals(2, table.requests.size(), "120 keys: two requests");
        Set<String> seen = new HashSet<>();
        for (Set<String> request : table.requests) {
            for (String story : request) assertTrue(seen.add(story), "a story asked in two requests: " + story);
        }
        assertEquals(2, table.threads.size(), "the second request is made beside the first: " + table.threads);
    }

    @Test
    void aRequestTheTableRefusesFailsTheReadWithTheTablesError() {
        Recording table = new Recording(TestStack.get().dynamo(), Items.storyKey(IDS.get(STORIES - 1)));

        DynamoDbException refused =
                assertThrows(DynamoDbException.class, () -> index(table).stories(IDS));

        assertEquals(400, refused.statusCode());
        assertSame(DynamoDbException.class, refused.getClass());
    }
}
