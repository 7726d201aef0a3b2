package newsroom.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import newsroom.local.EdgeCache.Cached;
import newsroom.render.Cdn;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Serves the site bucket the way CloudFront does with the template's URL function and headers
 * policy: the URL function's own code runs on every request (directory index, redirects, refusals),
 * then the bucket's content types, the security headers, an edge cache honouring s-maxage,
 * stale-while-revalidate and stale-if-error and revalidating with If-None-Match, bounded in
 * entries and bytes, invalidation, and the 404 page. This class is the HTTP side (the URL function,
 * headers, conditional answers, compression); what the edge holds and when it asks the bucket is
 * {@link EdgeOrigin}'s.
 */
public final class CdnEmulator implements Cdn, AutoCloseable {
    /** How many objects, and how many bytes of them, the edge keeps before it evicts the least used. */
    public static final int MAX_ENTRIES = 10_000;

    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final Map<String, String> securityHeaders;
    private final EdgeOrigin edge;
    private final AtomicLong invalidatedPaths = new AtomicLong();
    private final List<String> invalidated = new CopyOnWriteArrayList<>();
    private final CloudFrontFunction viewerRequest;

    public CdnEmulator(
            int port,
            S3Client s3,
            String bucket,
            Map<String, String> securityHeaders,
            long notFoundTtlSeconds,
            CloudFrontFunction viewerRequest)
            throws IOException {
        this(
                port,
                s3,
                bucket,
                securityHeaders,
                notFoundTtlSeconds,
                viewerRequest,
                Clock.systemUTC(),
                MAX_ENTRIES,
                MAX_BYTES);
    }

    /** An emulator on its own clock and with its own cache bounds (tests move time on and fill it). */
    public CdnEmulator(
            int port,
            S3Client s3,
            String bucket,
            Map<String, String> securityHeaders,
            long notFoundTtlSeconds,
            CloudFrontFunction viewerRequest,
            Clock clock,
            int maxEntries,
            long maxBytes)
            throws IOException {
        this.viewerRequest = viewerRequest;
        this.edge = new EdgeOrigin(s3, bucket, notFoundTtlSeconds, clock, maxEntries, maxBytes);
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

    /** Every path invalidated so far, in order (a path each time it was invalidated). */
    public List<String> invalidated() {
        return List.copyOf(invalidated);
    }

    /** Requests sent to the bucket, conditional ones included. */
    public long originRequests() {
        return edge.originRequests();
    }

    /** Conditional requests the bucket answered 304 Not Modified. */
    public long notModified() {
        return edge.notModified();
    }

    /** Objects at the edge, and their bytes. */
    public int cachedEntries() {
        return edge.cachedEntries();
    }

    public long cachedBytes() {
        return edge.cachedBytes();
    }

    @Override
    public void invalidate(Collection<String> paths) {
        for (String path : paths) {
            invalidatedPaths.incrementAndGet();
            invalidated.add(path);
            edge.invalidate(path);
        }
    }

    /** A short plain-text answer of the edge itself (no object of the bucket behind it). */
    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, Map.of("Content-Type", "text/plain"), text.getBytes(StandardCharsets.UTF_8), false);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                sendText(exchange, 403, "Method not allowed");
                return;
            }
            CloudFrontFunction.Result decided = viewerRequest.run(ViewerRequests.of(exchange));
            if (decided instanceof CloudFrontFunction.Result.Respond answer) {
                Map<String, String> headers = new LinkedHashMap<>();
                answer.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
                headers.putAll(securityHeaders);
                send(exchange, answer.status(), headers, answer.body(), false);
                return;
            }
            if (decided instanceof CloudFrontFunction.Result.Failed failed) {
                System.err.println("CDN: the URL function failed: " + failed.reason());
                sendText(exchange, 503, "The CloudFront function returned an error");
                return;
            }
            String uri;
            try {
                // the origin (S3) reads the forwarded URI's percent-encoding as the key
                uri = URLDecoder.decode(
                        ((CloudFrontFunction.Result.Forward) decided).uri().replace("+", "%2B"),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                sendText(exchange, 400, "Bad request");
                return;
            }
            Cached object = edge.answer(uri);
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

    private static boolean compressible(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("javascript");
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
        edge.close();
    }
}
