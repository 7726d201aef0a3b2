package newsroom.render;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import newsroom.story.Translation;

/**
 * Every public address of the site, and the only place that spells its URL scheme. Paths are
 * site-relative, as links in pages show them; {@link #url} makes one absolute, for canonical links,
 * feeds and sitemaps; {@link #key} names the bucket object that a path is served from.
 */
public final class SitePaths {
    private static final String NEWS = "/news/";

    private final String siteUrl;

    /** Absolute addresses on the site at this URL (scheme and host, no trailing slash). */
    public SitePaths(String siteUrl) {
        this.siteUrl = siteUrl;
    }

    /** The absolute URL of a site-relative path. */
    public String url(String path) {
        return siteUrl + path;
    }

    /** The site's address without a language: the language chooser. */
    public static String root() {
        return "/";
    }

    /** The 404 page the CDN answers a missing path with, whatever its language. */
    public static String rootNotFound() {
        return "/404.html";
    }

    public static String home(String lang) {
        return "/" + lang + "/";
    }

    /** All news of a language, newest first: the head of the archive. */
    public static String allNews(String lang) {
        return "/" + lang + NEWS;
    }

    /** The page of a translation published at this slug. */
    public static String article(String lang, String slug) {
        return allNews(lang) + slug + "/";
    }

    /** The page of a translation at its slug. */
    public static String article(Translation t) {
        return article(t.lang(), t.slug());
    }

    /** The slug of the article page at this path, if the path is one in this language. */
    public static Optional<String> articleSlug(String lang, String path) {
        String folder = allNews(lang);
        if (!path.startsWith(folder) || !path.endsWith("/") || path.length() <= folder.length()) {
            return Optional.empty();
        }
        return Optional.of(path.substring(folder.length(), path.length() - 1));
    }

    public static String month(String lang, YearMonth month) {
        return String.format(Locale.ROOT, "/%s/news/%04d/%02d/", lang, month.getYear(), month.getMonthValue());
    }

    public static String category(String lang, String category) {
        return "/" + lang + "/category/" + category + "/";
    }

    public static String search(String lang) {
        return "/" + lang + "/search/";
    }

    public static String notFound(String lang) {
        return "/" + lang + "/404.html";
    }

    public static String feed(String lang) {
        return "/" + lang + "/feed.xml";
    }

    /** The newest stories as JSON, which readers' browsers put in an article's latest-news block. */
    public static String latest(String lang) {
        return "/" + lang + "/latest.json";
    }

    public static String sitemapIndex() {
        return "/sitemap.xml";
    }

    public static String newsSitemap() {
        return "/sitemap-news.xml";
    }

    public static String monthSitemap(YearMonth month) {
        return "/sitemaps/" + month + ".xml";
    }

    public static String robots() {
        return "/robots.txt";
    }

    /** A stylesheet or script named by a hash of its content: {@code site.css} → {@code /assets/site.<hash>.css}. */
    public static String asset(String file, String hash) {
        int dot = file.lastIndexOf('.');
        return "/assets/" + file.substring(0, dot) + "." + hash + file.substring(dot);
    }

    /** The bucket object a path is served from: a folder's page is its {@code index.html}. */
    public static String key(String path) {
        String key = path.startsWith("/") ? path.substring(1) : path;
        return key.isEmpty() || key.endsWith("/") ? key + "index.html" : key;
    }

    /** The bucket object of an article's page. */
    public static String articleKey(String lang, String slug) {
        return key(article(lang, slug));
    }
}
