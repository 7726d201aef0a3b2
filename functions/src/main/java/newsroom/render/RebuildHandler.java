package newsroom.render;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.Log;
import newsroom.Services;
import newsroom.logging.Metrics;

/**
 * Runs a full rebuild from the rebuild queue. A "plan" message lists every page of the site and
 * fans it out as messages of {@value #PAGES_PER_MESSAGE} pages; every other message is such a
 * batch, rendered with the same code as a publish. Batches invalidate nothing by path: the batch
 * that finds itself the rebuild's last records one wildcard invalidation for the whole site (one
 * paid path, where a path per changed page would meet CloudFront's 3,000 paths in progress).
 */
public final class RebuildHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    public static final String PLAN = "plan";
    private static final String BATCH = "rebuild ";
    /** "search-index:<lang>": builds that language's search base (and empties its delta). */
    public static final String SEARCH = "search-index:";

    static final int PAGES_PER_MESSAGE = 50;
    private final Services services;

    public RebuildHandler() {
        this(Services.fromEnvironment());
    }

    public RebuildHandler(Services services) {
        this.services = services;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
        int written = 0;
        for (SQSEvent.SQSMessage message : messages) {
            long started = System.nanoTime();
            RuntimeException failure = null;
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("messageId", message.getMessageId());
            try {
                String body = message.getBody() == null ? "" : message.getBody().strip();
                if (body.startsWith(SEARCH)) {
                    String lang = body.substring(SEARCH.length());
                    if (!services.config().languages().contains(lang)) {
                        throw new IllegalArgumentException("no such language");
                    }
                    var searchWritten = services.search().rebuild(lang);
                    fields.put("searchObjects", searchWritten.objects());
                } else if (body.equals(PLAN)) {
                    // the plan's message id names the rebuild: a retried plan starts the same one over
                    String rebuild = message.getMessageId();
                    List<String> batches = plan(rebuild);
                    // the wildcard waits for the page batches only; search bases are not cached long
                    int pageBatches = (int)
                            batches.stream().filter(b -> b.startsWith(BATCH)).count();
                    services.rebuildProgress().start(rebuild, pageBatches);
                    services.rebuildQueue().send(batches);
                    fields.put("batches", batches.size());
                } else {
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
                    SiteWriter.Result result = rebuild == null
                            ? services.writer().write(pages)
                            : services.writer().writeForRebuild(pages);
                    fields.put("pages", result.pages());
                    fields.put("written", result.written());
                    written += result.written();
                    fields.put("unchanged", result.unchanged());
                    // after the batch's pages are written: the wildcard then covers every one of them
                    if (rebuild != null && services.rebuildProgress().finish(rebuild, batch)) {
                        services.invalidations().record(List.of(InvalidationHandler.EVERYTHING));
                        fields.put("invalidated", InvalidationHandler.EVERYTHING);
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
            fields.put("ms", (System.nanoTime() - started) / 1_000_000);
            if (failure == null) Log.line("rebuild", fields);
            else Log.failure("rebuild", fields, failure);
        }
        Metrics.of("rebuild")
                .count(Metrics.PAGES_WRITTEN, written)
                .count(Metrics.FAILURES, failures.size())
                .emit();
        return new SQSBatchResponse(failures);
    }

    private List<String> plan(String rebuild) {
        List<Page> pages = FullSite.pages(services.index(), services.config());
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
        for (String lang : services.config().languages()) batches.add(SEARCH + lang);
        return batches;
    }
}
