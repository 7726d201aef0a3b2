package newsroom.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs in a JVM of its own on one function's deployment package (and this class): builds the
 * handler the template names with the constructor Lambda calls, and invokes it once as its event
 * source would. For the API, a read of a story nobody has (404) and a refused write (400). Prints
 * one line per invocation; exits 3 when a class the handler needed is missing from the package,
 * whatever else happened. Uses nothing but the JDK and the Lambda libraries the package carries.
 */
public final class HandlerProbe {
    private HandlerProbe() {}

    public static void main(String[] args) throws Exception {
        try {
            Object handler;
            try {
                handler = Class.forName(args[0]).getConstructor().newInstance();
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (e.getCause() instanceof LinkageError linkage) throw linkage;
                throw e;
            }
            if (handler instanceof RequestStreamHandler stream) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                invoke(() -> stream.handleRequest(
                        new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), out, null));
                System.out.println("answered " + out.toString(StandardCharsets.UTF_8));
            } else if (handler instanceof RequestHandler<?, ?>) {
                @SuppressWarnings("unchecked")
                RequestHandler<Object, Object> h = (RequestHandler<Object, Object>) handler;
                Class<?> input = input(handler.getClass());
                if (input == APIGatewayV2HTTPEvent.class) {
                    for (APIGatewayV2HTTPEvent event : List.of(
                            api("GET", "/articles/{id}", "/articles/00000000-0000-4000-8000-000000000000", null),
                            api("POST", "/articles", "/articles", "{"))) {
                        var response = (APIGatewayV2HTTPResponse) h.handleRequest(event, null);
                        System.out.println("status " + response.getStatusCode());
                    }
                } else {
                    Object event = input.getConstructor().newInstance();
                    try {
                        input.getMethod("setRecords", List.class).invoke(event, List.of());
                    } catch (NoSuchMethodException noRecords) {
                        // a scheduled event carries none
                    }
                    Object[] answer = new Object[1];
                    invoke(() -> answer[0] = h.handleRequest(event, null));
                    System.out.println("answered " + answer[0]);
                }
            }
        } catch (LinkageError | ClassNotFoundException missing) {
            missing.printStackTrace();
            System.exit(3);
        }
        System.exit(0);
    }

    private interface Call {
        void run() throws Exception;
    }

    /**
     * A failure of the services (this probe points every client at the table's endpoint) is
     * printed and passed over; a missing class is rethrown.
     */
    private static void invoke(Call call) throws Exception {
        try {
            call.run();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof LinkageError linkage) throw linkage;
            }
            System.out.println("failed " + e.getClass().getName());
        }
    }

    private static Class<?> input(Class<?> handler) {
        for (Type type : handler.getGenericInterfaces()) {
            if (type instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                return (Class<?>) p.getActualTypeArguments()[0];
            }
        }
        throw new IllegalArgumentException(handler + " is no RequestHandler");
    }

    private static APIGatewayV2HTTPEvent api(String method, String route, String path, String body) {
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                .builder()
                .withClaims(Map.of("sub", "probe", "cognito:username", "probe", "cognito:groups", "[editors]"))
                .build();
        String routeKey = method + " " + route;
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withHeaders(Map.of("accept", "application/json", "content-type", "application/json"))
                .withPathParameters(
                        path.equals(route) ? Map.of() : Map.of("id", path.substring(path.lastIndexOf('/') + 1)))
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("probe")
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
}
