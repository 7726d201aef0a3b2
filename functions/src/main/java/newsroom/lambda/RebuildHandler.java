package newsroom.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.Log;
import newsroom.logging.Metrics;
import newsroom.render.Cdn;
import newsroom.render.Rebuilds;
import newsroom.search.SearchIndexer;

/**
 * Receives the rebuild queue's messages and runs each as one step of a full rebuild ({@link
 * Rebuilds}) or as the rebuild of one language's search base; a message that fails is reported
 * alone ({@link BatchFailures}), so the queue redelivers only it.
 */
public final class RebuildHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Rebuilds rebuilds;
    private final SearchIndexer search;
    private final List<String> languages;

    /** The Lambda runtime's constructor: wires from the environment. */
    public RebuildHandler() {
        this(
                Wiring.fromEnvironment().rebuilds(),
                Wiring.fromEnvironment().search(),
                Wiring.fromEnvironment().config().languages());
    }

    public RebuildHandler(Rebuilds rebuilds, SearchIndexer search, List<String> languages) {
        this.rebuilds = rebuilds;
        this.search = search;
        this.languages = languages;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        BatchFailures failures = new BatchFailures("rebuild");
        int written = 0;
        for (SQSEvent.SQSMessage message : BatchFailures.messages(event)) {
            long started = System.nanoTime();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("messageId", message.getMessageId());
            try {
                written += run(message, fields);
                fields.put("ms", (System.nanoTime() - started) / 1_000_000);
                Log.line("rebuild", fields);
            } catch (RuntimeException e) {
                fields.put("ms", (System.nanoTime() - started) / 1_000_000);
                failures.failed(message, fields, e);
            }
        }
        Metrics.of("rebuild")
                .count(Metrics.PAGES_WRITTEN, written)
                .count(Metrics.FAILURES, failures.count())
                .emit();
        return failures.forQueue();
    }

    /** Runs one message, telling {@code fields} what it did; the pages it wrote. */
    private int run(SQSEvent.SQSMessage message, Map<String, Object> fields) {
        String body = message.getBody() == null ? "" : message.getBody().strip();
        if (body.startsWith(Rebuilds.SEARCH)) {
            String lang = body.substring(Rebuilds.SEARCH.length());
            if (!languages.contains(lang)) throw new IllegalArgumentException("no such language");
            fields.put("searchObjects", search.rebuild(lang).objects());
            return 0;
        }
        Rebuilds.Step step = rebuilds.run(message.getMessageId(), body);
        if (step instanceof Rebuilds.Step.Planned planned) {
            fields.put("batches", planned.batches());
        } else if (step instanceof Rebuilds.Step.Written batch) {
            fields.put("pages", batch.result().pages());
            fields.put("written", batch.result().written());
            fields.put("unchanged", batch.result().unchanged());
            if (batch.finished()) fields.put("invalidated", Cdn.EVERYTHING);
            return batch.result().written();
        }
        return 0;
    }
}
