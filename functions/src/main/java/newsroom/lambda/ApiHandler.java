package newsroom.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import newsroom.Log;
import newsroom.api.Articles;
import newsroom.api.Request;
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

    public ApiHandler(Articles articles) {
        this.articles = articles;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        String requestId =
                event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                        ? event.getRequestContext().getRequestId()
                        : (context != null ? context.getAwsRequestId() : "-");
        Articles.Answer answer = articles.answer(request(event));
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(answer.response().statusCode())
                .withHeaders(new LinkedHashMap<>(answer.response().headers()))
                .withBody(answer.response().body())
                .build();
        RuntimeException failure = answer.failure();
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

    /** The parts of the event the API reads; header names in lower case, to be looked up in any case. */
    static Request request(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> {
                if (k != null) headers.put(k.toLowerCase(Locale.ROOT), v);
            });
        }
        var context = event.getRequestContext();
        Map<String, String> claims = context == null
                        || context.getAuthorizer() == null
                        || context.getAuthorizer().getJwt() == null
                ? null
                : context.getAuthorizer().getJwt().getClaims();
        return new Request(
                event.getRouteKey() == null ? "" : event.getRouteKey(),
                event.getPathParameters() == null ? Map.of() : event.getPathParameters(),
                event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters(),
                headers,
                event.getBody(),
                event.getIsBase64Encoded(),
                Request.actorOf(claims));
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
    private static Articles primed() {
        Thread json = new Thread(Articles::primeJson, "priming");
        json.start();
        Wiring wiring = Wiring.fromEnvironment();
        try {
            wiring.stories().find(NOBODY);
        } catch (RuntimeException ignored) {
            // no table yet, no network: the first request reports it
        }
        try {
            json.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return wiring.articles();
    }
}
