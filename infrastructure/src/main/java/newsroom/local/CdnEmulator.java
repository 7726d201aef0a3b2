package newsroom.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.Iterator;
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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
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
    private static final Pattern S_MAXAGE = Pattern.compile("s-maxage=(\\d+)");
    private static final Pattern MAX_AGE = Pattern.compile("(?<![-\\w])max-age=(\\d+)");
    private static final Pattern STALE_WHILE_REVALIDATE = Pattern.compile("stale-while-revalidate=(\\d+)");
    private static final Pattern STALE_IF_ERROR = Pattern.compile("stale-if-error=(\\d+)");
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

    /**
     * An object at the edge: fresh until {@code freshUntil}, then served stale while it is
     * revalidated until {@code revalidateUntil}, or when the origin fails until {@code staleIfErrorUntil}.
     */
    private record Cached(
            int status,
            byte[] body,
            String contentType,
            String cacheControl,
            String etag,
            long freshUntil,
            long revalidateUntil,
            long staleIfErrorUntil) {
        long bytes() {
            return body.length + 200L + (cacheControl == null ? 0 : cacheControl.length());
        }
    }

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
            CloudFrontFunction.Result decided = viewerRequest.run(viewerRequest(exchange));
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
     * The viewer's request as CloudFront hands it to the URL function: the path exactly as sent. The
     * JDK's URI reads an origin-form target such as {@code //evil.example/x} as a host and a path;
     * its string form keeps what was sent.
     */
    private static CloudFrontFunction.Request viewerRequest(HttpExchange exchange) {
        java.net.URI target = exchange.getRequestURI();
        String raw = target.getScheme() != null
                ? target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                : target.toString();
        int hash = raw.indexOf('#');
        if (hash >= 0) raw = raw.substring(0, hash);
        int q = raw.indexOf('?');
        String path = q < 0 ? raw : raw.substring(0, q);
        String query = q < 0 ? null : raw.substring(q + 1);
        Map<String, java.util.List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach(headers::put);
        return new CloudFrontFunction.Request(
                exchange.getRequestMethod(),
                path,
                query,
                headers,
                exchange.getRemoteAddress().getAddress().getHostAddress());
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
        long now = clock.millis();
        long fresh = now + ttlMillis(cacheControl);
        return new Cached(
                status,
                body,
                contentType,
                cacheControl,
                etag,
                fresh,
                fresh + seconds(STALE_WHILE_REVALIDATE, cacheControl) * 1000,
                fresh + seconds(STALE_IF_ERROR, cacheControl) * 1000);
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

    static long ttlMillis(String cacheControl) {
        if (cacheControl == null) return 0;
        Matcher shared = S_MAXAGE.matcher(cacheControl);
        if (shared.find()) return Long.parseLong(shared.group(1)) * 1000;
        Matcher max = MAX_AGE.matcher(cacheControl);
        return max.find() ? Long.parseLong(max.group(1)) * 1000 : 0;
    }

    private static long seconds(Pattern directive, String cacheControl) {
        if (cacheControl == null) return 0;
        Matcher m = directive.matcher(cacheControl);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /**
     * The edge's cache, bounded by entries and bytes: the least recently used objects go first, so
     * a crawl of distinct missing paths cannot grow it without end.
     */
    private static final class EdgeCache {
        private final int maxEntries;
        private final long maxBytes;
        private final LinkedHashMap<String, Cached> entries = new LinkedHashMap<>(256, 0.75f, true);
        private long bytes;

        EdgeCache(int maxEntries, long maxBytes) {
            this.maxEntries = maxEntries;
            this.maxBytes = maxBytes;
        }

        synchronized Cached get(String key) {
            return entries.get(key);
        }

        synchronized void put(String key, Cached value) {
            if (value.bytes() > maxBytes) {
                remove(key);
                return;
            }
            Cached old = entries.put(key, value);
            if (old != null) bytes -= old.bytes();
            bytes += value.bytes();
            Iterator<Map.Entry<String, Cached>> eldest = entries.entrySet().iterator();
            while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
                bytes -= eldest.next().getValue().bytes();
                eldest.remove();
            }
        }

        synchronized void remove(String key) {
            Cached old = entries.remove(key);
            if (old != null) bytes -= old.bytes();
        }

        synchronized void removeIf(Predicate<String> key) {
            Iterator<Map.Entry<String, Cached>> all = entries.entrySet().iterator();
            while (all.hasNext()) {
                Map.Entry<String, Cached> e = all.next();
                if (key.test(e.getKey())) {
                    bytes -= e.getValue().bytes();
                    all.remove();
                }
            }
        }

        synchronized int entries() {
            return entries.size();
        }

        synchronized long bytes() {
            return bytes;
        }
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
