package newsroom.bench.lambda;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The cold start's baseline: what any Java function reading DynamoDB pays. A fresh JVM builds one
 * DynamoDB client as the functions build theirs (the URL-connection HTTP client, the region from
 * the environment, the default credentials chain, which Lambda's SnapStart needs) and reads the
 * story's item once, with no Newsroom class loaded. What the API handler costs above this is what
 * Newsroom adds.
 */
public final class BareSdk {
    private BareSdk() {}

    public static void main(String[] args) {
        long started = System.nanoTime();
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .region(Region.of(System.getenv("AWS_REGION")));
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint != null) builder.endpointOverride(URI.create(endpoint));
        DynamoDbClient dynamo = builder.build();
        long ready = System.nanoTime();
        GetItemResponse item = dynamo.getItem(b -> b.tableName(System.getenv("TABLE_NAME"))
                .key(Map.of(
                        "PK", AttributeValue.fromS("STORY#" + args[0]),
                        "SK", AttributeValue.fromS("META"))));
        long answered = System.nanoTime();
        System.out.printf(
                "{\"found\":%b,\"initMs\":%.1f,\"requestMs\":%.1f}%n",
                item.hasItem(), (ready - started) / 1e6, (answered - ready) / 1e6);
        System.exit(item.hasItem() ? 0 : 1);
    }
}
