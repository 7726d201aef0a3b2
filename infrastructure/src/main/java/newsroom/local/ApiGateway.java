package newsroom.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The local HTTP API: routes requests by template.yaml's HttpApi events, checks the bearer token
 * like the JWT authorizer, and hands the function the same APIGatewayV2HTTPEvent API Gateway sends.
 */
public final class ApiGateway implements AutoCloseable {
    static final int MAX_PAYLOAD = 10 * 1024 * 1024;
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final List<CloudTemplate.Route> routes;
    private final Map<String, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions;
    private final LocalAuth auth;
    private volatile LocalCors cors;

    public ApiGateway(
            int port,
            List<CloudTemplate.Route> routes,
            Map<String, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions,
            LocalAuth auth)
            throws IOException {
        this.routes = List.copyOf(routes);
        this.functions = Map.copyOf(functions);
        this.auth = auth;
        this.server = listen(port);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
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

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            LocalCors cors = this.cors;
            if (cors != null && cors.apply(exchange)) return;
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String rawPath = exchange.getRequestURI().getRawPath();
            Optional<Match> match = match(method, rawPath);
            if (match.isEmpty()) {
                send(
                        exchange,
                        404,
                        Map.of("Content-Type", "application/json"),
                        "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                send(
                        exchange,
                        413,
                        Map.of("Content-Type", "application/json"),
                        "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, String> claims = null;
            if (!match.get().route().open()) {
                Optional<Map<String, String>> verified =
                        auth.verify(exchange.getRequestHeaders().getFirst("Authorization"));
                if (verified.isEmpty()) {
                    send(
                            exchange,
                            401,
                            Map.of("Content-Type", "application/json", "WWW-Authenticate", "Bearer"),
                            "{\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                claims = verified.get();
            }
            APIGatewayV2HTTPEvent event = event(exchange, match.get(), body, claims);
            APIGatewayV2HTTPResponse response;
            try {
                response = functions.get(match.get().route().function()).apply(event);
            } catch (RuntimeException e) {
                // what API Gateway answers when the function itself fails
                send(
                        exchange,
                        500,
                        Map.of("Content-Type", "application/json"),
                        "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] out = response.getBody() == null
                    ? new byte[0]
                    : response.getIsBase64Encoded()
                            ? Base64.getDecoder().decode(response.getBody())
                            : response.getBody().getBytes(StandardCharsets.UTF_8);
            send(
                    exchange,
                    response.getStatusCode(),
                    response.getHeaders() == null ? Map.of() : response.getHeaders(),
                    out);
        } catch (RuntimeException e) {
            send(
                    exchange,
                    400,
                    Map.of("Content-Type", "application/json"),
                    "{\"message\":\"Bad Request\"}".getBytes(StandardCharsets.UTF_8));
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
                    else params.put(pattern[i].substring(1, pattern[i].length() - 1), decode(segments[i]));
                } else {
                    ok = pattern[i].equals(segments[i]);
                }
            }
            if (ok) return Optional.of(new Match(route, params));
        }
        return Optional.empty();
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private APIGatewayV2HTTPEvent event(HttpExchange exchange, Match match, byte[] body, Map<String, String> claims) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("cookie")) {
                for (String v : values) for (String c : v.split(";\\s*")) cookies.add(c);
            } else {
                headers.put(key, String.join(",", values));
            }
        });
        String rawQuery =
                Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        Map<String, String> query = new LinkedHashMap<>();
        if (!rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.merge(name, value, (a, b) -> a + "," + b);
            }
        }
        Instant now = Instant.now();
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(exchange.getRequestMethod().toUpperCase(Locale.ROOT))
                .withPath(exchange.getRequestURI().getRawPath())
                .withProtocol("HTTP/1.1")
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(headers.getOrDefault("user-agent", ""))
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("000000000000")
                .withApiId("local")
                .withDomainName(headers.getOrDefault("host", "127.0.0.1"))
                .withDomainPrefix("local")
                .withHttp(http)
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey(match.route().routeKey())
                .withStage("$default")
                .withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli());
        if (claims != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                            .builder()
                            .withClaims(claims)
                            .withScopes(null)
                            .build())
                    .build());
        }
        String text = utf8(body);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.route().routeKey())
                .withRawPath(exchange.getRequestURI().getRawPath())
                .withRawQueryString(rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(match.parameters().isEmpty() ? null : match.parameters())
                .withRequestContext(context.build())
                .withBody(
                        body.length == 0
                                ? null
                                : text != null ? text : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && text == null)
                .build();
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
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
        server.stop(0);
        executor.shutdownNow();
    }
}
