package newsroom.bench.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * A cold start as Lambda does it, without the runtime around it: a fresh JVM loads the API
 * function's handler, named as the template names it and built by its public no-argument
 * constructor as the runtime builds it, and answers one GET /articles/{id} with an editor's JWT
 * claims. Runs on the deployment package's classpath only.
 */
public final class FirstRequest {
    private FirstRequest() {}

    /**
     * Arguments: the handler's class name, the id of a story to read, and optionally {@code
     * --primed}: then the handler's checkpoint hook runs first, as SnapStart runs it before its
     * snapshot, and the figures say what the first request still costs after it (its time, and the
     * classes it loads that priming did not).
     */
    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        boolean primed = args.length > 2 && args[2].equals("--primed");
        long started = System.nanoTime();
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                Class.forName(args[0]).getConstructor().newInstance();
        long built = System.nanoTime();
        ClassLoadingMXBean classes = primed ? ManagementFactory.getClassLoadingMXBean() : null;
        if (primed) ((org.crac.Resource) handler).beforeCheckpoint(null);
        long ready = System.nanoTime();
        long loadedBefore = primed ? classes.getTotalLoadedClassCount() : 0;
        APIGatewayV2HTTPResponse response = handler.handleRequest(event(args[1]), null);
        long answered = System.nanoTime();
        if (primed) {
            System.out.printf(
                    "{\"status\":%d,\"initMs\":%.1f,\"primeMs\":%.1f,\"requestMs\":%.1f,\"classesLoadedByRequest\":%d}%n",
                    response.getStatusCode(),
                    (built - started) / 1e6,
                    (ready - built) / 1e6,
                    (answered - ready) / 1e6,
                    classes.getTotalLoadedClassCount() - loadedBefore);
        } else {
            System.out.printf(
                    "{\"status\":%d,\"initMs\":%.1f,\"requestMs\":%.1f}%n",
                    response.getStatusCode(), (ready - started) / 1e6, (answered - ready) / 1e6);
        }
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
