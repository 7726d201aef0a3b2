package newsroom.local;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edge's cache, bounded by entries and bytes: the least recently used objects go first, so
 * a crawl of distinct missing paths cannot grow it without end. How long an object lives here is
 * read from its Cache-Control beside it, so the lifetimes and the store that honours them are
 * one place.
 */
final class EdgeCache {
    private static final Pattern S_MAXAGE = Pattern.compile("s-maxage=(\\d+)");
    private static final Pattern MAX_AGE = Pattern.compile("(?<![-\\w])max-age=(\\d+)");
    private static final Pattern STALE_WHILE_REVALIDATE = Pattern.compile("stale-while-revalidate=(\\d+)");
    private static final Pattern STALE_IF_ERROR = Pattern.compile("stale-if-error=(\\d+)");

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

    /**
     * An object at the edge: fresh until {@code freshUntil}, then served stale while it is
     * revalidated until {@code revalidateUntil}, or when the origin fails until {@code staleIfErrorUntil}.
     */
    record Cached(
            int status,
            byte[] body,
            String contentType,
            String cacheControl,
            String etag,
            long freshUntil,
            long revalidateUntil,
            long staleIfErrorUntil) {
        /**
         * An object from the origin, living by its Cache-Control as the edge reads it at {@code now}:
         * s-maxage over max-age, then stale-while-revalidate and stale-if-error counted from the end
         * of its freshness.
         */
        static Cached fromOrigin(
                int status, byte[] body, String contentType, String cacheControl, String etag, long now) {
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

        long bytes() {
            return body.length + 200L + (cacheControl == null ? 0 : cacheControl.length());
        }
    }

    /** How long the edge serves an object without asking: s-maxage is the shared caches' and wins. */
    private static long ttlMillis(String cacheControl) {
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
}
