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
     * Lists the pages with each story's translations side by side, so that a batch of them reads a
     * story once for all its languages.
     */
    public static List<Page> pages(SiteIndex index, Config config) {
        List<Page> pages = new ArrayList<>();
        ZoneId zone = config.zone();
        pages.add(new Page.Assets());
        pages.add(new Page.Root());
        pages.add(new Page.RootNotFound());
        pages.add(new Page.Robots());
        pages.add(new Page.SitemapIndex());
        pages.add(new Page.NewsSitemap());
        Map<StoryId, Set<String>> stories = new LinkedHashMap<>();
        Map<String, Set<YearMonth>> months = new LinkedHashMap<>();
        Set<YearMonth> sitemapMonths = new LinkedHashSet<>();
        for (String lang : config.languages()) {
            pages.add(new Page.Home(lang));
            pages.add(new Page.NewsHead(lang));
            pages.add(new Page.Feed(lang));
            pages.add(new Page.Latest(lang));
            pages.add(new Page.NotFound(lang));
            pages.add(new Page.Search(lang));
            for (String category : config.categories()) pages.add(new Page.Category(lang, category));
            Set<YearMonth> ofLanguage = months.computeIfAbsent(lang, l -> new LinkedHashSet<>());
            for (List<Entry> batch : index.all(lang)) {
                for (Entry e : batch) {
                    stories.computeIfAbsent(e.id(), id -> new LinkedHashSet<>()).add(lang);
                    ofLanguage.add(YearMonth.from(e.publishedAt().atZone(zone)));
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
}
