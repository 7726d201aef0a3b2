package newsroom.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import newsroom.Log;
import newsroom.logging.Metrics;
import newsroom.render.Page;
import newsroom.render.SiteWriter;
import newsroom.story.Actor;
import newsroom.story.StoryService;
import org.crac.Core;

/**
 * Runs every minute: publishes the scheduled translations whose time has come (their pages follow
 * through the stream) and refreshes the news sitemap, whose 48-hour window moves with the clock.
 * The schedule's event says nothing the publisher needs (the clock decides what is due), so it is
 * taken as a stream and not read: decoding it as {@code ScheduledEvent} would load joda-time.
 */
public final class PublisherHandler implements RequestStreamHandler, PrimedHandler {
    static final Actor SCHEDULE = new Actor("schedule", Set.of("editors"));
    private final StoryService stories;
    private final SiteWriter writer;

    /**
     * The Lambda runtime's constructor: wires from the environment and registers for SnapStart's
     * checkpoint, before which it primes its own path ({@link #beforeCheckpoint}).
     */
    public PublisherHandler() {
        this(Wiring.fromEnvironment().stories(), Wiring.fromEnvironment().writer());
        Core.getGlobalContext().register(this);
    }

    public PublisherHandler(StoryService stories, SiteWriter writer) {
        this.stories = stories;
        this.writer = writer;
    }

    @Override
    public void handleRequest(InputStream event, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        int published;
        SiteWriter.Result result;
        try {
            published = stories.publishDue(SCHEDULE);
            result = writer.write(Set.of(new Page.NewsSitemap()));
        } catch (RuntimeException e) {
            // rethrown: the invocation fails, so the function's Errors alarm sees it
            Log.failure("publisher", Map.of("ms", (System.nanoTime() - started) / 1_000_000), e);
            Metrics.of("publisher").count(Metrics.FAILURES, 1).emit();
            throw e;
        }
        Log.line(
                "publisher",
                Map.of(
                        "published",
                        published,
                        "sitemapWritten",
                        result.written(),
                        "ms",
                        (System.nanoTime() - started) / 1_000_000));
        Metrics.of("publisher")
                .count(Metrics.PUBLISHES, published)
                .count(Metrics.PAGES_WRITTEN, result.written())
                .count(Metrics.FAILURES, 0)
                .emit();
        // a JSON string, as the runtime would have serialised the answer
        output.write(("\"published " + published + "\"").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The publisher's path without its writes: a read of a story that no story has (publishing
     * reads each due story so), and the news sitemap rendered from the table but not written.
     * Nothing is published, logged or counted. Returns the sitemap's outputs, or -1 when a step
     * failed (left to the first invocation).
     */
    @Override
    public int prime() {
        int read = Priming.step(() -> stories.find(Priming.NOBODY).isPresent() ? 1 : 0);
        int rendered = Priming.step(() -> writer.rehearse(Set.of(new Page.NewsSitemap())));
        return read < 0 ? -1 : rendered;
    }
}
