package newsroom.local;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import newsroom.local.EdgeCache.Cached;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * How the CDN emulator's edge gets an object: from its {@link EdgeCache} while fresh, from the
 * bucket otherwise (conditionally, with If-None-Match), stale while a background revalidation runs
 * or while the bucket fails, and the 404 page for a missing key. The HTTP side is {@link
 * CdnEmulator}'s; this is the edge's cache policy and its conversation with the origin.
 */
final class EdgeOrigin implements AutoCloseable {
    private final ExecutorService revalidator = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cdn-revalidate");
        t.setDaemon(true);
        return t;
    });
    private final S3Client s3;
    private final String bucket;
    private final EdgeCache cache;
    private final Set<String> revalidating = ConcurrentHashMap.newKeySet();
    private final AtomicLong originRequests = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final long notFoundTtlMillis;
    private final Clock clock;

    EdgeOrigin(S3Client s3, String bucket, long notFoundTtlSeconds, Clock clock, int maxEntries, long maxBytes) {
        this.s3 = s3;
        this.bucket = bucket;
        this.notFoundTtlMillis = notFoundTtlSeconds * 1000;
        this.clock = clock;
        this.cache = new EdgeCache(maxEntries, maxBytes);
    }

    /** What the edge answers for {@code path} (as the URL function forwarded it): the object, or the 404 page. */
    Cached answer(String path) {
        Cached object = fetch(key(path));
        return object.status() == 404 ? notFoundPage() : object;
    }

    /** Drops {@code path} from the edge, or everything under it when it ends in {@code *}. */
    void invalidate(String path) {
        if (path.endsWith("*")) {
            String prefix = key(path.substring(0, path.length() - 1));
            cache.removeIf(k -> k.startsWith(prefix));
        } else {
            cache.remove(key(path));
        }
    }

    long originRequests() {
        return originRequests.get();
    }

    long notModified() {
        return notModified.get();
    }

    int cachedEntries() {
        return cache.entries();
    }

    long cachedBytes() {
        return cache.bytes();
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

    private static String key(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    @Override
    public void close() {
        revalidator.shutdownNow();
    }
}
