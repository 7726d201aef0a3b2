package newsroom.local;

import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import newsroom.render.Entry;
import newsroom.render.FullSite;
import newsroom.render.SiteBucket;
import newsroom.render.SiteIndex;
import newsroom.render.SiteRenderer;
import newsroom.render.SiteWriter;
import newsroom.render.SnapshotIndex;
import newsroom.search.SearchIndexer;
import newsroom.site.Config;
import newsroom.story.Story;
import newsroom.story.StoryId;

/**
 * The whole site as a folder: every page rendered by the same writer that fills the bucket, and the
 * uploaded images copied from the bucket, so the folder can be served by any static web server.
 */
public final class StaticExport {
    private static final String MEDIA = "media/";

    private StaticExport() {}

    /** What an export wrote. */
    public record Result(int pages, int written, int unchanged, int media) {}

    public static Result export(SiteIndex index, SiteRenderer renderer, Config config, SiteBucket site, Path folder) {
        return export(index, renderer, config, site, folder, true);
    }

    /**
     * @param withSearch whether the search page's index is written too; without it the folder holds
     *     what a static site generator would write (the search page then finds nothing)
     */
    public static Result export(
            SiteIndex index, SiteRenderer renderer, Config config, SiteBucket site, Path folder, boolean withSearch) {
        FolderSiteBucket out = new FolderSiteBucket(folder);
        // the search page's index, built whole as a full rebuild builds it, from the stories the
        // articles read: every published story is read once, for its pages and its search terms
        SearchIndexer.Base search =
                new SearchIndexer(index, out, config).base(withSearch ? config.languages() : List.of());
        // the index is read once, without bodies; only the articles' stories are read as they render
        SnapshotIndex snapshot = SnapshotIndex.of(new Indexing(index, search), config.languages());
        // nothing in a folder is cached by a CDN, so nothing is invalidated
        SiteWriter.Result pages =
                new SiteWriter(renderer.over(snapshot), out, paths -> {}).write(FullSite.pages(snapshot, config));
        if (withSearch) search.finish();
        int media = 0;
        for (String key : site.keys(MEDIA)) {
            byte[] body = site.get(key).orElse(null);
            if (body == null) continue;
            out.putIfChanged(key, body, "application/octet-stream", "");
            media++;
        }
        return new Result(pages.pages(), pages.written(), pages.unchanged(), media);
    }

    /** The index, handing every story read from it to the search index being built. */
    private record Indexing(SiteIndex index, SearchIndexer.Base search) implements SiteIndex {
        @Override
        public Optional<Story> story(StoryId id) {
            Optional<Story> story = index.story(id);
            story.ifPresent(search::add);
            return story;
        }

        @Override
        public Map<StoryId, Story> stories(Collection<StoryId> ids) {
            Map<StoryId, Story> stories = index.stories(ids);
            stories.values().forEach(search::add);
            return stories;
        }

        @Override
        public Optional<Entry> bySlug(String lang, String slug) {
            return index.bySlug(lang, slug);
        }

        @Override
        public List<Entry> newest(String lang, int limit) {
            return index.newest(lang, limit);
        }

        @Override
        public List<Entry> between(String lang, Instant from, Instant to, int limit) {
            return index.between(lang, from, to, limit);
        }

        @Override
        public List<Entry> inCategory(String lang, String category, int limit) {
            return index.inCategory(lang, category, limit);
        }

        @Override
        public Optional<Entry> olderThan(String lang, Instant publishedAt, StoryId id) {
            return index.olderThan(lang, publishedAt, id);
        }

        @Override
        public Optional<Entry> newerThan(String lang, Instant publishedAt, StoryId id) {
            return index.newerThan(lang, publishedAt, id);
        }

        @Override
        public Iterable<List<Entry>> all(String lang) {
            return index.all(lang);
        }

        @Override
        public Map<String, SortedSet<YearMonth>> keptMonths(Collection<String> langs, ZoneId zone) {
            return index.keptMonths(langs, zone);
        }
    }
}
