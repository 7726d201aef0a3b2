package newsroom.lambda;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import newsroom.render.Cdn;
import newsroom.render.InvalidationQueue;
import newsroom.render.RebuildQueue;
import newsroom.render.Redirects;
import newsroom.site.Config;
import newsroom.store.Backoff;
import newsroom.store.Clients;
import newsroom.store.CloudFrontCdn;
import newsroom.store.CloudFrontRedirects;
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
        Clock clock = Clock.systemUTC();
        return Wiring.wire(
                config,
                Clients.dynamo(config, http),
                () -> new S3SiteBucket(Clients.s3(config, http), config.bucketName()),
                () -> Clients.mediaUploads(config, clock),
                () -> new S3Uploads(Clients.s3(config, http)),
                () -> edges(config, http),
                clock);
    }

    /**
     * Each edge is built on its first use, so a function loads only the clients it calls: the API
     * (a rebuild's queue) and the publisher (the invalidation queue) never build the CDN's client or
     * the redirect store's signer, which their deployment packages do not carry.
     */
    private static Wiring.Edges edges(Config config, SdkHttpClient http) {
        Supplier<Cdn> cdn = Wiring.once(() -> cdn(config, http));
        Supplier<RebuildQueue> rebuilds = Wiring.once(() -> queue(config, http));
        Supplier<InvalidationQueue> invalidations = Wiring.once(() -> config.invalidationQueueUrl()
                .<InvalidationQueue>map(url -> new SqsInvalidationQueue(Clients.sqs(config, http), url))
                .orElse(paths -> cdn.get().invalidate(paths)));
        Supplier<Redirects> redirects = Wiring.once(() -> config.redirectStoreArn()
                .<Redirects>map(arn -> new CloudFrontRedirects(
                        http,
                        DefaultCredentialsProvider.builder().build(),
                        arn,
                        CloudFrontRedirects.endpointOf(arn),
                        Backoff.standard()))
                .orElse(Redirects.NONE));
        return new Wiring.Edges(
                paths -> cdn.get().invalidate(paths),
                messages -> rebuilds.get().send(messages),
                new InvalidationQueue() {
                    @Override
                    public void record(Collection<String> paths) {
                        invalidations.get().record(paths);
                    }

                    @Override
                    public void retry(Collection<String> paths, int attempt, Duration delay) {
                        invalidations.get().retry(paths, attempt, delay);
                    }
                },
                new Redirects() {
                    @Override
                    public Optional<String> get(String key) {
                        return redirects.get().get(key);
                    }

                    @Override
                    public void update(List<Redirects.Edit> edits) {
                        redirects.get().update(edits);
                    }
                });
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
