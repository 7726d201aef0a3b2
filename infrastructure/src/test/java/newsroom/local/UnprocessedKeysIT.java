package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newsroom.store.Backoff;
import newsroom.store.DynamoSiteIndex;
import newsroom.store.DynamoStoryRepository;
import newsroom.story.Story;
import newsroom.story.StoryId;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Batch reads when the table reads only part of each request, as DynamoDB does under load (DynamoDB
 * Local never does, so the client in front of it passes on three keys a request and answers the
 * rest as unprocessed): every story is read, with a growing pause before each new request.
 */
class UnprocessedKeysIT {

    /** DynamoDB Local behind a table that reads at most {@code perRequest} keys a request. */
    static final class PartialReads implements DynamoDbClient {
        final DynamoDbClient table;
        final int perRequest;
        int requests;

        PartialReads(DynamoDbClient table, int perRequest) {
            this.table = table;
            this.perRequest = perRequest;
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            requests++;
            Map<String, KeysAndAttributes> now = new HashMap<>();
            Map<String, KeysAndAttributes> later = new HashMap<>();
            request.requestItems().forEach((name, keys) -> {
                List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> all = keys.keys();
                int n = Math.min(perRequest, all.size());
                now.put(name, keys.toBuilder().keys(all.subList(0, n)).build());
                if (n < all.size()) {
                    later.put(
                            name,
                            keys.toBuilder().keys(all.subList(n, all.size())).build());
                }
            });
            BatchGetItemResponse read =
                    table.batchGetItem(request.toBuilder().requestItems(now).build());
            return read.toBuilder().unprocessedKeys(later).build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }

    @Test
    void everyStoryIsReadWhenTheTableTakesOnlyPartOfARequest() throws Exception {
        LocalCloud cloud = TestStack.get();
        List<StoryId> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(new StoryId(
                    SeparateStack.publish(cloud, "Unprocessed keys " + i).id()));
        }
        PartialReads partial = new PartialReads(cloud.dynamo(), 3);
        List<Duration> pauses = new ArrayList<>();
        Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5), 10, pauses::add, 3);
        DynamoSiteIndex index = new DynamoSiteIndex(
                partial,
                LocalCloud.TABLE,
                new DynamoStoryRepository(
                        cloud.dynamo(), LocalCloud.TABLE, cloud.config().zone()),
                cloud.config().languages(),
                backoff);

        Map<StoryId, Story> read = index.stories(ids);

        assertEquals(ids, List.copyOf(read.keySet()));
        for (Story story : read.values()) {
            assertTrue(
                    story.translation("en").isPresent()
                            && story.translation("ru").isPresent(),
                    story.toString());
        }
        // 3 stories × (META + 3 languages) = 12 keys, 3 a request
        assertEquals(4, partial.requests);
        assertEquals(3, pauses.size(), "a pause before each request of the rest: " + pauses);
        for (int i = 0; i < pauses.size(); i++) {
            long step = 50L << i;
            assertTrue(pauses.get(i).toMillis() >= step / 2 && pauses.get(i).toMillis() <= step, pauses.toString());
        }
    }
}
