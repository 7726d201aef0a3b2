package newsroom.publish;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import java.util.Set;
import newsroom.Log;
import newsroom.Services;
import newsroom.render.Page;
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
        int published = services.stories().publishDue(SCHEDULE);
        var result = services.writer().write(Set.of(new Page.NewsSitemap()));
        Log.line("publisher", Map.of("published", published, "sitemapWritten", result.written()));
        return "published " + published;
    }
}
