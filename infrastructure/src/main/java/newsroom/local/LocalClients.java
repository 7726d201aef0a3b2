package newsroom.local;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import newsroom.site.Config;
import newsroom.store.S3MediaUploads;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local stack's configuration and its clients of the emulators (or of any endpoint that speaks
 * their protocols), built the same way for the running stack and for the commands that read it.
 * The caller owns and closes each client.
 */
public final class LocalClients {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY));
    private static final Region REGION = Region.of(Emulators.REGION);

    private LocalClients() {}

    /** The local stack's configuration, with the CDN emulator's address as the site's. */
    public static Config localConfig(String siteUrl) {
        return Config.from(Map.of(
                "TABLE_NAME",
                LocalCloud.TABLE,
                "BUCKET_NAME",
                LocalCloud.BUCKET,
                "LANGUAGES",
                "kk,ru,en",
                "DEFAULT_LANGUAGE",
                "kk",
                "SITE_URL",
                siteUrl,
                "TIME_ZONE",
                "Asia/Almaty",
                "AWS_REGION",
                Emulators.REGION,
                "UPLOADS_BUCKET",
                LocalCloud.UPLOADS_BUCKET));
    }

    /** A DynamoDB client with room for the stack's concurrent handlers. */
    public static DynamoDbClient dynamo(String endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(CREDENTIALS)
                .region(REGION)
                .httpClient(http(endpoint, 64))
                .build();
    }

    /** An S3 client addressing buckets by path, as S3Proxy on loopback needs. */
    public static S3Client s3(String endpoint) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .forcePathStyle(true)
                .credentialsProvider(CREDENTIALS)
                .region(REGION)
                .httpClient(http(endpoint, 64))
                .build();
    }

    /**
     * An HTTP client for the endpoint. The emulators speak plain HTTP on loopback: for an http
     * endpoint the client gets no TLS socket factory, whose default TLS context (the trust store
     * read and parsed) took a fifth of a second of every command's start and is never used there.
     */
    private static SdkHttpClient http(String endpoint, int maxConnections) {
        ApacheHttpClient.Builder http = ApacheHttpClient.builder().maxConnections(maxConnections);
        if ("http".equals(URI.create(endpoint).getScheme())) {
            // the factory for https addresses, of which an http endpoint makes none
            http.socketFactory(PlainConnectionSocketFactory.getSocketFactory());
        }
        return http.build();
    }

    /** Upload URLs to S3Proxy, addressed by path, signed as the API function signs them. */
    public static S3MediaUploads mediaUploads(String endpoint, String bucket, Clock clock) {
        return new S3MediaUploads(CREDENTIALS, Emulators.REGION, Optional.of(URI.create(endpoint)), bucket, clock);
    }

    /** The stream client: one poller thread uses it, so a few connections are plenty. */
    public static DynamoDbStreamsClient streams(String dynamoEndpoint) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(dynamoEndpoint))
                .credentialsProvider(CREDENTIALS)
                .region(REGION)
                .httpClient(http(dynamoEndpoint, 4))
                .build();
    }
}
