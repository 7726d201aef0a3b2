package newsroom.lambda;

import java.time.Clock;
import newsroom.render.Cdn;
import newsroom.render.InvalidationQueue;
import newsroom.render.RebuildQueue;
import newsroom.render.Redirects;
import newsroom.site.Config;
import newsroom.store.Backoff;
import newsroom.store.Clients;
import newsroom.store.CloudFrontCdn;
import newsroom.store.CloudFrontRedirects;
import newsroom.store.S3MediaUploads;
import newsroom.store.S3SiteBucket;
import newsroom.store.S3Uploads;
import newsroom.store.SqsInvalidationQueue;
import newsroom.store.SqsRebuildQueue;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/** The Lambda runtime's wiring, from the environment: built on first use, kept for the runtime's life. */
final class FromEnvironment {
    static final Wiring INSTANCE = build();

    private static Wiring build() {
        Config config = Config.fromEnvironment();
        SdkHttpClient http = Clients.httpClient();
        return Wiring.wire(
                config,
                Clients.dynamo(config, http),
                () -> new S3SiteBucket(Clients.s3(config, http), config.bucketName()),
                () -> new S3MediaUploads(Clients.presigner(config), config.uploadsBucket()),
                () -> new S3Uploads(Clients.s3(config, http)),
                () -> edges(config, http),
                Clock.systemUTC());
    }

    private static Wiring.Edges edges(Config config, SdkHttpClient http) {
        Cdn cdn = cdn(config, http);
        RebuildQueue rebuilds = queue(config, http);
        InvalidationQueue invalidations = config.invalidationQueueUrl()
                .<InvalidationQueue>map(url -> new SqsInvalidationQueue(Clients.sqs(config, http), url))
                .orElse(cdn::invalidate);
        Redirects redirects = config.redirectStoreArn()
                .<Redirects>map(arn -> new CloudFrontRedirects(
                        http,
                        DefaultCredentialsProvider.builder().build(),
                        arn,
                        CloudFrontRedirects.endpointOf(arn),
                        Backoff.standard()))
                .orElse(Redirects.NONE);
        return new Wiring.Edges(cdn, rebuilds, invalidations, redirects);
    }

    private static Cdn cdn(Config config, SdkHttpClient http) {
        return config.distributionId()
                .<Cdn>map(id -> new CloudFrontCdn(Clients.cloudFront(http), id))
                .orElse(paths -> {});
    }

    private static RebuildQueue queue(Config config, SdkHttpClient http) {
        return config.rebuildQueueUrl()
                .<RebuildQueue>map(url -> new SqsRebuildQueue(Clients.sqs(config, http), url))
                .orElse(messages -> {
                    throw new IllegalStateException("REBUILD_QUEUE_URL is not set");
                });
    }
}
