package newsroom.image;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the uploads bucket: objects by bucket and key. */
final class InMemoryUploads implements Uploads {
    final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    void put(String bucket, String key, byte[] bytes) {
        objects.put(bucket + "/" + key, bytes);
    }

    boolean has(String bucket, String key) {
        return objects.containsKey(bucket + "/" + key);
    }

    @Override
    public Optional<byte[]> read(String bucket, String key, long limit) {
        byte[] b = objects.get(bucket + "/" + key);
        if (b == null) return Optional.empty();
        return Optional.of(b.length > limit ? java.util.Arrays.copyOf(b, (int) limit + 1) : b);
    }

    @Override
    public void delete(String bucket, String key) {
        objects.remove(bucket + "/" + key);
    }
}
