package newsroom.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import newsroom.lambda.RenderHandler;
import newsroom.render.SiteBucket;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The table's stream fed to the real render handler by a poller of the test's own, which records
 * every delivery: which records it carried and where the handler said it failed. The stack's own
 * poller is stopped first, so each record is rendered once, here.
 */
final class DrivenStream implements AutoCloseable {
    /** One invocation of the render handler; a thrown error fails it from its first record. */
    record Delivery(List<String> sequenceNumbers, List<String> keys, Optional<String> failedAt, boolean threw) {}

    private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final DynamoDbStreamsClient streams;
    private final StreamPoller poller;

    DrivenStream(LocalCloud cloud, SiteBucket bucket, int streamRetries) {
        cloud.poller().close();
        RenderHandler render =
                NewsroomLocal.offline(cloud.config(), cloud.dynamo(), bucket).renderHandler();
        streams = DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(cloud.emulators().dynamoEndpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY)))
                .region(Region.of(Emulators.REGION))
                .build();
        String streamArn = cloud.dynamo()
                .describeTable(b -> b.tableName(LocalCloud.TABLE))
                .table()
                .latestStreamArn();
        poller = new StreamPoller(
                streams, streamArn, Emulators.REGION, event -> recorded(event, render), 100, streamRetries, 50);
    }

    private StreamsEventResponse recorded(DynamodbEvent event, RenderHandler render) {
        List<String> sequence = event.getRecords().stream()
                .map(r -> r.getDynamodb().getSequenceNumber())
                .toList();
        List<String> keys = event.getRecords().stream()
                .map(r -> r.getDynamodb().getKeys().get("PK").getS()
                        + " "
                        + r.getDynamodb().getKeys().get("SK").getS())
                .toList();
        StreamsEventResponse response;
        try {
            response = render.handleRequest(event, LocalContext.of("RenderFunction"));
        } catch (RuntimeException e) {
            deliveries.add(new Delivery(sequence, keys, Optional.of(sequence.get(0)), true));
            throw e;
        }
        Optional<String> failedAt = response.getBatchItemFailures() == null
                        || response.getBatchItemFailures().isEmpty()
                ? Optional.empty()
                : Optional.of(response.getBatchItemFailures().get(0).getItemIdentifier());
        deliveries.add(new Delivery(sequence, keys, failedAt, false));
        return response;
    }

    /** Starts reading at the start of the stream, so everything written so far is one backlog. */
    void start() {
        poller.start(true);
    }

    StreamPoller poller() {
        return poller;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        poller.close();
        streams.close();
    }
}
