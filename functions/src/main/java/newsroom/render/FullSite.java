package newsroom.render;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import newsroom.site.Config;

/** Every page of the site: what a full rebuild or a static export renders. */
public final class FullSite {
  private FullSite() {}

  public static List<Page> pages(SiteIndex index, Config config) {
    List<Page> pages = new ArrayList<>();
    ZoneId zone = config.zone();
    pages.add(new Page.Assets());
    pages.add(new Page.Root());
    pages.add(new Page.RootNotFound());
    pages.add(new Page.Robots());
    pages.add(new Page.SitemapIndex());
    pages.add(new Page.NewsSitemap());
    Set<YearMonth> sitemapMonths = new LinkedHashSet<>();
    for (String lang : config.languages()) {
      pages.add(new Page.Home(lang));
      pages.add(new Page.NewsHead(lang));
      pages.add(new Page.Feed(lang));
      pages.add(new Page.Latest(lang));
      pages.add(new Page.NotFound(lang));
      for (String category : config.categories()) pages.add(new Page.Category(lang, category));
      Set<YearMonth> months = new LinkedHashSet<>();
      for (List<Entry> batch : index.all(lang)) {
        for (Entry e : batch) {
          pages.add(new Page.Article(lang, e.id()));
          months.add(YearMonth.from(e.publishedAt().atZone(zone)));
        }
      }
      months.forEach(m -> pages.add(new Page.MonthArchive(lang, m)));
      sitemapMonths.addAll(months);
    }
    sitemapMonths.forEach(m -> pages.add(new Page.MonthSitemap(m)));
    return pages;
  }
}
