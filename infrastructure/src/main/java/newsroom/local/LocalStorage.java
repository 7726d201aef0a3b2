package newsroom.local;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import newsroom.store.S3MediaUploads;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What the stack stores in: DynamoDB Local and S3Proxy started in this JVM, or external endpoints
 * (LocalStack) in their place, the clients of both, and the table and buckets the template declares.
 */
final class LocalStorage implements AutoCloseable {
    private final Closer closeables = new Closer();
    private Emulators emulators;
    private Endpoints endpoints;
    private DynamoDbClient dynamo;
    private S3Client s3;
    private S3MediaUploads media;
    private boolean createdTable;

    private LocalStorage() {}

    /** Connects (starting the emulators unless {@code external} names endpoints) and creates what is missing. */
    static LocalStorage open(StackOptions options, Optional<Endpoints> external, CloudTemplate template) {
        LocalStorage storage = new LocalStorage();
        try {
            storage.connect(options, external);
            storage.createTableAndBuckets(template);
            return storage;
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    private void connect(StackOptions options, Optional<Endpoints> external) {
        if (external.isPresent()) {
            endpoints = external.get();
        } else {
            emulators = Emulators.start(options.dynamoPort(), options.s3Port(), options.dataDir(), true);
            closeables.add(emulators);
            endpoints = new Endpoints(emulators.dynamoEndpoint(), emulators.s3Endpoint());
        }
        dynamo = LocalClients.dynamo(endpoints.dynamo());
        closeables.add(dynamo);
        s3 = LocalClients.s3(endpoints.s3());
        closeables.add(s3);
        // S3Proxy checks a signature's time against its own clock, not the stack's
        media = LocalClients.mediaUploads(endpoints.s3(), LocalCloud.UPLOADS_BUCKET, Clock.systemUTC());
    }

    private void createTableAndBuckets(CloudTemplate template) {
        createdTable = TableDefinition.create(dynamo, TableDefinition.fromTemplate(template, LocalCloud.TABLE));
        for (String bucket : List.of(LocalCloud.BUCKET, LocalCloud.UPLOADS_BUCKET)) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException exists) {
                // kept from an earlier run
            } catch (S3Exception e) {
                if (e.statusCode() != 409) throw e;
            }
        }
    }

    /** The table's stream, as the poller reads it. */
    String streamArn() {
        return dynamo.describeTable(b -> b.tableName(LocalCloud.TABLE)).table().latestStreamArn();
    }

    /** A new client of the table's stream; the caller closes it. */
    DynamoDbStreamsClient streams() {
        return LocalClients.streams(endpoints.dynamo());
    }

    /** The embedded emulators; empty when the stack runs against external endpoints. */
    Optional<Emulators> emulators() {
        return Optional.ofNullable(emulators);
    }

    Endpoints endpoints() {
        return endpoints;
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    S3Client s3() {
        return s3;
    }

    S3MediaUploads mediaUploads() {
        return media;
    }

    /** Whether this start made the table (an empty one), rather than finding it from an earlier run. */
    boolean createdTable() {
        return createdTable;
    }

    @Override
    public void close() {
        closeables.close();
    }
}
