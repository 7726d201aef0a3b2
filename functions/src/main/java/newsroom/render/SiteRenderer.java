package newsroom.render;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import newsroom.site.Config;
import newsroom.story.PictureCatalog;
import newsroom.story.Story;

/**
 * Renders any page of the site from the site index: it hands each kind of page to its own renderer,
 * all over one shared {@link PageFrame}. It owns the threads that renderers may walk the index with.
 */
public final class SiteRenderer {
    /** Threads for walks of the index that wait on the table, not the processor. */
    private static final ExecutorService WALKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "index-walk");
        t.setDaemon(true);
        return t;
    });

    private final SiteIndex index;
    private final PageFrame frame;
    private final Clock clock;
    private final PictureCatalog pictures;

    private final ArticlePage article;
    private final HomePage home;
    private final AllNewsPage allNews;
    private final MonthArchivePage monthArchive;
    private final CategoryPage category;
    private final FeedPage feed;
    private final LatestJson latest;
    private final SearchPage search;
    private final NotFoundPage notFound;
    private final RootPage root;
    private final Sitemaps sitemaps;
    private final AssetFiles assets;

    public SiteRenderer(SiteIndex index, Config config, Assets assets, Clock clock) {
        this(index, config, assets, clock, PictureCatalog.NONE);
    }

    /** A renderer that shows a story's image in the renditions the catalog names for it. */
    public SiteRenderer(SiteIndex index, Config config, Assets assets, Clock clock, PictureCatalog pictures) {
        this(index, new PageFrame(config, assets), clock, pictures);
    }

    private SiteRenderer(SiteIndex index, PageFrame frame, Clock clock, PictureCatalog pictures) {
        this.index = index;
        this.frame = frame;
        this.clock = clock;
        this.pictures = pictures;
        this.article = new ArticlePage(frame, index, pictures, clock);
        this.home = new HomePage(frame, index);
        this.allNews = new AllNewsPage(frame, index);
        this.monthArchive = new MonthArchivePage(frame, index);
        this.category = new CategoryPage(frame, index);
        this.feed = new FeedPage(frame, index);
        this.latest = new LatestJson(frame, index);
        this.search = new SearchPage(frame);
        this.notFound = new NotFoundPage(frame);
        this.root = new RootPage(frame);
        this.sitemaps = new Sitemaps(frame, index, clock, WALKERS);
        this.assets = new AssetFiles(frame.assets());
    }

    /** A renderer for one batch of pages: what the pages share is read from the table once. */
    public SiteRenderer forBatch() {
        return over(new BatchIndex(index));
    }

    /** A renderer for these pages, with their stories and neighbours read before rendering. */
    public SiteRenderer forBatch(Collection<Page> pages) {
        BatchIndex batch = new BatchIndex(index);
        batch.prefetch(pages);
        return over(batch);
    }

    /** The same renderer over another index of the same site (a snapshot of it, say). */
    public SiteRenderer over(SiteIndex other) {
        return new SiteRenderer(other, frame, clock, pictures);
    }

    public List<Output> render(Page page) {
        // Java 17: no pattern matching in switch yet
        if (page instanceof Page.Article a) return List.of(article.render(a));
        if (page instanceof Page.FormerArticle f) return List.of(article.render(f));
        if (page instanceof Page.Home h) return List.of(home.render(h));
        if (page instanceof Page.NewsHead n) return List.of(allNews.render(n));
        if (page instanceof Page.MonthArchive m) return List.of(monthArchive.render(m));
        if (page instanceof Page.Category c) return List.of(category.render(c));
        if (page instanceof Page.Feed f) return List.of(feed.render(f));
        if (page instanceof Page.Latest l) return List.of(latest.render(l));
        if (page instanceof Page.NotFound n) return List.of(notFound.render(n));
        if (page instanceof Page.Search s) return List.of(search.render(s));
        if (page instanceof Page.RootNotFound r) return List.of(notFound.render(r));
        if (page instanceof Page.Root r) return List.of(root.render(r));
        if (page instanceof Page.MonthSitemap s) return List.of(sitemaps.render(s));
        if (page instanceof Page.SitemapIndex s) return List.of(sitemaps.render(s));
        if (page instanceof Page.NewsSitemap s) return List.of(sitemaps.render(s));
        if (page instanceof Page.Robots r) return List.of(sitemaps.render(r));
        if (page instanceof Page.Assets a) return assets.render(a);
        throw new IllegalArgumentException("no renderer for " + page);
    }

    /** A translation's page exactly as readers would get it, published now if it is not yet. */
    public byte[] preview(Story story, String lang) {
        return article.preview(story, lang);
    }
}
