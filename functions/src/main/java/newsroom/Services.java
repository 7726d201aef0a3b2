package newsroom;

import java.time.Clock;
import java.util.function.Supplier;
import newsroom.render.Assets;
import newsroom.render.PageSet;
import newsroom.render.SiteIndex;
import newsroom.render.SiteRenderer;
import newsroom.render.SiteWriter;
import newsroom.search.SearchIndexer;
import newsroom.site.Config;
import newsroom.store.Cdn;
import newsroom.store.Clients;
import newsroom.store.CloudFrontCdn;
import newsroom.store.DynamoSiteIndex;
import newsroom.store.DynamoStoryRepository;
import newsroom.store.MediaUploads;
import newsroom.store.RebuildQueue;
import newsroom.store.S3MediaUploads;
import newsroom.store.S3SiteBucket;
import newsroom.store.SiteBucket;
import newsroom.store.SqsRebuildQueue;
import newsroom.story.StoryService;
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
    private final Supplier<SiteBucket> bucket;
    private final Supplier<RebuildQueue> rebuildQueue;
    private final Supplier<MediaUploads> media;
    private final Supplier<SearchIndexer> search;

    /** The parts that differ between AWS and the local stack. */
    public record Edges(Cdn cdn, RebuildQueue rebuildQueue) {}

    private Services(
            Config config,
            StoryService stories,
            SiteIndex index,
            Clock clock,
            Supplier<SiteBucket> bucket,
            Supplier<MediaUploads> media,
            Supplier<Edges> edges) {
        this.config = config;
        this.stories = stories;
        this.index = index;
        this.clock = clock;
        this.bucket = once(bucket);
        this.media = once(media);
        Supplier<Edges> edgesOnce = once(edges);
        this.rebuildQueue = () -> edgesOnce.get().rebuildQueue();
        this.renderer = once(() -> new SiteRenderer(index, config, new Assets(), clock));
        this.writer = once(() -> new SiteWriter(
                this.renderer.get(), this.bucket.get(), edgesOnce.get().cdn()));
        this.pageSet = once(() -> new PageSet(index, config.languages(), config.zone()));
        // built on first use only: the API never loads the stemmers
        this.search = once(() -> new SearchIndexer(index, this.bucket.get(), config));
    }

    /** Services over these parts, built now. */
    public static Services wire(
            Config config, DynamoDbClient dynamo, SiteBucket bucket, MediaUploads media, Edges edges, Clock clock) {
        return wire(config, dynamo, () -> bucket, () -> media, () -> edges, clock);
    }

    /** Services whose bucket, uploads and edges are built on first use. */
    public static Services wire(
            Config config,
            DynamoDbClient dynamo,
            Supplier<SiteBucket> bucket,
            Supplier<MediaUploads> media,
            Supplier<Edges> edges,
            Clock clock) {
        DynamoStoryRepository repository = new DynamoStoryRepository(dynamo, config.tableName());
        SiteIndex index = new DynamoSiteIndex(dynamo, config.tableName(), repository, config.languages());
        return of(
                config,
                new StoryService(repository, config.languages(), config.categories(), clock),
                index,
                bucket,
                media,
                edges,
                clock);
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
        return new Services(config, stories, index, clock, bucket, media, edges);
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

    public SearchIndexer search() {
        return search.get();
    }

    public SiteBucket bucket() {
        return bucket.get();
    }

    public RebuildQueue rebuildQueue() {
        return rebuildQueue.get();
    }

    public MediaUploads media() {
        return media.get();
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
                    () -> new S3MediaUploads(Clients.presigner(config), config.bucketName()),
                    () -> new Edges(cdn(config, http), queue(config, http)),
                    Clock.systemUTC());
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
