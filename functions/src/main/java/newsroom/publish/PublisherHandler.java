package newsroom.publish;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import java.util.Set;
import newsroom.Log;
import newsroom.Services;
import newsroom.logging.Metrics;
import newsroom.render.Page;
import newsroom.render.SiteWriter;
import newsroom.story.Actor;

/**
 * Runs every minute: publishes the scheduled translations whose time has come (their pages follow
 * through the stream) and refreshes the news sitemap, whose 48-hour window moves with the clock.
 */
public final class PublisherHandler implements RequestHandler<ScheduledEvent, String> {
    static final Actor SCHEDULE = new Actor("schedule", Set.of("editors"));
    private final Services services;

    public PublisherHandler() {
        this(Services.fromEnvironment());
    }

    public PublisherHandler(Services services) {
        this.services = services;
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        long started = System.nanoTime();
        int published;
        SiteWriter.Result result;
        try {
            published = services.stories().publishDue(SCHEDULE);
            result = services.writer().write(Set.of(new Page.NewsSitemap()));
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
        return "published " + published;
    }
}
