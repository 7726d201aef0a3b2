package newsroom.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.Log;
import newsroom.Services;
import newsroom.logging.Metrics;
import newsroom.story.StoryId;

/**
 * The staff API behind API Gateway: receives the HTTP event, lets {@link Articles} answer it, and
 * turns every refusal into problem+json. No request can make it answer 500 by its content.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Articles articles;

    /** The Lambda runtime's constructor: wires from the environment and primes the read path. */
    public ApiHandler() {
        this(primed());
    }

    public ApiHandler(Services services) {
        this.articles = new Articles(services);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        String requestId =
                event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                        ? event.getRequestContext().getRequestId()
                        : (context != null ? context.getAwsRequestId() : "-");
        APIGatewayV2HTTPResponse response;
        RuntimeException failure = null;
        try {
            response = articles.answer(Request.of(event));
        } catch (ApiException e) {
            response = Responses.problem(e.status, e.title, e.getMessage(), e.errors);
        } catch (RuntimeException e) {
            // an infrastructure failure: logged with its stack trace, answered without its message
            failure = e;
            response = Responses.problem(
                    500,
                    "Internal error",
                    "The request could not be completed; it is safe to retry.",
                    java.util.List.of());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", requestId);
        fields.put("route", event.getRouteKey());
        fields.put("status", response.getStatusCode());
        fields.put("ms", (System.nanoTime() - started) / 1_000_000);
        if (failure != null) Log.failure("api", fields, failure);
        else Log.line("api", fields);
        Metrics metrics = Metrics.of("api").count(Metrics.FAILURES, response.getStatusCode() >= 500 ? 1 : 0);
        if (PUBLISH_ROUTE.equals(event.getRouteKey()) && response.getStatusCode() == 200) {
            metrics.count(Metrics.PUBLISHES, 1);
        }
        metrics.emit();
        return response;
    }

    private static final String PUBLISH_ROUTE = "POST /articles/{id}/publish";

    /** A story id that no story has: what priming asks for. */
    private static final StoryId NOBODY = new StoryId("00000000-0000-0000-0000-000000000000");

    /**
     * Builds the services while another thread loads the JSON side (parsing a request, writing a
     * response), then reads a story that does not exist, so that the table client's request path is
     * loaded too. This is work the first request would do; done here, it runs on both cores in the
     * runtime's init phase and, with SnapStart, is part of the snapshot. A failure here is ignored:
     * the first request meets it again and answers for it.
     */
    private static Services primed() {
        Thread json = new Thread(
                () -> {
                    try {
                        Json.object("{\"title\": \"priming\", \"n\": [1, 2.5, true, null]}", false, false);
                        Responses.json(200, ArticleJson.revisions(List.of()), Map.of());
                        Responses.problem(404, "Not found", "priming", List.of());
                    } catch (RuntimeException ignored) {
                        // the first request will load the same classes
                    }
                },
                "priming");
        json.start();
        Services services = Services.fromEnvironment();
        try {
            services.stories().find(NOBODY);
        } catch (RuntimeException ignored) {
            // no table yet, no network: the first request reports it
        }
        try {
            json.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return services;
    }
}
