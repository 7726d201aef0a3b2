package newsroom.local;

import java.nio.file.Path;
import newsroom.render.FullSite;
import newsroom.render.SiteBucket;
import newsroom.render.SiteIndex;
import newsroom.render.SiteRenderer;
import newsroom.render.SiteWriter;
import newsroom.render.SnapshotIndex;
import newsroom.search.SearchIndexer;
import newsroom.site.Config;

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
        FolderSiteBucket out = new FolderSiteBucket(folder);
        // the index is read once, without bodies; only the articles' stories are read as they render
        SnapshotIndex snapshot = SnapshotIndex.of(index, config.languages());
        // nothing in a folder is cached by a CDN, so nothing is invalidated
        SiteWriter.Result pages =
                new SiteWriter(renderer.over(snapshot), out, paths -> {}).write(FullSite.pages(snapshot, config));
        // the search page's index, built whole as a full rebuild builds it
        SearchIndexer search = new SearchIndexer(snapshot, out, config);
        for (String lang : config.languages()) search.rebuild(lang);
        int media = 0;
        for (String key : site.keys(MEDIA)) {
            byte[] body = site.get(key).orElse(null);
            if (body == null) continue;
            out.putIfChanged(key, body, "application/octet-stream", "");
            media++;
        }
        return new Result(pages.pages(), pages.written(), pages.unchanged(), media);
    }
}
