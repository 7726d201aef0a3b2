package newsroom.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/** Creates the local table exactly as template.yaml's AWS::DynamoDB::Table defines it. */
public final class TableDefinition {
    private TableDefinition() {}

    public static CreateTableRequest fromTemplate(CloudTemplate template, String tableName) {
        String id = template.firstOfType("AWS::DynamoDB::Table")
                .orElseThrow(() -> new IllegalStateException("template has no DynamoDB table"));
        Map<String, Object> p = template.properties(id);
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Object a : CloudTemplate.list(p.get("AttributeDefinitions"))) {
            Map<String, Object> m = CloudTemplate.map(a);
            attributes.add(AttributeDefinition.builder()
                    .attributeName(String.valueOf(m.get("AttributeName")))
                    .attributeType(String.valueOf(m.get("AttributeType")))
                    .build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object g : CloudTemplate.list(p.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> m = CloudTemplate.map(g);
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(String.valueOf(m.get("IndexName")))
                    .keySchema(keys(m.get("KeySchema")))
                    .projection(projection(CloudTemplate.map(m.get("Projection"))))
                    .build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .attributeDefinitions(attributes)
                .keySchema(keys(p.get("KeySchema")))
                .billingMode(BillingMode.fromValue(String.valueOf(p.getOrDefault("BillingMode", "PAY_PER_REQUEST"))));
        if (!indexes.isEmpty()) request.globalSecondaryIndexes(indexes);
        Map<String, Object> stream = CloudTemplate.map(p.get("StreamSpecification"));
        if (!stream.isEmpty()) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(String.valueOf(stream.get("StreamViewType")))
                    .build());
        }
        return request.build();
    }

    /** Creates the table unless it exists; returns whether it created it. */
    public static boolean create(DynamoDbClient dynamo, CreateTableRequest request) {
        try {
            dynamo.createTable(request);
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(request.tableName()));
            return true;
        } catch (ResourceInUseException exists) {
            return false;
        }
    }

    private static List<KeySchemaElement> keys(Object schema) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Object k : CloudTemplate.list(schema)) {
            Map<String, Object> m = CloudTemplate.map(k);
            keys.add(KeySchemaElement.builder()
                    .attributeName(String.valueOf(m.get("AttributeName")))
                    .keyType(String.valueOf(m.get("KeyType")))
                    .build());
        }
        return keys;
    }

    private static Projection projection(Map<String, Object> p) {
        Projection.Builder projection = Projection.builder().projectionType(String.valueOf(p.get("ProjectionType")));
        List<Object> included = CloudTemplate.list(p.get("NonKeyAttributes"));
        if (!included.isEmpty()) {
            projection.nonKeyAttributes(included.stream().map(String::valueOf).toList());
        }
        return projection.build();
    }
}
