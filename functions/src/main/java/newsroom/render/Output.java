package newsroom.render;

/** What rendering one page asks of the bucket. */
public sealed interface Output {
    /** Store these bytes under the key. */
    record Put(String key, byte[] body, String contentType, String cacheControl) implements Output {}

    /** Remove the key (a page that no longer exists). */
    record Remove(String key) implements Output {}

    /** Leave the bucket alone (e.g. a translation that is not published). */
    record Keep() implements Output {}

    /**
     * Pages that change with every publish (lists, feeds, sitemaps, latest.json): revalidated
     * instead of invalidated. The CDN keeps a copy 4 s, then serves it at most 4 s more while it
     * asks the bucket with If-None-Match (a 304
     * renews it for the price of one GET); so every edge shows a page written at time t by t + 8 s,
     * with no paid invalidation. Browsers revalidate every time (max-age=0), and a failing bucket
     * leaves readers the last copy for a day.
     */
    String SHORT = "public, max-age=0, s-maxage=4, stale-while-revalidate=4, stale-if-error=86400";

    /** Article pages: cached long at the edge and invalidated by path when they change. */
    String ARTICLE = "public, max-age=300, s-maxage=31536000";

    /** Content-hashed assets never change under their name. */
    String IMMUTABLE = "public, max-age=31536000, immutable";

    String HTML = "text/html; charset=utf-8";
    String XML = "application/xml; charset=utf-8";
    String RSS = "application/rss+xml; charset=utf-8";
    String JSON = "application/json; charset=utf-8";
    String TEXT = "text/plain; charset=utf-8";
}
