package newsroom.render;

import java.time.YearMonth;
import newsroom.story.StoryId;

/** Pages as short strings, so a full rebuild can send them through a queue. */
public final class PageCodec {
    private PageCodec() {}

    public static String encode(Page page) {
        if (page instanceof Page.Article a) return "article:" + a.lang() + ":" + a.id().value();
        if (page instanceof Page.FormerArticle f) return "former:" + f.lang() + ":" + f.slug();
        if (page instanceof Page.Home h) return "home:" + h.lang();
        if (page instanceof Page.NewsHead n) return "news:" + n.lang();
        if (page instanceof Page.MonthArchive m) return "month:" + m.lang() + ":" + m.month();
        if (page instanceof Page.Category c) return "category:" + c.lang() + ":" + c.category();
        if (page instanceof Page.Feed f) return "feed:" + f.lang();
        if (page instanceof Page.Latest l) return "latest:" + l.lang();
        if (page instanceof Page.NotFound n) return "notfound:" + n.lang();
        if (page instanceof Page.Search s) return "search:" + s.lang();
        if (page instanceof Page.MonthSitemap s) return "sitemap:" + s.month();
        if (page instanceof Page.SitemapIndex) return "sitemapindex";
        if (page instanceof Page.NewsSitemap) return "newssitemap";
        if (page instanceof Page.Robots) return "robots";
        if (page instanceof Page.Root) return "root";
        if (page instanceof Page.RootNotFound) return "rootnotfound";
        if (page instanceof Page.Assets) return "assets";
        throw new IllegalArgumentException("unknown page " + page);
    }

    public static Page decode(String text) {
        String[] p = text.split(":", 3);
        return switch (p[0]) {
            case "article" -> new Page.Article(p[1], new StoryId(p[2]));
            case "former" -> new Page.FormerArticle(p[1], p[2]);
            case "home" -> new Page.Home(p[1]);
            case "news" -> new Page.NewsHead(p[1]);
            case "month" -> new Page.MonthArchive(p[1], YearMonth.parse(p[2]));
            case "category" -> new Page.Category(p[1], p[2]);
            case "feed" -> new Page.Feed(p[1]);
            case "latest" -> new Page.Latest(p[1]);
            case "notfound" -> new Page.NotFound(p[1]);
            case "search" -> new Page.Search(p[1]);
            case "sitemap" -> new Page.MonthSitemap(YearMonth.parse(p[1]));
            case "sitemapindex" -> new Page.SitemapIndex();
            case "newssitemap" -> new Page.NewsSitemap();
            case "robots" -> new Page.Robots();
            case "root" -> new Page.Root();
            case "rootnotfound" -> new Page.RootNotFound();
            case "assets" -> new Page.Assets();
            default -> throw new IllegalArgumentException("unknown page " + text);
        };
    }
}
