package newsroom.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CloudFront KeyValueStore's HTTP API as far as the renderer uses it (DescribeKeyValueStore,
 * GetKey, UpdateKeys with If-Match), on a loopback port: the service has no local counterpart.
 * It can throttle, conflict (another writer moved the ETag on) or fail, and it keeps the headers
 * of every request so that tests can check the signature's kind and scope.
 */
final class KeyValueStoreServer implements AutoCloseable {
    static final String ARN = "arn:aws:cloudfront::123456789012:key-value-store/0c1d7c4e-redirects";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> entries = new TreeMap<>();
    private int version = 1;
    private final List<Map<String, List<String>>> requests = new ArrayList<>();
    private final List<Integer> updateSizes = new ArrayList<>();
    final AtomicInteger throttleNext = new AtomicInteger();
    final AtomicInteger conflictNext = new AtomicInteger();
    volatile boolean failing;

    KeyValueStoreServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized Map<String, String> entries() {
        return Map.copyOf(entries);
    }

    synchronized void put(String key, String value) {
        entries.put(key, value);
        version++;
    }

    synchronized List<Map<String, List<String>>> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Integer> updateSizes() {
        return List.copyOf(updateSizes);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(Map.copyOf(exchange.getRequestHeaders()));
            String prefix = "/key-value-stores/" + encode(ARN);
            String path = exchange.getRequestURI().getRawPath();
            if (!path.startsWith(prefix)) {
                answer(exchange, 404, "{\"Message\":\"no such store\"}", null);
                return;
            }
            if (failing) {
                answer(exchange, 500, "{\"__type\":\"InternalServerException\"}", null);
                return;
            }
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(exchange, 429, "{\"__type\":\"ThrottlingException\"}", null);
                return;
            }
            String rest = path.substring(prefix.length());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && rest.isEmpty()) {
                answer(exchange, 200, "{\"KvsARN\":\"" + ARN + "\",\"ItemCount\":" + entries.size() + "}", etag());
            } else if (method.equals("GET") && rest.startsWith("/keys/")) {
                String key = URLDecoder.decode(rest.substring("/keys/".length()), StandardCharsets.UTF_8);
                String value = entries.get(key);
                if (value == null) answer(exchange, 404, "{\"__type\":\"ResourceNotFoundException\"}", null);
                else
                    answer(
                            exchange,
                            200,
                            JSON.createObjectNode()
                                    .put("Key", key)
                                    .put("Value", value)
                                    .toString(),
                            null);
            } else if (method.equals("POST") && rest.equals("/keys")) {
                update(exchange);
            } else {
                answer(exchange, 405, "{}", null);
            }
        }
    }

    private void update(HttpExchange exchange) throws IOException {
        if (conflictNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) version++; // another writer came first
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        if (!etag().equals(ifMatch)) {
            answer(exchange, 409, "{\"__type\":\"ConflictException\"}", null);
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        updateSizes.add(body.path("Puts").size() + body.path("Deletes").size());
        for (JsonNode put : body.path("Puts"))
            entries.put(put.get("Key").asText(), put.get("Value").asText());
        for (JsonNode delete : body.path("Deletes"))
            entries.remove(delete.get("Key").asText());
        version++;
        answer(exchange, 200, "{\"ItemCount\":" + entries.size() + "}", etag());
    }

    private String etag() {
        return "KV" + version;
    }

    private static void answer(HttpExchange exchange, int status, String body, String etag) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (etag != null) exchange.getResponseHeaders().set("ETag", etag);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String encode(String value) {
        return software.amazon.awssdk.utils.http.SdkHttpUtils.urlEncode(value);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
