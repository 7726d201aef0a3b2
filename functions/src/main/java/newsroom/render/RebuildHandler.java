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

/**
 * Runs a full rebuild from the rebuild queue. A "plan" message lists every page of the site and
 * fans it out as messages of {@value #PAGES_PER_MESSAGE} pages; every other message is such a
 * batch, rendered with the same code as a publish.
 */
public final class RebuildHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    public static final String PLAN = "plan";
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
        for (SQSEvent.SQSMessage message : messages) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("messageId", message.getMessageId());
            try {
                String body = message.getBody() == null ? "" : message.getBody().strip();
                if (body.startsWith(SEARCH)) {
                    String lang = body.substring(SEARCH.length());
                    if (!services.config().languages().contains(lang)) {
                        throw new IllegalArgumentException("no such language");
                    }
                    var written = services.search().rebuild(lang);
                    fields.put("searchObjects", written.objects());
                } else if (body.equals(PLAN)) {
                    List<String> batches = plan();
                    services.rebuildQueue().send(batches);
                    fields.put("batches", batches.size());
                } else {
                    List<Page> pages = new ArrayList<>();
                    for (String line : body.split("\n")) {
                        if (!line.isBlank()) pages.add(PageCodec.decode(line.strip()));
                    }
                    SiteWriter.Result result = services.writer().write(pages);
                    fields.put("pages", result.pages());
                    fields.put("written", result.written());
                    fields.put("unchanged", result.unchanged());
                }
            } catch (RuntimeException e) {
                fields.put("failure", e.getClass().getSimpleName());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
            Log.line("rebuild", fields);
        }
        return new SQSBatchResponse(failures);
    }

    private List<String> plan() {
        List<Page> pages = FullSite.pages(services.index(), services.config());
        List<String> batches = new ArrayList<>();
        for (int from = 0; from < pages.size(); from += PAGES_PER_MESSAGE) {
            StringBuilder batch = new StringBuilder();
            for (Page page : pages.subList(from, Math.min(pages.size(), from + PAGES_PER_MESSAGE))) {
                batch.append(PageCodec.encode(page)).append('\n');
            }
            batches.add(batch.toString());
        }
        for (String lang : services.config().languages()) batches.add(SEARCH + lang);
        return batches;
    }
}
