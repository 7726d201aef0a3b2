package newsroom.store;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import newsroom.render.SiteBucket;

/**
 * A fake of the site bucket for unit tests: objects in a map, with their HTTP metadata, and a count
 * of the requests that would have cost a PUT or a DELETE.
 */
public final class InMemorySiteBucket implements SiteBucket {

    /** A stored object. */
    public record StoredObject(byte[] body, String contentType, String cacheControl) {}

    private final Map<String, StoredObject> objects = new ConcurrentSkipListMap<>();
    private final AtomicLong puts = new AtomicLong();
    private final AtomicLong deletes = new AtomicLong();

    @Override
    public Write putIfChanged(
            String key, byte[] body, String contentType, String cacheControl, Runnable beforeReplace) {
        StoredObject fresh = new StoredObject(body.clone(), contentType, cacheControl);
        // compute() runs atomically per key, as S3's last-writer-wins does
        Write[] result = new Write[1];
        objects.compute(key, (k, old) -> {
            if (old != null
                    && Arrays.equals(old.body(), body)
                    && old.cacheControl().equals(cacheControl)) {
                result[0] = Write.UNCHANGED;
                return old;
            }
            result[0] = old == null ? Write.CREATED : Write.UPDATED;
            // a failure here leaves the old object, as a failed recording stops the real PUT
            if (old != null) beforeReplace.run();
            return fresh;
        });
        if (result[0] != Write.UNCHANGED) puts.incrementAndGet();
        return result[0];
    }

    @Override
    public boolean delete(String key, Runnable beforeDelete) {
        if (!objects.containsKey(key)) return false;
        beforeDelete.run();
        boolean existed = objects.remove(key) != null;
        if (existed) deletes.incrementAndGet();
        return existed;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(o -> o.body().clone());
    }

    @Override
    public List<String> keys(String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    public Optional<StoredObject> object(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    /** Objects written (created or replaced) since the bucket was made. */
    public long puts() {
        return puts.get();
    }

    /** Objects deleted since the bucket was made. */
    public long deletes() {
        return deletes.get();
    }
}
