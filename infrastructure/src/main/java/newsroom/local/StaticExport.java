package newsroom.local;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.render.ForwardingSiteIndex;
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
    private static final class Indexing extends ForwardingSiteIndex {
        private final SearchIndexer.Base search;

        Indexing(SiteIndex index, SearchIndexer.Base search) {
            super(index);
            this.search = search;
        }

        @Override
        public Optional<Story> story(StoryId id) {
            Optional<Story> story = super.story(id);
            story.ifPresent(search::add);
            return story;
        }

        @Override
        public Map<StoryId, Story> stories(Collection<StoryId> ids) {
            Map<StoryId, Story> stories = super.stories(ids);
            stories.values().forEach(search::add);
            return stories;
        }
    }
}
