package newsroom.render;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.site.Config;

/**
 * A full rebuild of the site. The plan lists every page and fans it out over the rebuild queue as
 * batches of {@value #PAGES_PER_MESSAGE} pages, plus one message per language for its search base;
 * each batch is rendered with the same code as a publish. Batches invalidate nothing by path: the
 * batch that finds itself the rebuild's last records one wildcard invalidation for the whole site
 * (one paid path, where a path per changed page would meet CloudFront's 3,000 paths in progress).
 */
public final class Rebuilds {
    /** The message that starts a rebuild. */
    public static final String PLAN = "plan";
    /** "search-index:<lang>": builds that language's search base (and empties its delta). */
    public static final String SEARCH = "search-index:";

    private static final String BATCH = "rebuild ";
    static final int PAGES_PER_MESSAGE = 50;

    private final SiteIndex index;
    private final Config config;
    private final SiteWriter writer;
    private final RebuildProgress progress;
    private final RebuildQueue queue;
    private final InvalidationQueue invalidations;

    public Rebuilds(
            SiteIndex index,
            Config config,
            SiteWriter writer,
            RebuildProgress progress,
            RebuildQueue queue,
            InvalidationQueue invalidations) {
        this.index = index;
        this.config = config;
        this.writer = writer;
        this.progress = progress;
        this.queue = queue;
        this.invalidations = invalidations;
    }

    /** What one message of a rebuild did. */
    public sealed interface Step {
        /** A plan, fanned out as this many messages. */
        record Planned(int batches) implements Step {}

        /** A batch of pages written; {@code finished} when it was the rebuild's last. */
        record Written(SiteWriter.Result result, boolean finished) implements Step {}
    }

    /**
     * Runs one message that is not a search message: a plan (its message id names the rebuild, so a
     * retried plan starts the same one over) or a batch of pages.
     */
    public Step run(String messageId, String body) {
        if (body.equals(PLAN)) {
            List<String> batches = plan(messageId);
            // the wildcard waits for the page batches only; search bases are not cached long
            int pageBatches =
                    (int) batches.stream().filter(b -> b.startsWith(BATCH)).count();
            progress.start(messageId, pageBatches);
            queue.send(batches);
            return new Step.Planned(batches.size());
        }
        String rebuild = null;
        int batch = -1;
        List<Page> pages = new ArrayList<>();
        for (String line : body.split("\n")) {
            String l = line.strip();
            if (l.startsWith(BATCH)) {
                String[] header = l.substring(BATCH.length()).split(" ");
                rebuild = header[0];
                batch = Integer.parseInt(header[1]);
            } else if (!l.isEmpty()) {
                pages.add(PageCodec.decode(l));
            }
        }
        SiteWriter.Result result = rebuild == null ? writer.write(pages) : writer.writeForRebuild(pages);
        // after the batch's pages are written: the wildcard then covers every one of them
        boolean finished = rebuild != null && progress.finish(rebuild, batch);
        if (finished) invalidations.record(List.of(Cdn.EVERYTHING));
        return new Step.Written(result, finished);
    }

    private List<String> plan(String rebuild) {
        Map<String, Map<YearMonth, Integer>> counts = new LinkedHashMap<>();
        List<Page> pages = FullSite.pages(index, config, counts);
        // the months the sitemap index reads, counted by the same walk, before any batch renders it: a
        // table from before months were kept gets them here, and one that drifted is set right
        for (String lang : config.languages()) {
            index.keepMonths(lang, config.zone(), counts.getOrDefault(lang, Map.of()));
        }
        List<String> batches = new ArrayList<>();
        for (int from = 0; from < pages.size(); from += PAGES_PER_MESSAGE) {
            StringBuilder batch = new StringBuilder(BATCH)
                    .append(rebuild)
                    .append(' ')
                    .append(batches.size())
                    .append('\n');
            for (Page page : pages.subList(from, Math.min(pages.size(), from + PAGES_PER_MESSAGE))) {
                batch.append(PageCodec.encode(page)).append('\n');
            }
            batches.add(batch.toString());
        }
        for (String lang : config.languages()) batches.add(SEARCH + lang);
        return batches;
    }
}
