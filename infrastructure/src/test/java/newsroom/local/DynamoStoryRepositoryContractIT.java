package newsroom.local;

import java.util.concurrent.atomic.AtomicInteger;
import newsroom.store.DynamoStoryRepository;
import newsroom.story.StoryRepository;
import newsroom.story.StoryRepositoryContract;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB repository keeps the same contract as the unit tests' fake, on DynamoDB Local over
 * HTTP: each test on a table of its own, made from template.yaml's definition, so lists see only
 * that test's stories.
 */
class DynamoStoryRepositoryContractIT extends StoryRepositoryContract {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final CloudTemplate TEMPLATE = CloudTemplate.read(CloudTemplate.locate());
    private final DynamoDbClient dynamo = TestStack.get().dynamo();
    private String table;

    @Override
    protected StoryRepository emptyRepository() {
        table = "story-contract-" + TABLES.incrementAndGet();
        TableDefinition.create(dynamo, TableDefinition.fromTemplate(TEMPLATE, table));
        return new DynamoStoryRepository(dynamo, table, java.time.ZoneId.of("Asia/Almaty"));
    }

    @AfterEach
    void dropTable() {
        dynamo.deleteTable(b -> b.tableName(table));
    }
}
