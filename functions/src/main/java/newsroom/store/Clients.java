package newsroom.store;

import java.net.URI;
import java.time.Clock;
import newsroom.site.Config;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds the AWS clients once, from configuration, with the light URL-connection HTTP client. */
public final class Clients {
    private Clients() {}

    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder().build();
    }

    public static DynamoDbClient dynamo(Config config, SdkHttpClient http) {
        var builder = DynamoDbClient.builder().httpClient(http).region(Region.of(config.region()));
        config.endpointOverride().map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static S3Client s3(Config config, SdkHttpClient http) {
        var builder = S3Client.builder()
                .httpClient(http)
                .region(Region.of(config.region()))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(new NoExpectContinue())
                        .build());
        config.endpointOverride()
                .map(URI::create)
                .ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
        return builder.build();
    }

    /** Upload URLs signed with the default credentials chain, which SnapStart needs. */
    public static S3MediaUploads mediaUploads(Config config, Clock clock) {
        return new S3MediaUploads(
                DefaultCredentialsProvider.builder().build(),
                config.region(),
                config.endpointOverride().map(URI::create),
                config.uploadsBucket(),
                clock);
    }

    public static SqsClient sqs(Config config, SdkHttpClient http) {
        return SqsClient.builder()
                .httpClient(http)
                .region(Region.of(config.region()))
                .build();
    }

    public static CloudFrontClient cloudFront(SdkHttpClient http) {
        return CloudFrontClient.builder()
                .httpClient(http)
                .region(Region.AWS_GLOBAL)
                .build();
    }

    /**
     * Pages are small: waiting for "100 Continue" only adds a round trip, and some S3-compatible
     * servers close the connection after it, which the URL-connection client then reuses.
     */
    static final class NoExpectContinue implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(
                Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
            return context.httpRequest().toBuilder().removeHeader("Expect").build();
        }
    }
}
