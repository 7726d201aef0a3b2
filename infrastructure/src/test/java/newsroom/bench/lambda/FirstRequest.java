package newsroom.bench.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * A cold start as Lambda does it, without the runtime around it: a fresh JVM loads the API
 * function's handler, named as the template names it and built by its public no-argument
 * constructor as the runtime builds it, and answers one GET /articles/{id} with an editor's JWT
 * claims. Runs on the deployment package's classpath only.
 */
public final class FirstRequest {
    private FirstRequest() {}

    /** Arguments: the handler's class name and the id of a story to read. */
    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws ReflectiveOperationException {
        long started = System.nanoTime();
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                Class.forName(args[0]).getConstructor().newInstance();
        long ready = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event(args[1]), null);
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
