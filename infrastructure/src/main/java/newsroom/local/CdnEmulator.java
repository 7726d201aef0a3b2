package newsroom.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import newsroom.store.Cdn;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Serves the site bucket the way CloudFront does with the template's URL function and headers
 * policy: index.html for directory paths, a redirect to add the slash, the bucket's content types,
 * the security headers, an edge cache honouring s-maxage, invalidation, and the 404 page.
 */
public final class CdnEmulator implements Cdn, AutoCloseable {
    private static final Pattern S_MAXAGE = Pattern.compile("s-maxage=(\\d+)");
    private static final Pattern MAX_AGE = Pattern.compile("(?<![-\\w])max-age=(\\d+)");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final S3Client s3;
    private final String bucket;
    private final Map<String, String> securityHeaders;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicLong invalidatedPaths = new AtomicLong();
    private final long notFoundTtlMillis;

    private record Cached(
            int status, byte[] body, String contentType, String cacheControl, String etag, long expires) {}

    public CdnEmulator(
            int port, S3Client s3, String bucket, Map<String, String> securityHeaders, long notFoundTtlSeconds)
            throws IOException {
        this.notFoundTtlMillis = notFoundTtlSeconds * 1000;
        this.s3 = s3;
        this.bucket = bucket;
        this.securityHeaders = Map.copyOf(securityHeaders);
        this.server = ApiGateway.listen(port);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Serves {@code path} and below with {@code handler} instead of the bucket (the editor, sign-in). */
    void mount(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    public long invalidatedPaths() {
        return invalidatedPaths.get();
    }

    @Override
    public void invalidate(Collection<String> paths) {
        for (String path : paths) {
            invalidatedPaths.incrementAndGet();
            if (path.endsWith("*")) {
                String prefix = key(path.substring(0, path.length() - 1));
                cache.keySet().removeIf(k -> k.startsWith(prefix));
            } else {
                cache.remove(key(path));
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(
                        exchange,
                        403,
                        Map.of("Content-Type", "text/plain"),
                        "Method not allowed".getBytes(StandardCharsets.UTF_8),
                        false);
                return;
            }
            String uri;
            try {
                uri = URLDecoder.decode(
                        exchange.getRequestURI().getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                send(
                        exchange,
                        400,
                        Map.of("Content-Type", "text/plain"),
                        "Bad request".getBytes(StandardCharsets.UTF_8),
                        false);
                return;
            }
            // the viewer-request URL function
            String last = uri.substring(uri.lastIndexOf('/') + 1);
            if (!uri.endsWith("/") && !last.contains(".")) {
                String query = exchange.getRequestURI().getRawQuery();
                Map<String, String> headers = new LinkedHashMap<>(securityHeaders);
                headers.put(
                        "Location", exchange.getRequestURI().getRawPath() + "/" + (query == null ? "" : "?" + query));
                send(exchange, 301, headers, new byte[0], false);
                return;
            }
            if (uri.endsWith("/")) uri = uri + "index.html";
            Cached object = fetch(key(uri));
            if (object.status() == 404) object = notFoundPage();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", object.contentType());
            if (object.cacheControl() != null) headers.put("Cache-Control", object.cacheControl());
            if (object.etag() != null) headers.put("ETag", object.etag());
            headers.putAll(securityHeaders);
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (object.status() == 200 && object.etag() != null && object.etag().equals(ifNoneMatch)) {
                send(exchange, 304, headers, new byte[0], false);
                return;
            }
            boolean gzip = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Accept-Encoding"))
                            .orElse("")
                            .contains("gzip")
                    && compressible(object.contentType())
                    && object.body().length > 1000;
            send(exchange, object.status(), headers, object.body(), gzip);
        }
    }

    private Cached fetch(String key) {
        long now = System.currentTimeMillis();
        Cached hit = cache.get(key);
        if (hit != null && hit.expires() > now) return hit;
        Cached fresh;
        try {
            ResponseBytes<GetObjectResponse> object =
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            GetObjectResponse r = object.response();
            fresh = new Cached(
                    200,
                    object.asByteArray(),
                    Optional.ofNullable(r.contentType()).orElse("application/octet-stream"),
                    r.cacheControl(),
                    r.eTag(),
                    now + ttlMillis(r.cacheControl()));
        } catch (NoSuchKeyException e) {
            fresh = new Cached(404, new byte[0], "text/plain", null, null, now + notFoundTtlMillis);
        }
        cache.put(key, fresh);
        return fresh;
    }

    private Cached notFoundPage() {
        Cached page = fetch("404.html");
        if (page.status() != 200) {
            return new Cached(
                    404,
                    "Not found".getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=utf-8",
                    "no-store",
                    null,
                    0);
        }
        return new Cached(404, page.body(), page.contentType(), "public, max-age=10", null, 0);
    }

    static long ttlMillis(String cacheControl) {
        if (cacheControl == null) return 0;
        Matcher shared = S_MAXAGE.matcher(cacheControl);
        if (shared.find()) return Long.parseLong(shared.group(1)) * 1000;
        Matcher max = MAX_AGE.matcher(cacheControl);
        return max.find() ? Long.parseLong(max.group(1)) * 1000 : 0;
    }

    private static boolean compressible(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("javascript");
    }

    private static String key(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body, boolean gzip)
            throws IOException {
        byte[] out = body;
        if (gzip) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (GZIPOutputStream zip = new GZIPOutputStream(buffer)) {
                zip.write(body);
            }
            out = buffer.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
        }
        ApiGateway.send(exchange, status, headers, out);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
