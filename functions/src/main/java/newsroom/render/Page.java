package newsroom.render;

import java.time.YearMonth;
import newsroom.story.StoryId;

/** Every kind of object the site is made of; each knows nothing but its identity. */
public sealed interface Page {
    /** A story's page in one language; written only while that translation is published. */
    record Article(String lang, StoryId id) implements Page {}

    /** The page a translation used to have at this slug, to be removed unless it is taken again. */
    record FormerArticle(String lang, String slug) implements Page {}

    record Home(String lang) implements Page {}

    record NewsHead(String lang) implements Page {}

    record MonthArchive(String lang, YearMonth month) implements Page {}

    record Category(String lang, String category) implements Page {}

    record Feed(String lang) implements Page {}

    record Latest(String lang) implements Page {}

    record NotFound(String lang) implements Page {}

    /** The search page: its script queries the index pieces in the bucket. */
    record Search(String lang) implements Page {}

    record MonthSitemap(YearMonth month) implements Page {}

    record SitemapIndex() implements Page {}

    record NewsSitemap() implements Page {}

    record Robots() implements Page {}

    record Root() implements Page {}

    record RootNotFound() implements Page {}

    record Assets() implements Page {}
}
