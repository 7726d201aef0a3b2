package newsroom.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.Log;
import newsroom.image.UploadProcessor;

/**
 * Receives the bucket's "object created" events for uploads and hands each upload to the
 * processor. A bad file is a refusal, not a failure; only storage failing fails the invocation,
 * so that Lambda retries it (the processor's writes are idempotent).
 */
public final class ImageHandler implements RequestHandler<S3Event, String> {
    private final UploadProcessor processor;

    /** The Lambda runtime's constructor: wires from the environment. */
    public ImageHandler() {
        this(Wiring.fromEnvironment().uploadProcessor());
    }

    public ImageHandler(UploadProcessor processor) {
        this.processor = processor;
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        List<S3EventNotification.S3EventNotificationRecord> records =
                event == null || event.getRecords() == null ? List.of() : event.getRecords();
        RuntimeException failed = null;
        int ready = 0;
        int refused = 0;
        for (var record : records) {
            long started = System.nanoTime();
            String bucket = record.getS3().getBucket().getName();
            // keys arrive URL-encoded
            String key = record.getS3().getObject().getUrlDecodedKey();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("bucket", bucket);
            fields.put("key", key);
            try {
                UploadProcessor.Outcome outcome = processor.process(bucket, key);
                if (outcome instanceof UploadProcessor.Outcome.Ready r) {
                    ready++;
                    fields.put("outcome", "ready");
                    fields.put("renditions", r.picture().renditions().size());
                } else if (outcome instanceof UploadProcessor.Outcome.Refused r) {
                    refused++;
                    fields.put("outcome", "refused");
                    fields.put("reason", r.picture().reason());
                } else if (outcome instanceof UploadProcessor.Outcome.Skipped s) {
                    fields.put("outcome", "skipped");
                    fields.put("reason", s.why());
                }
            } catch (RuntimeException e) {
                failed = e;
                fields.put("outcome", "failed");
                fields.put("failure", e.getClass().getName());
                fields.put("stackTrace", stackTrace(e));
            }
            fields.put("ms", (System.nanoTime() - started) / 1_000_000);
            Log.line("image", fields);
        }
        if (failed != null) throw failed;
        return "ready " + ready + ", refused " + refused;
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
