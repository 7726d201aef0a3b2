package newsroom.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import newsroom.Log;
import newsroom.image.Renditions;
import newsroom.image.UploadProcessor;
import org.crac.Core;

/**
 * Receives the bucket's "object created" events for uploads and hands each upload to the
 * processor. A bad file is a refusal, not a failure; only storage failing fails the invocation,
 * so that Lambda retries it (the processor's writes are idempotent).
 */
public final class ImageHandler implements RequestHandler<S3Event, String>, PrimedHandler {
    private final UploadProcessor processor;

    /**
     * The Lambda runtime's constructor: wires from the environment and registers for SnapStart's
     * checkpoint, before which it primes its own path ({@link #beforeCheckpoint}).
     */
    public ImageHandler() {
        this(Wiring.fromEnvironment().uploadProcessor());
        Core.getGlobalContext().register(this);
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

    /**
     * The handler's path without reads or writes of the buckets: an event for a key that is no
     * upload (skipped before anything is read), then a small photograph made here, inspected,
     * decoded and rendered at every width but stored nowhere. Nothing is logged. Returns the
     * renditions made, or -1 when a step failed.
     */
    @Override
    public int prime() {
        int skipped = Priming.step(
                () -> processor.process("priming", "priming/not-an-upload") instanceof UploadProcessor.Outcome.Skipped
                        ? 0
                        : -1);
        int renditions = Priming.step(() -> processor.rehearse(photograph()));
        return skipped < 0 ? -1 : renditions;
    }

    /** A JPEG with a gradient, large enough for the widest rendition, encoded by the JDK's writer. */
    static byte[] photograph() {
        int width = Renditions.WIDTHS.get(Renditions.WIDTHS.size() - 1);
        int height = width * 2 / 3;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y += 8) {
            for (int x = 0; x < width; x += 8) {
                int rgb = ((x * 255 / width) << 16) | ((y * 255 / height) << 8) | 0x60;
                for (int dy = 0; dy < 8 && y + dy < height; dy++) {
                    for (int dx = 0; dx < 8 && x + dx < width; dx++) image.setRGB(x + dx, y + dy, rgb);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", out)) throw new IllegalStateException("no JPEG writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
