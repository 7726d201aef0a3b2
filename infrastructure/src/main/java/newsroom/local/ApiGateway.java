package newsroom.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local HTTP API: routes requests by template.yaml's HttpApi events, checks the bearer token
 * like the JWT authorizer, and hands the function the same APIGatewayV2HTTPEvent API Gateway sends.
 * Requests API Gateway refuses before any route (a malformed request line or percent-encoding, a
 * request line and headers over its quota, a body over its payload limit) get its short JSON
 * answers, never a server's error page.
 */
public final class ApiGateway implements AutoCloseable {
    static final int MAX_PAYLOAD = 10 * 1024 * 1024;
    /** API Gateway's HTTP API quota: the request line and the header values together. */
    static final int MAX_REQUEST_LINE_AND_HEADERS = 10_240;
    /** What the server itself reads before it gives up; the quota above is checked on what it read. */
    private static final int SERVER_HEADER_BUFFER = 1024 * 1024;

    private final Server server;
    private final ServerConnector connector;
    private final List<CloudTemplate.Route> routes;
    private final Map<String, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions;
    private final LocalAuth auth;
    private final String jwksPath;
    private volatile LocalCors cors;

    public ApiGateway(
            int port,
            List<CloudTemplate.Route> routes,
            Map<String, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions,
            LocalAuth auth)
            throws IOException {
        this.routes = List.copyOf(routes);
        this.functions = Map.copyOf(functions);
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("api-gateway");
        threads.setDaemon(true);
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(SERVER_HEADER_BUFFER);
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        // every target reaches the handler, which decodes it strictly itself, as API Gateway does
        http.setUriCompliance(UriCompliance.UNSAFE);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        // longer than clients keep idle connections (the JDK client: 20 minutes), so a client never
        // sends a request on a connection the server is closing at that moment
        connector.setIdleTimeout(Duration.ofMinutes(30).toMillis());
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrors());
        server.setHandler(new org.eclipse.jetty.server.Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                try {
                    LocalCors cors = ApiGateway.this.cors;
                    if (cors != null) {
                        LocalCors.Headers h = cors.headers(
                                request.getMethod(),
                                request.getHeaders().get("Origin"),
                                request.getHeaders().get("Access-Control-Request-Method"));
                        h.headers().forEach((k, v) -> response.getHeaders().put(k, v));
                        // API Gateway answers a preflight itself: no authorizer, no function
                        if (h.preflight()) {
                            answer(request, response, callback, new Answer(204, Map.of(), new byte[0]));
                            return true;
                        }
                    }
                    answer(request, response, callback, ApiGateway.this.handle(request));
                } catch (RuntimeException | IOException e) {
                    System.err.println("api gateway: " + e);
                    e.printStackTrace();
                    answer(request, response, callback, Answer.message(500, "Internal Server Error"));
                }
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start's failure is the one to report
            }
            if (e instanceof IOException io && io.getCause() instanceof BindException) {
                throw new BindException("port " + port + " is in use");
            }
            if (e instanceof IOException io) throw io;
            throw new IOException("the API gateway did not start", e);
        }
        // the issuer is an address of this stack: API Gateway fetches <issuer>/.well-known/jwks.json
        this.auth = auth.issuing(LocalAuth.issuerAt(port()));
        this.jwksPath = java.net.URI.create(this.auth.jwksUrl()).getPath();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The authorizer's key, issuing as this gateway's issuer URL. */
    public LocalAuth auth() {
        return auth;
    }

    /** Answers preflights and adds CORS headers as the template's CorsConfiguration says. */
    void cors(LocalCors cors) {
        this.cors = cors;
    }

    /**
     * A JDK HTTP server on 127.0.0.1 that sends each answer at once. Left to its default, the JDK
     * server keeps Nagle's algorithm on, and with the client's delayed ACK every answer on a
     * kept-alive connection waits about 40 ms. The JDK reads the setting once, when its first server
     * starts.
     */
    static HttpServer listen(int port) throws IOException {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    }

    /** A status, headers and body to send. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer message(int status, String message) {
            return new Answer(
                    status,
                    Map.of("Content-Type", "application/json"),
                    ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private Answer handle(Request request) throws IOException {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String rawPath = Optional.ofNullable(request.getHttpURI().getPath()).orElse("");
        String rawQuery = Optional.ofNullable(request.getHttpURI().getQuery()).orElse("");
        // read first, whatever the answer: a server that answers and closes while the client is
        // still sending leaves the client with a reset instead of the answer
        byte[] body = readBody(Request.asInputStream(request));
        if (body == null) return Answer.message(413, "Request Entity Too Large");
        int requestLine = requestLine(method, rawPath, rawQuery);
        if (requestLine > MAX_REQUEST_LINE_AND_HEADERS) return Answer.message(414, "Request-URI Too Long");
        if (requestLine + headerValues(request) > MAX_REQUEST_LINE_AND_HEADERS) {
            return Answer.message(431, "Request Header Fields Too Large");
        }
        Optional<Map<String, String>> query = GatewayEvents.decodeQuery(rawQuery);
        if (query.isEmpty() || !rawPath.startsWith("/")) return Answer.message(400, "Bad Request");
        if (method.equals("GET") && rawPath.equals(jwksPath)) {
            return new Answer(
                    200, Map.of("Content-Type", "application/json"), auth.jwks().getBytes(StandardCharsets.UTF_8));
        }
        Optional<Match> match;
        try {
            match = match(method, rawPath);
        } catch (IllegalArgumentException malformed) {
            return Answer.message(400, "Bad Request");
        }
        if (match.isEmpty()) return Answer.message(404, "Not Found");
        LocalAuth.Verified verified = null;
        if (!match.get().route().open()) {
            LocalAuth.Outcome outcome = auth.verify(
                    request.getHeaders().get(HttpHeader.AUTHORIZATION),
                    match.get().route().scopes(),
                    Instant.now());
            if (outcome.verified().isEmpty()) {
                return outcome.refusal() == LocalAuth.Refusal.FORBIDDEN
                        ? Answer.message(403, "Forbidden")
                        : new Answer(
                                401,
                                Map.of("Content-Type", "application/json", "WWW-Authenticate", "Bearer"),
                                "{\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
            }
            verified = outcome.verified().get();
        }
        APIGatewayV2HTTPEvent event = GatewayEvents.event(
                request,
                method,
                rawPath,
                rawQuery,
                query.get(),
                match.get().route(),
                match.get().parameters(),
                body,
                verified);
        APIGatewayV2HTTPResponse response;
        try {
            response = functions.get(match.get().route().function()).apply(event);
        } catch (RuntimeException e) {
            // what API Gateway answers when the function itself fails
            return Answer.message(500, "Internal Server Error");
        }
        byte[] out = response.getBody() == null
                ? new byte[0]
                : response.getIsBase64Encoded()
                        ? Base64.getDecoder().decode(response.getBody())
                        : response.getBody().getBytes(StandardCharsets.UTF_8);
        return new Answer(
                response.getStatusCode(), response.getHeaders() == null ? Map.of() : response.getHeaders(), out);
    }

    /** The bytes of "METHOD target HTTP/1.1": the first part of what API Gateway's quota counts. */
    private static int requestLine(String method, String rawPath, String rawQuery) {
        return method.length() + 1 + rawPath.length() + (rawQuery.isEmpty() ? 0 : rawQuery.length() + 1) + 9;
    }

    /** The bytes of every header's value: the rest of what the quota counts (names are free). */
    private static int headerValues(Request request) {
        int size = 0;
        for (HttpField field : request.getHeaders()) {
            if (field.getValue() != null) size += field.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    static void answer(Request request, Response response, Callback callback, Answer answer) {
        response.setStatus(answer.status());
        answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        boolean empty = answer.body().length == 0
                || answer.status() == 204
                || answer.status() == 304
                || "HEAD".equals(request.getMethod());
        if (empty) {
            if (answer.status() != 204 && answer.status() != 304) {
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
            }
            response.write(true, null, callback);
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
        }
    }

    private record Match(CloudTemplate.Route route, Map<String, String> parameters) {}

    private Optional<Match> match(String method, String rawPath) {
        String[] segments = rawPath.split("/", -1);
        for (CloudTemplate.Route route : routes) {
            if (!route.method().equals(method) && !route.method().equals("ANY")) continue;
            String[] pattern = route.path().split("/", -1);
            if (pattern.length != segments.length) continue;
            Map<String, String> params = new LinkedHashMap<>();
            boolean ok = true;
            for (int i = 0; i < pattern.length && ok; i++) {
                if (pattern[i].startsWith("{") && pattern[i].endsWith("}")) {
                    if (segments[i].isEmpty()) ok = false;
                    else
                        params.put(pattern[i].substring(1, pattern[i].length() - 1), GatewayEvents.decode(segments[i]));
                } else {
                    ok = pattern[i].equals(segments[i]);
                }
            }
            if (ok) return Optional.of(new Match(route, params));
        }
        return Optional.empty();
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_PAYLOAD + 1);
        return body.length > MAX_PAYLOAD ? null : body;
    }

    static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean empty =
                body.length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the API gateway did not stop", e);
        }
    }
}
