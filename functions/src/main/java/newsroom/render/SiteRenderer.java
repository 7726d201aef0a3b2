package newsroom.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import newsroom.site.Config;
import newsroom.site.Excerpt;
import newsroom.site.Localization;
import newsroom.story.Bodies;
import newsroom.story.Picture;
import newsroom.story.PictureCatalog;
import newsroom.story.Story;
import newsroom.story.Translation;

/** Renders each kind of page from the site index with the precompiled templates. */
public final class SiteRenderer {
    static final int HOME_SIZE = 10;
    static final int HEAD_SIZE = 20;
    static final int CATEGORY_SIZE = 50;
    static final int FEED_SIZE = 50;
    static final int LATEST_SIZE = 3;
    static final int EXCERPT_CHARS = Entry.EXCERPT_CHARS;
    static final int MONTH_LIMIT = 5000;
    static final Duration NEWS_WINDOW = Duration.ofHours(48);

    private static final TemplateEngine TEMPLATES =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "newsroom.render.templates");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Threads for walks of the index that wait on the table, not the processor. */
    private static final ExecutorService WALKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "index-walk");
        t.setDaemon(true);
        return t;
    });

    /**
     * How wide the article's image is shown (site.css): the full column under 60rem, two thirds of
     * the 72rem grid above it, so a phone downloads the rendition of its own width.
     */
    static final String ARTICLE_IMAGE_SIZES =
            "(min-width: 72rem) 45rem, (min-width: 60rem) calc((100vw - 4rem) * 2 / 3), calc(100vw - 2rem)";

    private final SiteIndex index;
    private final Config config;
    private final Assets assets;
    private final Clock clock;
    private final PictureCatalog pictures;
    private final Map<String, Localization> words = new LinkedHashMap<>();
    private final Map<String, Views.Calendar> calendars = new LinkedHashMap<>();

    public SiteRenderer(SiteIndex index, Config config, Assets assets, Clock clock) {
        this(index, config, assets, clock, PictureCatalog.NONE);
    }

    /** A renderer that shows a story's image in the renditions the catalog names for it. */
    public SiteRenderer(SiteIndex index, Config config, Assets assets, Clock clock, PictureCatalog pictures) {
        this.index = index;
        this.config = config;
        this.assets = assets;
        this.clock = clock;
        this.pictures = pictures;
        for (String lang : config.languages()) {
            Localization l = Localization.of(lang, config.zone());
            words.put(lang, l);
            calendars.put(lang, calendar(l));
        }
    }

    /**
     * The header date's pattern, found by writing a known day with the language's own pattern and
     * naming its parts; a pattern whose parts cannot be found leaves the header date out.
     */
    static Views.Calendar calendar(Localization l) {
        // Saturday, 15 August 2020: no part of it can be mistaken for another
        LocalDate sample = LocalDate.of(2020, 8, 15);
        String weekday = DateTimeFormatter.ofPattern("EEEE", l.locale()).format(sample);
        String month = DateTimeFormatter.ofPattern("MMMM", l.locale()).format(sample);
        String pattern = l.headerDate(sample)
                .replace("2020", "{y}")
                .replace(weekday, "{w}")
                .replace(month, "{m}")
                .replace("15", "{d}");
        boolean complete = pattern.contains("{y}")
                && pattern.contains("{w}")
                && pattern.contains("{m}")
                && pattern.contains("{d}");
        List<String> weekdays = new ArrayList<>();
        LocalDate monday = LocalDate.of(2020, 8, 10);
        for (int i = 0; i < 7; i++) {
            weekdays.add(DateTimeFormatter.ofPattern("EEEE", l.locale()).format(monday.plusDays(i)));
        }
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(DateTimeFormatter.ofPattern("MMMM", l.locale()).format(LocalDate.of(2020, m, 1)));
        }
        return new Views.Calendar(
                complete ? pattern : "",
                String.join(",", weekdays),
                String.join(",", months),
                l.zone().getId());
    }

    /** A renderer for one batch of pages: what the pages share is read from the table once. */
    public SiteRenderer forBatch() {
        return new SiteRenderer(new BatchIndex(index), config, assets, clock, pictures);
    }

    /** A renderer for these pages, with their stories and neighbours read before rendering. */
    public SiteRenderer forBatch(Collection<Page> pages) {
        BatchIndex batch = new BatchIndex(index);
        batch.prefetch(pages);
        return new SiteRenderer(batch, config, assets, clock, pictures);
    }

    /** The same renderer over another index of the same site (a snapshot of it, say). */
    public SiteRenderer over(SiteIndex other) {
        return new SiteRenderer(other, config, assets, clock, pictures);
    }

    public List<Output> render(Page page) {
        // Java 17: no pattern matching in switch yet
        if (page instanceof Page.Article a) return List.of(article(a));
        if (page instanceof Page.FormerArticle f) return List.of(formerArticle(f));
        if (page instanceof Page.Home h) return List.of(home(h.lang()));
        if (page instanceof Page.NewsHead n) return List.of(newsHead(n.lang()));
        if (page instanceof Page.MonthArchive m) return List.of(monthArchive(m.lang(), m.month()));
        if (page instanceof Page.Category c) return List.of(category(c.lang(), c.category()));
        if (page instanceof Page.Feed f) return List.of(feed(f.lang()));
        if (page instanceof Page.Latest l) return List.of(latest(l.lang()));
        if (page instanceof Page.NotFound n) return List.of(notFound(n.lang(), n.lang() + "/404.html"));
        if (page instanceof Page.Search s) return List.of(search(s.lang()));
        if (page instanceof Page.RootNotFound) return List.of(notFound(config.defaultLanguage(), "404.html"));
        if (page instanceof Page.Root) return List.of(root());
        if (page instanceof Page.MonthSitemap s) return List.of(monthSitemap(s.month()));
        if (page instanceof Page.SitemapIndex) return List.of(sitemapIndex());
        if (page instanceof Page.NewsSitemap) return List.of(newsSitemap());
        if (page instanceof Page.Robots) return List.of(robots());
        if (page instanceof Page.Assets) return List.copyOf(assets.outputs());
        throw new IllegalArgumentException("no renderer for " + page);
    }

    /** The object key of an article's page. */
    public static String articleKey(String lang, String slug) {
        return lang + "/news/" + slug + "/index.html";
    }

    private Output article(Page.Article page) {
        Optional<Story> story = index.story(page.id());
        Optional<Translation> found =
                story.flatMap(s -> s.translation(page.lang())).filter(Translation::isPublished);
        if (found.isEmpty()) return new Output.Keep();
        return articleOf(story.get(), found.get());
    }

    private Output articleOf(Story s, Translation t) {
        Localization l = words.get(t.lang());
        String description = t.lead().isEmpty() ? Excerpt.of(Bodies.plainText(t.bodyHtml()), 200) : t.lead();
        Optional<Picture> picture = s.image() == null
                ? Optional.empty()
                : pictures.find(s.image().src()).filter(Picture::ready);
        // the social card where there is one: a crop of the size networks ask for, with that size
        Optional<Picture.Rendition> card =
                picture.map(p -> p.card() != null ? p.card() : p.largest().orElseThrow());
        String imageUrl = card.map(c -> config.siteUrl() + c.src())
                .orElse(s.image() == null ? null : config.siteUrl() + s.image().src());
        Views.Frame frame = frame(
                t.lang(),
                t.title(),
                description,
                t.path(),
                switcher(s, t.lang()),
                alternates(s),
                "article",
                imageUrl,
                card.map(Picture.Rendition::width).orElse(0),
                card.map(Picture.Rendition::height).orElse(0),
                jsonLd(s, t, description, imageUrl));
        Optional<Views.Figure> figure = Optional.ofNullable(s.image())
                .map(i -> picture.map(p -> Views.Figure.of(p, altText(t), t.caption(), ARTICLE_IMAGE_SIZES))
                        .orElse(new Views.Figure(i.src(), altText(t), t.caption())));
        Views.Article view = new Views.Article(
                frame,
                t.title(),
                t.dateline(),
                l.publicationDate(t.publishedAt()),
                l.isoDateTime(t.publishedAt()),
                t.lead(),
                t.bodyHtml(),
                figure,
                categoryLink(t.lang(), s.category()),
                index.olderThan(t.lang(), t.publishedAt(), s.id())
                        .map(e -> new Views.Link(e.translation().title(), e.path())),
                index.newerThan(t.lang(), t.publishedAt(), s.id())
                        .map(e -> new Views.Link(e.translation().title(), e.path())),
                new Views.Link(l.word("nav.allNews"), "/" + t.lang() + "/news/"),
                teasers(index.newest(t.lang(), LATEST_SIZE)));
        return new Output.Put(articleKey(t.lang(), t.slug()), html("article.jte", view), Output.HTML, Output.ARTICLE);
    }

    /** A translation's page exactly as readers would get it, published now if it is not yet. */
    public byte[] preview(Story story, String lang) {
        Translation t = story.translation(lang).orElseThrow();
        Translation shown = t.isPublished()
                ? t
                : t.withStatus(
                        newsroom.story.Status.PUBLISHED, t.publishedAt() != null ? t.publishedAt() : clock.instant());
        java.util.Map<String, Translation> translations = new LinkedHashMap<>(story.translations());
        translations.put(lang, shown);
        Story previewed = new Story(
                story.id(),
                story.category(),
                story.tags(),
                story.author(),
                story.image(),
                story.version(),
                story.createdAt(),
                story.createdBy(),
                story.updatedAt(),
                story.updatedBy(),
                translations);
        return ((Output.Put) articleOf(previewed, shown)).body();
    }

    private Output formerArticle(Page.FormerArticle page) {
        // another published translation may have taken the slug since; then the page is its own
        if (index.bySlug(page.lang(), page.slug()).isPresent()) return new Output.Keep();
        return new Output.Remove(articleKey(page.lang(), page.slug()));
    }

    private Output home(String lang) {
        Localization l = words.get(lang);
        List<Entry> items = index.newest(lang, HOME_SIZE);
        Views.Listing view = new Views.Listing(
                frame(
                        lang,
                        l.word("home.title"),
                        l.word("site.name"),
                        "/" + lang + "/",
                        homes(lang),
                        homeAlternates(),
                        "website",
                        null,
                        null),
                l.word("home.title"),
                teasers(items),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new Views.Link(l.word("nav.allNews"), "/" + lang + "/news/")),
                List.of());
        return new Output.Put(lang + "/index.html", html("listing.jte", view), Output.HTML, Output.SHORT);
    }

    private Output newsHead(String lang) {
        Localization l = words.get(lang);
        // one more than shown: "Older news" leads to the month of the first story left out, so it
        // appears only when there is something older, and its archive exists
        List<Entry> newest = index.newest(lang, HEAD_SIZE + 1);
        List<Entry> items = newest.subList(0, Math.min(HEAD_SIZE, newest.size()));
        Optional<Views.Link> older = newest.size() <= HEAD_SIZE
                ? Optional.empty()
                : Optional.of(monthLink(lang, monthOf(newest.get(HEAD_SIZE)), l.word("nav.olderNews")));
        String path = "/" + lang + "/news/";
        Views.Listing view = new Views.Listing(
                frame(
                        lang,
                        l.word("news.title"),
                        l.word("news.title"),
                        path,
                        sectionSwitcher(lang, "/news/"),
                        sectionAlternates("/news/"),
                        "website",
                        null,
                        null),
                l.word("news.title"),
                teasers(items),
                older,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                // every month with stories, as the sitemap index walks them: a query per month
                monthsOf(lang).stream()
                        .map(m -> monthLink(lang, m, l.monthTitle(m)))
                        .toList());
        return new Output.Put(lang + "/news/index.html", html("listing.jte", view), Output.HTML, Output.SHORT);
    }

    private Output monthArchive(String lang, YearMonth month) {
        Localization l = words.get(lang);
        String path = monthPath(lang, month);
        Instant start = month.atDay(1).atStartOfDay(config.zone()).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(config.zone()).toInstant();
        List<Entry> items = index.between(lang, start, end, MONTH_LIMIT);
        if (items.isEmpty()) return new Output.Remove(key(path) + "index.html");
        Optional<Views.Link> older =
                index.olderThan(lang, start, null).map(e -> monthLink(lang, monthOf(e), l.monthTitle(monthOf(e))));
        Optional<Views.Link> newer = index.newerThan(lang, end.minusSeconds(1), null)
                .map(e -> monthLink(lang, monthOf(e), l.monthTitle(monthOf(e))));
        String title = l.format("month.archive.title", l.monthTitle(month));
        // the same month in another language exists only if something was published there then
        List<String> withArchive = new ArrayList<>();
        for (String other : config.languages()) {
            if (other.equals(lang) || !index.between(other, start, end, 1).isEmpty()) {
                withArchive.add(other);
            }
        }
        List<Views.Switch> switcher = new ArrayList<>();
        List<Views.Alternate> alternates = new ArrayList<>();
        for (String other : config.languages()) {
            boolean exists = withArchive.contains(other);
            switcher.add(sw(other, exists ? monthPath(other, month) : "/" + other + "/", lang));
            if (exists) {
                alternates.add(new Views.Alternate(other, config.siteUrl() + monthPath(other, month)));
            }
        }
        if (withArchive.contains(config.defaultLanguage())) {
            alternates.add(
                    new Views.Alternate("x-default", config.siteUrl() + monthPath(config.defaultLanguage(), month)));
        }
        Views.Listing view = new Views.Listing(
                frame(lang, title, title, path, switcher, alternates, "website", null, null),
                title,
                teasers(items),
                older,
                newer,
                Optional.empty(),
                List.of());
        return new Output.Put(key(path) + "index.html", html("listing.jte", view), Output.HTML, Output.SHORT);
    }

    private Output category(String lang, String category) {
        Localization l = words.get(lang);
        String path = "/" + lang + "/category/" + category + "/";
        String title = l.format("category.title", l.word("category." + category));
        Views.Listing view = new Views.Listing(
                frame(
                        lang,
                        title,
                        title,
                        path,
                        sectionSwitcher(lang, "/category/" + category + "/"),
                        sectionAlternates("/category/" + category + "/"),
                        "website",
                        null,
                        null),
                title,
                teasers(index.inCategory(lang, category, CATEGORY_SIZE)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of());
        return new Output.Put(key(path) + "index.html", html("listing.jte", view), Output.HTML, Output.SHORT);
    }

    private Output feed(String lang) {
        Localization l = words.get(lang);
        List<Views.FeedItem> items = new ArrayList<>();
        for (Entry e : index.newest(lang, FEED_SIZE)) {
            Translation t = e.translation();
            items.add(new Views.FeedItem(
                    t.title(),
                    config.siteUrl() + t.path(),
                    t.lead().isEmpty() ? e.excerpt() : t.lead(),
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(t.publishedAt().atOffset(ZoneOffset.UTC)),
                    e.id().value() + "/" + lang));
        }
        Views.Feed feed = new Views.Feed(
                l.word("feed.title"),
                config.siteUrl() + "/" + lang + "/",
                config.siteUrl() + "/" + lang + "/feed.xml",
                l.word("feed.description"),
                lang,
                items);
        return new Output.Put(lang + "/feed.xml", Xml.feed(feed), Output.RSS, Output.SHORT);
    }

    private Output latest(String lang) {
        ObjectNode root = JSON.createObjectNode();
        root.put("lang", lang);
        ArrayNode items = root.putArray("items");
        for (Views.Teaser t : teasers(index.newest(lang, LATEST_SIZE))) {
            ObjectNode item = items.addObject();
            item.put("title", t.title());
            item.put("url", t.href());
            item.put("dateTime", t.dateTime());
            item.put("isoDateTime", t.isoDateTime());
            item.put("excerpt", t.excerpt());
        }
        return new Output.Put(lang + "/latest.json", json(root), Output.JSON, Output.SHORT);
    }

    /**
     * A 404 page in every language, the asked-for one first: the CDN answers a missing path of any
     * language with the one at the root.
     */
    private Output notFound(String lang, String key) {
        Localization l = words.get(lang);
        List<Views.InLanguage> parts = new ArrayList<>();
        for (String other : languagesStartingWith(lang)) {
            Localization w = words.get(other);
            parts.add(new Views.InLanguage(
                    other,
                    w.word("notFound.title"),
                    w.word("notFound.text"),
                    List.of(
                            new Views.Link(w.word("nav.home"), "/" + other + "/"),
                            new Views.Link(w.word("nav.allNews"), "/" + other + "/news/"))));
        }
        Views.Multilingual view = new Views.Multilingual(
                frame(
                        lang,
                        l.word("notFound.title"),
                        l.word("notFound.text"),
                        null,
                        homes(lang),
                        List.of(),
                        "website",
                        null,
                        null),
                l.word("notFound.title"),
                parts);
        return new Output.Put(key, html("multilingual.jte", view), Output.HTML, Output.SHORT);
    }

    private Output search(String lang) {
        Localization l = words.get(lang);
        List<Views.SearchLanguage> languages = new ArrayList<>();
        for (String other : languagesStartingWith(lang)) {
            languages.add(new Views.SearchLanguage(other, l.word("lang.name." + other)));
        }
        String path = "/" + lang + "/search/";
        Views.Search view = new Views.Search(
                frame(
                        lang,
                        l.word("search.title"),
                        l.word("search.title"),
                        path,
                        sectionSwitcher(lang, "/search/"),
                        sectionAlternates("/search/"),
                        "website",
                        null,
                        null),
                l.word("search.title"),
                assets.searchScriptPath(),
                languages);
        return new Output.Put(key(path) + "index.html", html("search.jte", view), Output.HTML, Output.SHORT);
    }

    /** The site's address without a language: a choice of the languages' home pages. */
    private Output root() {
        String lang = config.defaultLanguage();
        Localization l = words.get(lang);
        List<Views.InLanguage> parts = new ArrayList<>();
        for (String other : config.languages()) {
            Localization w = words.get(other);
            parts.add(new Views.InLanguage(
                    other,
                    w.word("site.name"),
                    w.word("home.title"),
                    List.of(new Views.Link(w.word("lang.name." + other), "/" + other + "/"))));
        }
        Views.Multilingual view = new Views.Multilingual(
                // not a translation of the language homes, so no hreflang cluster of its own
                frame(
                        lang,
                        l.word("site.name"),
                        l.word("site.name"),
                        "/",
                        homes(lang),
                        List.of(),
                        "website",
                        null,
                        null),
                l.word("site.name"),
                parts);
        return new Output.Put("index.html", html("multilingual.jte", view), Output.HTML, Output.SHORT);
    }

    private List<String> languagesStartingWith(String first) {
        List<String> ordered = new ArrayList<>();
        ordered.add(first);
        for (String other : config.languages()) if (!other.equals(first)) ordered.add(other);
        return ordered;
    }

    private Output monthSitemap(YearMonth month) {
        Instant start = month.atDay(1).atStartOfDay(config.zone()).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(config.zone()).toInstant();
        Map<String, List<Entry>> byStory = new LinkedHashMap<>();
        for (String lang : config.languages()) {
            for (Entry e : index.between(lang, start, end, MONTH_LIMIT)) {
                byStory.computeIfAbsent(e.id().value(), k -> new ArrayList<>()).add(e);
            }
        }
        String key = "sitemaps/" + month + ".xml";
        if (byStory.isEmpty()) return new Output.Remove(key);
        List<Views.SitemapUrl> urls = new ArrayList<>();
        for (List<Entry> translations : byStory.values()) {
            List<Views.Alternate> alternates = translations.size() < 2
                    ? List.of()
                    : translations.stream()
                            .map(e -> new Views.Alternate(e.lang(), config.siteUrl() + e.path()))
                            .toList();
            for (Entry e : translations) {
                urls.add(new Views.SitemapUrl(
                        config.siteUrl() + e.path(), Items.date(e.translation().updatedAt()), alternates));
            }
        }
        return new Output.Put(key, Xml.sitemap(urls), Output.XML, Output.SHORT);
    }

    private Output sitemapIndex() {
        // one query per month and language: the languages are walked side by side
        List<CompletableFuture<List<YearMonth>>> walks = new ArrayList<>();
        for (String lang : config.languages()) {
            walks.add(CompletableFuture.supplyAsync(() -> monthsOf(lang), WALKERS));
        }
        TreeSet<YearMonth> months = new TreeSet<>();
        for (CompletableFuture<List<YearMonth>> walk : walks) {
            try {
                months.addAll(walk.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) throw failure;
                throw e;
            }
        }
        List<String> locs = new ArrayList<>();
        months.descendingSet().forEach(m -> locs.add(config.siteUrl() + "/sitemaps/" + m + ".xml"));
        return new Output.Put("sitemap.xml", Xml.sitemapIndex(locs), Output.XML, Output.SHORT);
    }

    /** The months with stories in a language, newest first, one query each. */
    private List<YearMonth> monthsOf(String lang) {
        List<YearMonth> months = new ArrayList<>();
        Optional<Entry> cursor = index.newest(lang, 1).stream().findFirst();
        while (cursor.isPresent()) {
            YearMonth month = monthOf(cursor.get());
            months.add(month);
            cursor = index.olderThan(
                    lang, month.atDay(1).atStartOfDay(config.zone()).toInstant(), null);
        }
        return months;
    }

    private Output newsSitemap() {
        Instant now = clock.instant();
        List<Views.NewsUrl> urls = new ArrayList<>();
        for (String lang : config.languages()) {
            for (Entry e : index.between(lang, now.minus(NEWS_WINDOW), now.plusSeconds(1), 1000)) {
                urls.add(new Views.NewsUrl(
                        config.siteUrl() + e.path(),
                        lang,
                        e.translation().title(),
                        words.get(lang).isoDateTime(e.publishedAt()),
                        words.get(lang).word("site.name")));
            }
        }
        return new Output.Put("sitemap-news.xml", Xml.newsSitemap(urls), Output.XML, Output.SHORT);
    }

    private Output robots() {
        String text = "User-agent: *\nAllow: /\n\nSitemap: "
                + config.siteUrl()
                + "/sitemap.xml\nSitemap: "
                + config.siteUrl()
                + "/sitemap-news.xml\n";
        return new Output.Put("robots.txt", text.getBytes(StandardCharsets.UTF_8), Output.TEXT, Output.SHORT);
    }

    // --- parts shared by pages

    private Views.Frame frame(
            String lang,
            String title,
            String description,
            String path,
            List<Views.Switch> switcher,
            List<Views.Alternate> alternates,
            String ogType,
            String imageUrl,
            String jsonLd) {
        return frame(lang, title, description, path, switcher, alternates, ogType, imageUrl, 0, 0, jsonLd);
    }

    private Views.Frame frame(
            String lang,
            String title,
            String description,
            String path,
            List<Views.Switch> switcher,
            List<Views.Alternate> alternates,
            String ogType,
            String imageUrl,
            int imageWidth,
            int imageHeight,
            String jsonLd) {
        Localization l = words.get(lang);
        List<Views.Link> categories = new ArrayList<>();
        for (String c : config.categories()) categories.add(categoryLink(lang, c));
        return new Views.Frame(
                lang,
                l,
                title,
                description,
                path == null ? null : config.siteUrl() + path,
                switcher,
                alternates,
                assets.stylesheetPath(),
                assets.scriptPath(),
                assets.prefsScriptPath(),
                calendars.get(lang),
                categories,
                ogType,
                imageUrl,
                imageWidth,
                imageHeight,
                jsonLd);
    }

    /** The switcher of an article: the same story in each language, else that language's home. */
    private List<Views.Switch> switcher(Story story, String current) {
        List<Views.Switch> switches = new ArrayList<>();
        for (String lang : config.languages()) {
            String href = story.translation(lang)
                    .filter(Translation::isPublished)
                    .map(Translation::path)
                    .orElse("/" + lang + "/");
            switches.add(sw(lang, href, current));
        }
        return switches;
    }

    private List<Views.Alternate> alternates(Story story) {
        List<Views.Alternate> alternates = new ArrayList<>();
        for (String lang : config.languages()) {
            story.translation(lang)
                    .filter(Translation::isPublished)
                    .ifPresent(t -> alternates.add(new Views.Alternate(lang, config.siteUrl() + t.path())));
        }
        return alternates;
    }

    private List<Views.Switch> homes(String current) {
        return sectionSwitcher(current, "/");
    }

    private List<Views.Switch> sectionSwitcher(String current, String section) {
        List<Views.Switch> switches = new ArrayList<>();
        for (String lang : config.languages()) switches.add(sw(lang, "/" + lang + section, current));
        return switches;
    }

    private List<Views.Alternate> homeAlternates() {
        return sectionAlternates("/");
    }

    private List<Views.Alternate> sectionAlternates(String section) {
        List<Views.Alternate> alternates = new ArrayList<>();
        for (String lang : config.languages()) {
            alternates.add(new Views.Alternate(lang, config.siteUrl() + "/" + lang + section));
        }
        alternates.add(new Views.Alternate("x-default", config.siteUrl() + "/" + config.defaultLanguage() + section));
        return alternates;
    }

    private Views.Switch sw(String lang, String href, String current) {
        Localization w = words.get(lang);
        return new Views.Switch(lang, w.word("lang." + lang), w.word("lang.name." + lang), href, lang.equals(current));
    }

    private Views.Link categoryLink(String lang, String category) {
        return new Views.Link(words.get(lang).word("category." + category), "/" + lang + "/category/" + category + "/");
    }

    /** An image's text alternative: the one staff gave, else its caption, which describes it. */
    private static String altText(Translation t) {
        if (t.imageAlt() != null && !t.imageAlt().isBlank()) return t.imageAlt();
        return t.caption() == null ? "" : t.caption();
    }

    private Views.Link monthLink(String lang, YearMonth month, String label) {
        return new Views.Link(label, monthPath(lang, month));
    }

    static String monthPath(String lang, YearMonth month) {
        return String.format(Locale.ROOT, "/%s/news/%04d/%02d/", lang, month.getYear(), month.getMonthValue());
    }

    private YearMonth monthOf(Entry e) {
        return YearMonth.from(e.publishedAt().atZone(config.zone()));
    }

    private List<Views.Teaser> teasers(List<Entry> entries) {
        List<Views.Teaser> teasers = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Translation t = e.translation();
            Localization l = words.get(t.lang());
            teasers.add(new Views.Teaser(
                    t.title(), t.path(), l.dateTime(t.publishedAt()), l.isoDateTime(t.publishedAt()), e.excerpt()));
        }
        return teasers;
    }

    private String jsonLd(Story s, Translation t, String description, String imageUrl) {
        ObjectNode ld = JSON.createObjectNode();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", t.title());
        ld.put("description", description);
        ld.put("inLanguage", t.lang());
        Localization l = words.get(t.lang());
        ld.put("datePublished", l.isoDateTime(t.publishedAt()));
        ld.put("dateModified", l.isoDateTime(t.updatedAt()));
        ld.put("mainEntityOfPage", config.siteUrl() + t.path());
        if (imageUrl != null) ld.putArray("image").add(imageUrl);
        ObjectNode publisher = ld.putObject("publisher");
        publisher.put("@type", "GovernmentOrganization");
        publisher.put("name", words.get(t.lang()).word("site.name"));
        ld.put("articleSection", words.get(t.lang()).word("category." + s.category()));
        try {
            // inside <script>, "<" could end the element: JSON allows it escaped
            return JSON.writeValueAsString(ld)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] html(String template, Object model) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        TEMPLATES.render(template, model, out);
        return out.toByteArray();
    }

    private static byte[] json(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Dates for sitemaps. */
    static final class Items {
        static String date(Instant at) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(at.atOffset(ZoneOffset.UTC));
        }
    }
}
