package newsroom.render;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * What search engines read: a sitemap per month with each story's translations as alternates, the
 * index of those sitemaps, the news sitemap of the last 48 hours, and robots.txt, which names them.
 */
final class Sitemaps {
    static final Duration NEWS_WINDOW = Duration.ofHours(48);

    private final PageFrame frame;
    private final SiteIndex index;
    private final Clock clock;
    private final Executor walkers;

    /** @param walkers runs the walks of the index that wait on the table, one per language */
    Sitemaps(PageFrame frame, SiteIndex index, Clock clock, Executor walkers) {
        this.frame = frame;
        this.index = index;
        this.clock = clock;
        this.walkers = walkers;
    }

    Output render(Page.MonthSitemap page) {
        YearMonth month = page.month();
        Instant start = frame.startOf(month);
        Instant end = frame.startOf(month.plusMonths(1));
        Map<String, List<Entry>> byStory = new LinkedHashMap<>();
        for (String lang : frame.languages()) {
            for (Entry e : index.between(lang, start, end, MonthArchivePage.LIMIT)) {
                byStory.computeIfAbsent(e.id().value(), k -> new ArrayList<>()).add(e);
            }
        }
        String key = SitePaths.key(SitePaths.monthSitemap(month));
        if (byStory.isEmpty()) return new Output.Remove(key);
        SitePaths paths = frame.paths();
        List<Views.SitemapUrl> urls = new ArrayList<>();
        for (List<Entry> translations : byStory.values()) {
            List<Views.Alternate> alternates = translations.size() < 2
                    ? List.of()
                    : translations.stream()
                            .map(e -> new Views.Alternate(e.lang(), paths.url(e.path())))
                            .toList();
            for (Entry e : translations) {
                urls.add(new Views.SitemapUrl(
                        paths.url(e.path()), date(e.translation().updatedAt()), alternates));
            }
        }
        return new Output.Put(key, Xml.sitemap(urls), Output.XML, Output.SHORT);
    }

    Output render(Page.SitemapIndex page) {
        // the months a store keeps cost one read for every language; a language it does not keep them
        // for (a table not rebuilt since) costs one query per month: those are walked side by side
        Map<String, SortedSet<YearMonth>> kept = index.keptMonths(frame.languages(), frame.zone());
        TreeSet<YearMonth> months = new TreeSet<>();
        kept.values().forEach(months::addAll);
        List<CompletableFuture<List<YearMonth>>> walks = new ArrayList<>();
        for (String lang : frame.languages()) {
            if (kept.containsKey(lang)) continue;
            walks.add(CompletableFuture.supplyAsync(() -> monthsOf(lang), walkers));
        }
        for (CompletableFuture<List<YearMonth>> walk : walks) {
            try {
                months.addAll(walk.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) throw failure;
                throw e;
            }
        }
        List<String> locs = new ArrayList<>();
        months.descendingSet().forEach(m -> locs.add(frame.paths().url(SitePaths.monthSitemap(m))));
        return new Output.Put(
                SitePaths.key(SitePaths.sitemapIndex()), Xml.sitemapIndex(locs), Output.XML, Output.SHORT);
    }

    private List<YearMonth> monthsOf(String lang) {
        return monthsOf(index, frame, lang);
    }

    /**
     * The months with stories in a language, newest first: one read where the store keeps them,
     * else one query each.
     */
    static List<YearMonth> months(SiteIndex index, PageFrame frame, String lang) {
        SortedSet<YearMonth> kept =
                index.keptMonths(List.of(lang), frame.zone()).get(lang);
        if (kept == null) return monthsOf(index, frame, lang);
        List<YearMonth> newestFirst = new ArrayList<>(kept);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The months with stories in a language, newest first, one query each. */
    static List<YearMonth> monthsOf(SiteIndex index, PageFrame frame, String lang) {
        List<YearMonth> months = new ArrayList<>();
        Optional<Entry> cursor = index.newest(lang, 1).stream().findFirst();
        while (cursor.isPresent()) {
            YearMonth month = frame.monthOf(cursor.get());
            months.add(month);
            cursor = index.olderThan(lang, frame.startOf(month), null);
        }
        return months;
    }

    Output render(Page.NewsSitemap page) {
        Instant now = clock.instant();
        List<Views.NewsUrl> urls = new ArrayList<>();
        for (String lang : frame.languages()) {
            for (Entry e : index.between(lang, now.minus(NEWS_WINDOW), now.plusSeconds(1), 1000)) {
                urls.add(new Views.NewsUrl(
                        frame.paths().url(e.path()),
                        lang,
                        e.translation().title(),
                        frame.words(lang).isoDateTime(e.publishedAt()),
                        frame.words(lang).word("site.name")));
            }
        }
        return new Output.Put(SitePaths.key(SitePaths.newsSitemap()), Xml.newsSitemap(urls), Output.XML, Output.SHORT);
    }

    Output render(Page.Robots page) {
        SitePaths paths = frame.paths();
        String text = "User-agent: *\nAllow: /\n\nSitemap: "
                + paths.url(SitePaths.sitemapIndex())
                + "\nSitemap: "
                + paths.url(SitePaths.newsSitemap())
                + "\n";
        return new Output.Put(
                SitePaths.key(SitePaths.robots()), text.getBytes(StandardCharsets.UTF_8), Output.TEXT, Output.SHORT);
    }

    /** A sitemap's lastmod: the day in UTC. */
    private static String date(Instant at) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(at.atOffset(ZoneOffset.UTC));
    }
}
