package newsroom;

import java.time.Clock;
import java.util.function.Supplier;
import newsroom.image.UploadProcessor;
import newsroom.render.Assets;
import newsroom.render.FormerAddresses;
import newsroom.render.PageSet;
import newsroom.render.Redirects;
import newsroom.render.SiteIndex;
import newsroom.render.SiteRenderer;
import newsroom.render.SiteWriter;
import newsroom.search.SearchIndexer;
import newsroom.site.Config;
import newsroom.store.Backoff;
import newsroom.store.Cdn;
import newsroom.store.Clients;
import newsroom.store.CloudFrontCdn;
import newsroom.store.CloudFrontRedirects;
import newsroom.store.DynamoPictureCatalog;
import newsroom.store.DynamoRebuildProgress;
import newsroom.store.DynamoSiteIndex;
import newsroom.store.DynamoStoryRepository;
import newsroom.store.InvalidationQueue;
import newsroom.store.MediaUploads;
import newsroom.store.RebuildProgress;
import newsroom.store.RebuildQueue;
import newsroom.store.S3MediaUploads;
import newsroom.store.S3SiteBucket;
import newsroom.store.S3Uploads;
import newsroom.store.SiteBucket;
import newsroom.store.SqsInvalidationQueue;
import newsroom.store.SqsRebuildQueue;
import newsroom.store.Uploads;
import newsroom.story.PictureCatalog;
import newsroom.story.StoryService;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Everything the handlers need, wired once per runtime: in Lambda from the environment. Only the
 * stories are built at once; the renderer, the bucket, the uploads and the queue are built when
 * first asked for, so that a function which never renders (the API answering a read) does not pay
 * for their clients and templates in its cold start.
 */
public final class Services {
    private final Config config;
    private final StoryService stories;
    private final SiteIndex index;
    private final Clock clock;
    private final Supplier<SiteRenderer> renderer;
    private final Supplier<SiteWriter> writer;
    private final Supplier<PageSet> pageSet;
    private final Supplier<FormerAddresses> formerAddresses;
    private final Supplier<SiteBucket> bucket;
    private final Supplier<RebuildQueue> rebuildQueue;
    private final Supplier<Cdn> cdn;
    private final Supplier<InvalidationQueue> invalidations;
    private final RebuildProgress rebuildProgress;
    private final Supplier<MediaUploads> media;
    private final PictureCatalog pictures;
    private final Supplier<UploadProcessor> uploadProcessor;
    private final Supplier<SearchIndexer> search;

    /** The parts that differ between AWS and the local stack. */
    public record Edges(Cdn cdn, RebuildQueue rebuildQueue, InvalidationQueue invalidations, Redirects redirects) {
        /**
         * Edges without an invalidation queue or former addresses: paths go straight to the CDN,
         * with nothing kept when it fails (for static exports and tests, where nothing is cached
         * for long).
         */
        public Edges(Cdn cdn, RebuildQueue rebuildQueue) {
            this(cdn, rebuildQueue, direct(cdn), Redirects.NONE);
        }

        /** Edges of a site whose CDN keeps no former addresses. */
        public Edges(Cdn cdn, RebuildQueue rebuildQueue, InvalidationQueue invalidations) {
            this(cdn, rebuildQueue, invalidations, Redirects.NONE);
        }

        /** Edges without an invalidation queue: paths go straight to the CDN. */
        public Edges(Cdn cdn, RebuildQueue rebuildQueue, Redirects redirects) {
            this(cdn, rebuildQueue, direct(cdn), redirects);
        }

        private static InvalidationQueue direct(Cdn cdn) {
            return cdn::invalidate;
        }
    }

    private Services(
            Config config,
            StoryService stories,
            SiteIndex index,
            Clock clock,
            Supplier<SiteBucket> bucket,
            Supplier<MediaUploads> media,
            Supplier<Edges> edges,
            RebuildProgress rebuildProgress,
            PictureCatalog pictures,
            Supplier<Uploads> uploads) {
        this.config = config;
        this.rebuildProgress = rebuildProgress;
        this.stories = stories;
        this.index = index;
        this.clock = clock;
        this.bucket = once(bucket);
        this.media = once(media);
        Supplier<Edges> edgesOnce = once(edges);
        this.rebuildQueue = () -> edgesOnce.get().rebuildQueue();
        this.cdn = () -> edgesOnce.get().cdn();
        this.invalidations = () -> edgesOnce.get().invalidations();
        this.pictures = pictures;
        this.renderer = once(() -> new SiteRenderer(index, config, new Assets(), clock, pictures));
        this.uploadProcessor = once(() -> new UploadProcessor(uploads.get(), this.bucket.get(), pictures));
        this.writer = once(() -> new SiteWriter(
                this.renderer.get(), this.bucket.get(), edgesOnce.get().invalidations()));
        this.pageSet = once(() -> new PageSet(index, config.languages(), config.zone()));
        this.formerAddresses = once(() -> new FormerAddresses(edgesOnce.get().redirects(), index));
        // built on first use only: the API never loads the stemmers
        this.search = once(() -> new SearchIndexer(index, this.bucket.get(), config));
    }

    /** Services over these parts, built now. */
    public static Services wire(
            Config config, DynamoDbClient dynamo, SiteBucket bucket, MediaUploads media, Edges edges, Clock clock) {
        return wire(config, dynamo, () -> bucket, () -> media, () -> edges, clock);
    }

    /** Services whose bucket, uploads and edges are built on first use; no upload processing. */
    public static Services wire(
            Config config,
            DynamoDbClient dynamo,
            Supplier<SiteBucket> bucket,
            Supplier<MediaUploads> media,
            Supplier<Edges> edges,
            Clock clock) {
        return wire(config, dynamo, bucket, media, Services::noUploads, edges, clock);
    }

    /** Services that also read the uploads bucket, for the image function. */
    public static Services wire(
            Config config,
            DynamoDbClient dynamo,
            Supplier<SiteBucket> bucket,
            Supplier<MediaUploads> media,
            Supplier<Uploads> uploads,
            Supplier<Edges> edges,
            Clock clock) {
        DynamoStoryRepository repository = new DynamoStoryRepository(dynamo, config.tableName());
        SiteIndex index = new DynamoSiteIndex(dynamo, config.tableName(), repository, config.languages());
        return new Services(
                config,
                new StoryService(repository, config.languages(), config.categories(), clock),
                index,
                clock,
                bucket,
                media,
                edges,
                new DynamoRebuildProgress(dynamo, config.tableName()),
                new DynamoPictureCatalog(dynamo, config.tableName(), clock),
                uploads);
    }

    private static Uploads noUploads() {
        throw new IllegalStateException("these services read no uploads");
    }

    /** Services over a story service and index of any kind (tests use in-memory ones). */
    public static Services of(
            Config config,
            StoryService stories,
            SiteIndex index,
            Supplier<SiteBucket> bucket,
            Supplier<MediaUploads> media,
            Supplier<Edges> edges,
            Clock clock) {
        return new Services(
                config,
                stories,
                index,
                clock,
                bucket,
                media,
                edges,
                new RebuildProgress() {
                    @Override
                    public void start(String rebuild, int batches) {
                        throw new IllegalStateException("no rebuild progress in these services");
                    }

                    @Override
                    public boolean finish(String rebuild, int batch) {
                        throw new IllegalStateException("no rebuild progress in these services");
                    }
                },
                PictureCatalog.NONE,
                Services::noUploads);
    }

    public Config config() {
        return config;
    }

    public StoryService stories() {
        return stories;
    }

    public SiteIndex index() {
        return index;
    }

    public SiteRenderer renderer() {
        return renderer.get();
    }

    public SiteWriter writer() {
        return writer.get();
    }

    public PageSet pageSet() {
        return pageSet.get();
    }

    public FormerAddresses formerAddresses() {
        return formerAddresses.get();
    }

    public SearchIndexer search() {
        return search.get();
    }

    public SiteBucket bucket() {
        return bucket.get();
    }

    public RebuildQueue rebuildQueue() {
        return rebuildQueue.get();
    }

    public Cdn cdn() {
        return cdn.get();
    }

    public InvalidationQueue invalidations() {
        return invalidations.get();
    }

    public RebuildProgress rebuildProgress() {
        return rebuildProgress;
    }

    public MediaUploads media() {
        return media.get();
    }

    /** What became of uploaded images: asked by pages and the API, told by the image function. */
    public PictureCatalog pictures() {
        return pictures;
    }

    public UploadProcessor uploadProcessor() {
        return uploadProcessor.get();
    }

    public Clock clock() {
        return clock;
    }

    /** A supplier that builds its value on first use, once, for every thread. */
    private static <T> Supplier<T> once(Supplier<T> build) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) value = v = build.get();
                    }
                }
                return v;
            }
        };
    }

    /** The Lambda runtime's wiring, built on first use and kept for the life of the runtime. */
    public static Services fromEnvironment() {
        return FromEnvironment.INSTANCE;
    }

    private static final class FromEnvironment {
        static final Services INSTANCE = build();

        private static Services build() {
            Config config = Config.fromEnvironment();
            SdkHttpClient http = Clients.httpClient();
            return wire(
                    config,
                    Clients.dynamo(config, http),
                    () -> new S3SiteBucket(Clients.s3(config, http), config.bucketName()),
                    () -> new S3MediaUploads(Clients.presigner(config), config.uploadsBucket()),
                    () -> new S3Uploads(Clients.s3(config, http)),
                    () -> edges(config, http),
                    Clock.systemUTC());
        }

        private static Edges edges(Config config, SdkHttpClient http) {
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
            return new Edges(cdn, rebuilds, invalidations, redirects);
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
}
