package newsroom.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import newsroom.Log;
import newsroom.api.Articles;
import newsroom.api.Request;
import newsroom.logging.Metrics;
import newsroom.story.StoryId;
import org.crac.Core;

/**
 * The staff API behind API Gateway: receives the HTTP event, lets {@link Articles} answer it, and
 * turns every refusal into problem+json. No request can make it answer 500 by its content.
 */
public final class ApiHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, org.crac.Resource {
    private final Articles articles;

    /**
     * The Lambda runtime's constructor: wires from the environment and registers for SnapStart's
     * checkpoint, before which it primes its own path ({@link #beforeCheckpoint}).
     */
    public ApiHandler() {
        this(Wiring.fromEnvironment().articles());
        Core.getGlobalContext().register(this);
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
        APIGatewayV2HTTPResponse response = response(answer);
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

    private static APIGatewayV2HTTPResponse response(Articles.Answer answer) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(answer.response().statusCode())
                .withHeaders(new LinkedHashMap<>(answer.response().headers()))
                .withBody(answer.response().body())
                .build();
    }

    /**
     * SnapStart takes its snapshot after this: the handler's own path, run on synthetic events, is
     * loaded and initialised in it, so the first request after a restore finds it warm.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends org.crac.Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends org.crac.Resource> context) {
        // nothing to renew: the clients hold no connection across a snapshot that they do not reopen
    }

    /**
     * Runs the handler, from the event to the response, on a read of a story that no story has (a
     * 404, after one read of the table) and on a write it refuses before reading anything (a 400:
     * the body is not JSON), so nothing is written. Neither is logged or counted as a request.
     * Returns the statuses; a failure (no table, no network) is left to the first request.
     */
    List<Integer> prime() {
        List<Integer> statuses = new ArrayList<>();
        for (APIGatewayV2HTTPEvent event : List.of(
                priming("GET", "/articles/{id}", "/articles/" + NOBODY.value(), null),
                priming("POST", "/articles", "/articles", "{"))) {
            try {
                statuses.add(response(articles.answer(request(event))).getStatusCode());
            } catch (RuntimeException ignored) {
                // the first request meets it again and answers for it
            }
        }
        return statuses;
    }

    private static APIGatewayV2HTTPEvent priming(String method, String route, String path, String body) {
        String routeKey = method + " " + route;
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                .builder()
                .withClaims(Map.of("sub", "priming", "cognito:username", "priming", "cognito:groups", "[editors]"))
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withHeaders(Map.of("accept", "application/json", "content-type", "application/json"))
                .withPathParameters(route.equals(path) ? Map.of() : Map.of("id", NOBODY.value()))
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("priming")
                        .withRouteKey(routeKey)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(path)
                                .build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(jwt)
                                .build())
                        .build())
                .build();
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

    private static final StoryId NOBODY = Priming.NOBODY;
}
