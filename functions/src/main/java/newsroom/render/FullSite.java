package newsroom.render;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.site.Config;
import newsroom.story.StoryId;

/** Every page of the site: what a full rebuild or a static export renders. */
public final class FullSite {
    private FullSite() {}

    /**
     * The pages that exist without any story (assets, homes, lists, feeds, 404s, robots): what a new
     * site starts with.
     */
    public static List<Page> skeleton(Config config) {
        List<Page> pages = new ArrayList<>(siteWide());
        for (String lang : config.languages()) pages.addAll(ofLanguage(lang, config));
        return pages;
    }

    /**
     * Lists the pages with each story's translations side by side, so that a batch of them reads a
     * story once for all its languages.
     */
    public static List<Page> pages(SiteIndex index, Config config) {
        return pages(index, config, new LinkedHashMap<>());
    }

    /** As {@link #pages(SiteIndex, Config)}, counting each language's published stories per month too. */
    static List<Page> pages(SiteIndex index, Config config, Map<String, Map<YearMonth, Integer>> counts) {
        List<Page> pages = new ArrayList<>();
        ZoneId zone = config.zone();
        pages.addAll(siteWide());
        Map<StoryId, Set<String>> stories = new LinkedHashMap<>();
        Map<String, Set<YearMonth>> months = new LinkedHashMap<>();
        Set<YearMonth> sitemapMonths = new LinkedHashSet<>();
        for (String lang : config.languages()) {
            pages.addAll(ofLanguage(lang, config));
            Set<YearMonth> ofLanguage = months.computeIfAbsent(lang, l -> new LinkedHashSet<>());
            Map<YearMonth, Integer> counted = counts.computeIfAbsent(lang, l -> new LinkedHashMap<>());
            for (List<Entry> batch : index.all(lang)) {
                for (Entry e : batch) {
                    stories.computeIfAbsent(e.id(), id -> new LinkedHashSet<>()).add(lang);
                    YearMonth month = YearMonth.from(e.publishedAt().atZone(zone));
                    ofLanguage.add(month);
                    counted.merge(month, 1, Integer::sum);
                }
            }
            sitemapMonths.addAll(ofLanguage);
        }
        stories.forEach((id, langs) -> {
            for (String lang : config.languages()) {
                if (langs.contains(lang)) pages.add(new Page.Article(lang, id));
            }
        });
        months.forEach((lang, ofLanguage) -> ofLanguage.forEach(m -> pages.add(new Page.MonthArchive(lang, m))));
        sitemapMonths.forEach(m -> pages.add(new Page.MonthSitemap(m)));
        return pages;
    }

    private static List<Page> siteWide() {
        return List.of(
                new Page.Assets(),
                new Page.Root(),
                new Page.RootNotFound(),
                new Page.Robots(),
                new Page.SitemapIndex(),
                new Page.NewsSitemap());
    }

    private static List<Page> ofLanguage(String lang, Config config) {
        List<Page> pages = new ArrayList<>(List.of(
                new Page.Home(lang),
                new Page.NewsHead(lang),
                new Page.Feed(lang),
                new Page.Latest(lang),
                new Page.NotFound(lang),
                new Page.Search(lang)));
        for (String category : config.categories()) pages.add(new Page.Category(lang, category));
        return pages;
    }
}
