package newsroom.bench.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import newsroom.lambda.ApiHandler;

/**
 * A cold start as Lambda does it, without the runtime around it: a fresh JVM loads the API handler
 * (wired by {@code Wiring.fromEnvironment()}) and answers one GET /articles/{id} with an editor's
 * JWT claims. Runs on the deployment zip's classpath only.
 */
public final class FirstRequest {
    private FirstRequest() {}

    public static void main(String[] args) {
        long started = System.nanoTime();
        ApiHandler handler = new ApiHandler();
        long ready = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event(args[0]), null);
        long answered = System.nanoTime();
        System.out.printf(
                "{\"status\":%d,\"initMs\":%.1f,\"requestMs\":%.1f}%n",
                response.getStatusCode(), (ready - started) / 1e6, (answered - ready) / 1e6);
        System.exit(response.getStatusCode() == 200 ? 0 : 1);
    }

    static APIGatewayV2HTTPEvent event(String id) {
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                .builder()
                .withClaims(Map.of(
                        "sub", "bench-editor",
                        "cognito:username", "bench-editor",
                        "cognito:groups", "[editors]"))
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("cold-start")
                .withRouteKey("GET /articles/{id}")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod("GET")
                        .withPath("/articles/" + id)
                        .build())
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(jwt)
                        .build())
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("GET /articles/{id}")
                .withRawPath("/articles/" + id)
                .withHeaders(Map.of("accept", "application/json"))
                .withPathParameters(Map.of("id", id))
                .withRequestContext(context)
                .build();
    }
}
