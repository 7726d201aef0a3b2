package newsroom.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SitePathsTest {
    private static final SitePaths PATHS = new SitePaths("https://news.almaty.example");

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void everyPageOfALanguageLivesUnderItsLanguage(String lang) {
        assertEquals("/" + lang + "/", SitePaths.home(lang));
        assertEquals("/" + lang + "/news/", SitePaths.allNews(lang));
        assertEquals("/" + lang + "/news/city-budget-revised/", SitePaths.article(lang, "city-budget-revised"));
        assertEquals("/" + lang + "/news/2020/08/", SitePaths.month(lang, YearMonth.of(2020, 8)));
        assertEquals("/" + lang + "/news/0999/12/", SitePaths.month(lang, YearMonth.of(999, 12)));
        assertEquals("/" + lang + "/category/health/", SitePaths.category(lang, "health"));
        assertEquals("/" + lang + "/search/", SitePaths.search(lang));
        assertEquals("/" + lang + "/404.html", SitePaths.notFound(lang));
        assertEquals("/" + lang + "/feed.xml", SitePaths.feed(lang));
        assertEquals("/" + lang + "/latest.json", SitePaths.latest(lang));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void eachPageIsServedFromItsBucketObject(String lang) {
        assertEquals(lang + "/index.html", SitePaths.key(SitePaths.home(lang)));
        assertEquals(lang + "/news/index.html", SitePaths.key(SitePaths.allNews(lang)));
        assertEquals(lang + "/news/night-buses-return/index.html", SitePaths.articleKey(lang, "night-buses-return"));
        assertEquals(lang + "/news/2020/07/index.html", SitePaths.key(SitePaths.month(lang, YearMonth.of(2020, 7))));
        assertEquals(lang + "/category/city/index.html", SitePaths.key(SitePaths.category(lang, "city")));
        assertEquals(lang + "/search/index.html", SitePaths.key(SitePaths.search(lang)));
        assertEquals(lang + "/404.html", SitePaths.key(SitePaths.notFound(lang)));
        assertEquals(lang + "/feed.xml", SitePaths.key(SitePaths.feed(lang)));
        assertEquals(lang + "/latest.json", SitePaths.key(SitePaths.latest(lang)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void absoluteUrlsPutTheSiteBeforeThePath(String lang) {
        assertEquals(
                "https://news.almaty.example/" + lang + "/news/parks/", PATHS.url(SitePaths.article(lang, "parks")));
        assertEquals("https://news.almaty.example/" + lang + "/feed.xml", PATHS.url(SitePaths.feed(lang)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void anArticlePathGivesBackItsSlugAndNoOtherPathDoes(String lang) {
        assertEquals(Optional.of("parks"), SitePaths.articleSlug(lang, SitePaths.article(lang, "parks")));
        assertEquals(Optional.empty(), SitePaths.articleSlug(lang, SitePaths.allNews(lang)));
        assertEquals(Optional.empty(), SitePaths.articleSlug(lang, SitePaths.category(lang, "city")));
        assertEquals(Optional.empty(), SitePaths.articleSlug(lang, "/" + lang + "/news/parks"));
        String other = lang.equals("en") ? "kk" : "en";
        assertEquals(Optional.empty(), SitePaths.articleSlug(lang, SitePaths.article(other, "parks")));
    }

    @Test
    void siteWidePagesLiveAtTheRoot() {
        assertEquals("/", SitePaths.root());
        assertEquals("index.html", SitePaths.key(SitePaths.root()));
        assertEquals("/404.html", SitePaths.rootNotFound());
        assertEquals("404.html", SitePaths.key(SitePaths.rootNotFound()));
        assertEquals("/robots.txt", SitePaths.robots());
        assertEquals("robots.txt", SitePaths.key(SitePaths.robots()));
        assertEquals("/sitemap.xml", SitePaths.sitemapIndex());
        assertEquals("sitemap.xml", SitePaths.key(SitePaths.sitemapIndex()));
        assertEquals("/sitemap-news.xml", SitePaths.newsSitemap());
        assertEquals("/sitemaps/2020-07.xml", SitePaths.monthSitemap(YearMonth.of(2020, 7)));
        assertEquals("sitemaps/2020-07.xml", SitePaths.key(SitePaths.monthSitemap(YearMonth.of(2020, 7))));
        assertEquals("https://news.almaty.example/sitemap.xml", PATHS.url(SitePaths.sitemapIndex()));
    }

    @Test
    void assetsAreNamedByTheirContentHash() {
        assertEquals("/assets/site.0123456789ab.css", SitePaths.asset("site.css", "0123456789ab"));
        assertEquals("/assets/search.0123456789ab.js", SitePaths.asset("search.js", "0123456789ab"));
        assertEquals("assets/site.0123456789ab.js", SitePaths.key(SitePaths.asset("site.js", "0123456789ab")));
    }
}
