package newsroom.lambda;

import java.time.Clock;
import java.util.function.Supplier;
import newsroom.api.Articles;
import newsroom.api.MediaUploads;
import newsroom.image.OrphanedPictures;
import newsroom.image.UploadProcessor;
import newsroom.image.Uploads;
import newsroom.render.Assets;
import newsroom.render.Cdn;
import newsroom.render.FormerAddresses;
import newsroom.render.InvalidationQueue;
import newsroom.render.PageSet;
import newsroom.render.RebuildProgress;
import newsroom.render.RebuildQueue;
import newsroom.render.Rebuilds;
import newsroom.render.Redirects;
import newsroom.render.SiteBucket;
import newsroom.render.SiteIndex;
import newsroom.render.SiteRenderer;
import newsroom.render.SiteWriter;
import newsroom.search.SearchIndexer;
import newsroom.site.Config;
import newsroom.store.DynamoPictureCatalog;
import newsroom.store.DynamoPictureUses;
import newsroom.store.DynamoRebuildProgress;
import newsroom.store.DynamoSiteIndex;
import newsroom.store.DynamoStoryRepository;
import newsroom.story.PictureCatalog;
import newsroom.story.PictureUses;
import newsroom.story.StoryService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The composition root: builds every function's handler from {@link Config}, once per runtime (in
 * Lambda from the environment, locally from the local stack's parts), and hands each handler only
 * the parts it uses. Only the stories are built at once; the renderer, the bucket, the uploads and the queue are built when
 * first asked for, so that a function which never renders (the API answering a read) does not pay
 * for their clients and templates in its cold start.
 */
public final class Wiring {
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
    private final PictureUses uses;
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

    private Wiring(
            Config config,
            StoryService stories,
            SiteIndex index,
            Clock clock,
            Supplier<SiteBucket> bucket,
            Supplier<MediaUploads> media,
            Supplier<Edges> edges,
            RebuildProgress rebuildProgress,
            PictureCatalog pictures,
            PictureUses uses,
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
        this.uses = uses;
        this.renderer = once(() -> new SiteRenderer(index, config, new Assets(), clock, pictures));
        this.uploadProcessor = once(() -> new UploadProcessor(uploads.get(), this.bucket.get(), pictures, uses));
        this.writer = once(() -> new SiteWriter(
                this.renderer.get(), this.bucket.get(), edgesOnce.get().invalidations()));
        this.pageSet = once(() -> new PageSet(index, config.languages(), config.zone()));
        this.formerAddresses = once(() -> new FormerAddresses(edgesOnce.get().redirects(), index));
        // built on first use only: the API never loads the stemmers
        this.search = once(() -> new SearchIndexer(index, this.bucket.get(), config));
    }

    /** Wiring over these parts, built now. */
    public static Wiring wire(
            Config config, DynamoDbClient dynamo, SiteBucket bucket, MediaUploads media, Edges edges, Clock clock) {
        return wire(config, dynamo, () -> bucket, () -> media, () -> edges, clock);
    }

    /** Wiring whose bucket, uploads and edges are built on first use; no upload processing. */
    public static Wiring wire(
            Config config,
            DynamoDbClient dynamo,
            Supplier<SiteBucket> bucket,
            Supplier<MediaUploads> media,
            Supplier<Edges> edges,
            Clock clock) {
        return wire(config, dynamo, bucket, media, Wiring::noUploads, edges, clock);
    }

    /** Wiring that also read the uploads bucket, for the image function. */
    public static Wiring wire(
            Config config,
            DynamoDbClient dynamo,
            Supplier<SiteBucket> bucket,
            Supplier<MediaUploads> media,
            Supplier<Uploads> uploads,
            Supplier<Edges> edges,
            Clock clock) {
        DynamoStoryRepository repository = new DynamoStoryRepository(dynamo, config.tableName(), config.zone());
        SiteIndex index = new DynamoSiteIndex(dynamo, config.tableName(), repository, config.languages());
        return new Wiring(
                config,
                new StoryService(repository, config.languages(), config.categories(), clock),
                index,
                clock,
                bucket,
                media,
                edges,
                new DynamoRebuildProgress(dynamo, config.tableName()),
                new DynamoPictureCatalog(dynamo, config.tableName(), clock),
                new DynamoPictureUses(dynamo, config.tableName()),
                uploads);
    }

    private static Uploads noUploads() {
        throw new IllegalStateException("these services read no uploads");
    }

    /** Wiring over a story service and index of any kind (tests use in-memory ones). */
    public static Wiring of(
            Config config,
            StoryService stories,
            SiteIndex index,
            Supplier<SiteBucket> bucket,
            Supplier<MediaUploads> media,
            Supplier<Edges> edges,
            Clock clock) {
        return new Wiring(
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
                PictureUses.NONE,
                Wiring::noUploads);
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

    /** Which stories show which picture, kept by the story repository. */
    public PictureUses pictureUses() {
        return uses;
    }

    /** The pictures a deleted story leaves that no other story shows, for the render function to remove. */
    public OrphanedPictures orphanedPictures() {
        return new OrphanedPictures(pictures, uses, bucket(), invalidations());
    }

    public UploadProcessor uploadProcessor() {
        return uploadProcessor.get();
    }

    public Clock clock() {
        return clock;
    }

    /** The staff API's routes, over parts built on first use: a read never builds the renderer. */
    public Articles articles() {
        return new Articles(
                stories,
                config,
                clock,
                (key, contentType, length, validFor) -> media().presignPut(key, contentType, length, validFor),
                pictures,
                (story, lang) -> renderer().preview(story, lang),
                messages -> rebuildQueue().send(messages));
    }

    /** A full rebuild's plan and batches. */
    public Rebuilds rebuilds() {
        return new Rebuilds(index, config, writer(), rebuildProgress, rebuildQueue(), invalidations());
    }

    public ApiHandler apiHandler() {
        return new ApiHandler(articles());
    }

    public RenderHandler renderHandler() {
        return new RenderHandler(writer(), pageSet(), formerAddresses(), search(), orphanedPictures(), config);
    }

    public RebuildHandler rebuildHandler() {
        return new RebuildHandler(rebuilds(), search(), config.languages());
    }

    public InvalidationHandler invalidationHandler() {
        return new InvalidationHandler(cdn(), invalidations(), InvalidationHandler.Backoff.DEFAULT);
    }

    public PublisherHandler publisherHandler() {
        return new PublisherHandler(stories, writer());
    }

    public ImageHandler imageHandler() {
        return new ImageHandler(uploadProcessor());
    }

    /** The handler of this class, as {@code template.yaml} names it, built over this wiring. */
    public Object handler(String className) {
        if (className.equals(ApiHandler.class.getName())) return apiHandler();
        if (className.equals(RenderHandler.class.getName())) return renderHandler();
        if (className.equals(RebuildHandler.class.getName())) return rebuildHandler();
        if (className.equals(InvalidationHandler.class.getName())) return invalidationHandler();
        if (className.equals(PublisherHandler.class.getName())) return publisherHandler();
        if (className.equals(ImageHandler.class.getName())) return imageHandler();
        throw new IllegalArgumentException("no handler " + className);
    }

    /** A supplier that builds its value on first use, once, for every thread. */
    static <T> Supplier<T> once(Supplier<T> build) {
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
    public static Wiring fromEnvironment() {
        return FromEnvironment.INSTANCE;
    }
}
