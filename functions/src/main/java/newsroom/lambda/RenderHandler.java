package newsroom.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.Log;
import newsroom.image.OrphanedPictures;
import newsroom.logging.Metrics;
import newsroom.render.Change;
import newsroom.render.FormerAddresses;
import newsroom.render.PageSet;
import newsroom.render.SiteWriter;
import newsroom.search.SearchIndexer;
import newsroom.site.Config;
import newsroom.store.StreamRecords;
import org.crac.Core;

/**
 * Receives a batch of table changes from the stream and re-renders the pages that depend on them. A
 * failure is reported at the first record that could not be rendered ({@link BatchFailures}), so the
 * stream retries from there and nothing after it is lost.
 */
public final class RenderHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, PrimedHandler {
    private final SiteWriter writer;
    private final PageSet pageSet;
    private final FormerAddresses formerAddresses;
    private final SearchIndexer search;
    private final OrphanedPictures orphans;
    private final Config config;

    /**
     * The Lambda runtime's constructor: wires from the environment and registers for SnapStart's
     * checkpoint, before which it primes its own path ({@link #beforeCheckpoint}).
     */
    public RenderHandler() {
        this(
                Wiring.fromEnvironment().writer(),
                Wiring.fromEnvironment().pageSet(),
                Wiring.fromEnvironment().formerAddresses(),
                Wiring.fromEnvironment().search(),
                Wiring.fromEnvironment().orphanedPictures(),
                Wiring.fromEnvironment().config());
        Core.getGlobalContext().register(this);
    }

    /** @param config the site's languages and categories, for priming's synthetic record */
    public RenderHandler(
            SiteWriter writer,
            PageSet pageSet,
            FormerAddresses formerAddresses,
            SearchIndexer search,
            OrphanedPictures orphans,
            Config config) {
        this.writer = writer;
        this.pageSet = pageSet;
        this.formerAddresses = formerAddresses;
        this.search = search;
        this.orphans = orphans;
        this.config = config;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<DynamodbEvent.DynamodbStreamRecord> records = BatchFailures.records(event);
        long started = System.nanoTime();
        try {
            // reading the records belongs inside: one that cannot be read must be named as the failed
            // record, not fail the whole invocation (which would retry, and at last drop, good records)
            List<Change> changes = new ArrayList<>();
            for (DynamodbEvent.DynamodbStreamRecord record : records) {
                StreamRecords.change(record).ifPresent(changes::add);
            }
            // the whole batch at once: a page that several changes share is rendered once
            SiteWriter.Result result = writer.write(pageSet.dependentPages(changes));
            // after the pages: a former address leads to a page that is there
            int redirected = formerAddresses.follow(changes);
            search.apply(changes);
            for (DynamodbEvent.DynamodbStreamRecord record : records) deleteMediaOfRemovedStory(record);
            Log.line("render", fields(records.size(), changes.size(), result, redirected, started));
            metrics(result, redirected, started, 0);
            return BatchFailures.noneForStream();
        } catch (RuntimeException batchFailure) {
            return oneByOne(records, started, batchFailure);
        }
    }

    /**
     * The handler's path without its writes: a synthetic stream record of a story that no story has
     * being published is read as the stream's records are, its dependent pages (the article, the
     * lists, the feed, the sitemaps) are found and rendered from the table, and nothing is written:
     * no page, no redirect, no search shard. Nothing is logged or counted. Returns how many outputs
     * the pages made, or -1 when a step failed (left to the first batch).
     */
    @Override
    public int prime() {
        return Priming.step(() -> {
            var record = StreamRecords.published(
                    Priming.NOBODY,
                    config.defaultLanguage(),
                    "priming",
                    config.categories().get(0),
                    java.time.Instant.now());
            List<Change> changes = StreamRecords.change(record).stream().toList();
            return writer.rehearse(pageSet.dependentPages(changes));
        });
    }

    private StreamsEventResponse oneByOne(
            List<DynamodbEvent.DynamodbStreamRecord> records, long started, RuntimeException batchFailure) {
        // the other changes of the batch still count for which month archives appeared or went
        List<Change> batch = changesBeforeUnreadable(records);
        int redirected = 0;
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            try {
                Optional<Change> change = StreamRecords.change(record);
                if (change.isPresent()) {
                    writer.write(pageSet.dependentPages(change.get(), batch));
                    redirected += formerAddresses.follow(change.get());
                    search.apply(List.of(change.get()));
                }
                deleteMediaOfRemovedStory(record);
            } catch (RuntimeException e) {
                Map<String, Object> fields = fields(records.size(), -1, null, redirected, started);
                fields.put("failedAt", record.getDynamodb().getSequenceNumber());
                fields.put("recovered", false);
                BatchFailures failures = new BatchFailures("render");
                failures.failed(record, fields, e);
                metrics(null, redirected, started, failures.count());
                return failures.forStream();
            }
        }
        // every record rendered on its own: the batch's failure is still worth seeing once, and is
        // not a failed batch
        Map<String, Object> fields = fields(records.size(), -1, null, redirected, started);
        fields.put("recovered", true);
        Log.failure("render", fields, batchFailure);
        metrics(null, redirected, started, 0);
        return BatchFailures.noneForStream();
    }

    /** The changes of the records up to the first that cannot be read, where one by one stops. */
    private static List<Change> changesBeforeUnreadable(List<DynamodbEvent.DynamodbStreamRecord> records) {
        List<Change> changes = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            try {
                StreamRecords.change(record).ifPresent(changes::add);
            } catch (RuntimeException unreadable) {
                // reported as the failed record when the one-by-one loop reaches it
                break;
            }
        }
        return changes;
    }

    /**
     * A deleted story's pictures go with it unless another story shows them: the stream's REMOVE of
     * the story item is the durable record of the delete, so a failed delete is retried with it.
     */
    private void deleteMediaOfRemovedStory(DynamodbEvent.DynamodbStreamRecord record) {
        List<String> pictures = StreamRecords.removedPictures(record);
        if (!pictures.isEmpty()) orphans.afterStoryDeleted(pictures);
    }

    private static Map<String, Object> fields(
            int records, int changes, SiteWriter.Result result, int redirected, long started) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("records", records);
        fields.put("changes", changes);
        fields.put("redirected", redirected);
        if (result != null) {
            fields.put("pages", result.pages());
            fields.put("created", result.created());
            fields.put("updated", result.updated());
            fields.put("unchanged", result.unchanged());
            fields.put("removed", result.removed());
            fields.put("invalidated", result.invalidated().size());
        }
        fields.put("ms", (System.nanoTime() - started) / 1_000_000);
        return fields;
    }

    private static void metrics(SiteWriter.Result result, int redirected, long started, int failures) {
        Metrics metrics = Metrics.of("render")
                .millis(Metrics.RENDER_MS, (System.nanoTime() - started) / 1_000_000)
                .count(Metrics.REDIRECTS, redirected);
        if (result != null) {
            metrics.count(Metrics.PAGES_WRITTEN, result.written())
                    .count(Metrics.INVALIDATION_PATHS, result.invalidated().size());
        }
        metrics.count(Metrics.FAILURES, failures).emit();
    }
}
