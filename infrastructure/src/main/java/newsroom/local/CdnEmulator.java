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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import newsroom.local.EdgeCache.Cached;
import newsroom.render.Cdn;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Serves the site bucket the way CloudFront does with the template's URL function and headers
 * policy: the URL function's own code runs on every request (directory index, redirects, refusals),
 * then the bucket's content types, the security headers, an edge cache honouring s-maxage,
 * stale-while-revalidate and stale-if-error and revalidating with If-None-Match, bounded in
 * entries and bytes, invalidation, and the 404 page.
 */
public final class CdnEmulator implements Cdn, AutoCloseable {
    /** How many objects, and how many bytes of them, the edge keeps before it evicts the least used. */
    public static final int MAX_ENTRIES = 10_000;

    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final ExecutorService revalidator = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cdn-revalidate");
        t.setDaemon(true);
        return t;
    });
    private final S3Client s3;
    private final String bucket;
    private final Map<String, String> securityHeaders;
    private final EdgeCache cache;
    private final Set<String> revalidating = ConcurrentHashMap.newKeySet();
    private final AtomicLong invalidatedPaths = new AtomicLong();
    private final List<String> invalidated = new CopyOnWriteArrayList<>();
    private final AtomicLong originRequests = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final long notFoundTtlMillis;
    private final Clock clock;
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
        this.notFoundTtlMillis = notFoundTtlSeconds * 1000;
        this.clock = clock;
        this.cache = new EdgeCache(maxEntries, maxBytes);
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

    /** Every path invalidated so far, in order (a path each time it was invalidated). */
    public List<String> invalidated() {
        return List.copyOf(invalidated);
    }

    /** Requests sent to the bucket, conditional ones included. */
    public long originRequests() {
        return originRequests.get();
    }

    /** Conditional requests the bucket answered 304 Not Modified. */
    public long notModified() {
        return notModified.get();
    }

    /** Objects at the edge, and their bytes. */
    public int cachedEntries() {
        return cache.entries();
    }

    public long cachedBytes() {
        return cache.bytes();
    }

    @Override
    public void invalidate(Collection<String> paths) {
        for (String path : paths) {
            invalidatedPaths.incrementAndGet();
            invalidated.add(path);
            if (path.endsWith("*")) {
                String prefix = key(path.substring(0, path.length() - 1));
                cache.removeIf(k -> k.startsWith(prefix));
            } else {
                cache.remove(key(path));
            }
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

    /**
     * The object as CloudFront's edge answers it: from the cache while fresh; stale while a
     * revalidation runs in the background within stale-while-revalidate; else revalidated with
     * If-None-Match, a 304 keeping the body and renewing its freshness; stale within
     * stale-if-error when the bucket fails; and every error of the bucket answered with a status.
     */
    private Cached fetch(String key) {
        long now = clock.millis();
        Cached hit = cache.get(key);
        if (hit != null && hit.freshUntil() > now) return hit;
        if (hit != null && hit.status() == 200 && hit.revalidateUntil() > now) {
            if (revalidating.add(key)) {
                revalidator.submit(() -> {
                    try {
                        origin(key, hit);
                    } catch (RuntimeException e) {
                        System.err.println("cdn: background revalidation failed: " + e);
                    } finally {
                        revalidating.remove(key);
                    }
                });
            }
            return hit;
        }
        return origin(key, hit);
    }

    /** Asks the bucket (conditionally when something is cached) and caches what it says. */
    private Cached origin(String key, Cached cached) {
        String etag = cached != null && cached.status() == 200 ? cached.etag() : null;
        Cached fresh;
        try {
            originRequests.incrementAndGet();
            ResponseBytes<GetObjectResponse> object =
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).ifNoneMatch(etag));
            GetObjectResponse r = object.response();
            fresh = cached(
                    200,
                    object.asByteArray(),
                    Optional.ofNullable(r.contentType()).orElse("application/octet-stream"),
                    r.cacheControl(),
                    r.eTag());
        } catch (NoSuchKeyException e) {
            long now = clock.millis();
            fresh = new Cached(404, new byte[0], "text/plain", null, null, now + notFoundTtlMillis, 0, 0);
        } catch (S3Exception e) {
            if (e.statusCode() == 304 && etag != null) {
                notModified.incrementAndGet();
                // the 304's own Cache-Control, when it sends one, is what the renewed copy lives by
                String control = e.awsErrorDetails() == null
                        ? null
                        : e.awsErrorDetails()
                                .sdkHttpResponse()
                                .firstMatchingHeader("Cache-Control")
                                .orElse(null);
                fresh = cached(
                        200,
                        cached.body(),
                        cached.contentType(),
                        control == null ? cached.cacheControl() : control,
                        cached.etag());
            } else if (e.statusCode() == 404 || e.statusCode() == 403) {
                // CloudFront may not list the bucket: a missing key is a 403, which the template maps to 404
                long now = clock.millis();
                fresh = new Cached(404, new byte[0], "text/plain", null, null, now + notFoundTtlMillis, 0, 0);
            } else if (e.statusCode() >= 500) {
                return staleOr(cached, e.statusCode() == 503 ? 503 : 502, e);
            } else {
                // the bucket refused the request (InvalidURI, KeyTooLongError...): so does the edge
                return error(e.statusCode(), "Bad request");
            }
        } catch (SdkException e) {
            return staleOr(cached, 502, e);
        }
        cache.put(key, fresh);
        return fresh;
    }

    private Cached cached(int status, byte[] body, String contentType, String cacheControl, String etag) {
        return Cached.fromOrigin(status, body, contentType, cacheControl, etag, clock.millis());
    }

    /** What the bucket's failure leaves a reader: the stale copy while stale-if-error allows, else a 5xx. */
    private Cached staleOr(Cached cached, int status, Exception failure) {
        if (cached != null && cached.status() == 200 && cached.staleIfErrorUntil() > clock.millis()) return cached;
        System.err.println("cdn: origin failed: " + failure);
        return error(status, status == 503 ? "Service unavailable" : "Bad gateway");
    }

    private static Cached error(int status, String text) {
        return new Cached(
                status, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", "no-store", null, 0, 0, 0);
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
                    0,
                    0,
                    0);
        }
        return new Cached(404, page.body(), page.contentType(), "public, max-age=10", null, 0, 0, 0);
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
        revalidator.shutdownNow();
    }
}
