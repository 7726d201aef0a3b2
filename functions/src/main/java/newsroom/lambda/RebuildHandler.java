package newsroom.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
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
 * alone, so the queue redelivers only it.
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
                if (body.startsWith(Rebuilds.SEARCH)) {
                    String lang = body.substring(Rebuilds.SEARCH.length());
                    if (!languages.contains(lang)) throw new IllegalArgumentException("no such language");
                    fields.put("searchObjects", search.rebuild(lang).objects());
                } else {
                    Rebuilds.Step step = rebuilds.run(message.getMessageId(), body);
                    if (step instanceof Rebuilds.Step.Planned planned) {
                        fields.put("batches", planned.batches());
                    } else if (step instanceof Rebuilds.Step.Written batch) {
                        fields.put("pages", batch.result().pages());
                        fields.put("written", batch.result().written());
                        written += batch.result().written();
                        fields.put("unchanged", batch.result().unchanged());
                        if (batch.finished()) fields.put("invalidated", Cdn.EVERYTHING);
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
}
