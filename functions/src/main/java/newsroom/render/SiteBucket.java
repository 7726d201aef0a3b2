package newsroom.render;

import java.util.List;
import java.util.Optional;

/** The bucket that holds the public site: pages go in as bytes with their HTTP metadata. */
public interface SiteBucket {

    /** What a put did: objects whose bytes did not change are not written again. */
    enum Write {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    default Write putIfChanged(String key, byte[] body, String contentType, String cacheControl) {
        return putIfChanged(key, body, contentType, cacheControl, () -> {});
    }

    /**
     * Like {@link #putIfChanged(String, byte[], String, String)}, running {@code beforeReplace} once
     * it is known that an existing object will be replaced and before it is: what must outlive the
     * write (the intent to invalidate it) is recorded first, and a failure there stops the write.
     */
    Write putIfChanged(String key, byte[] body, String contentType, String cacheControl, Runnable beforeReplace);

    /** Deletes the object; returns whether there was one. */
    default boolean delete(String key) {
        return delete(key, () -> {});
    }

    /** Deletes the object, running {@code beforeDelete} first if there is one to delete. */
    boolean delete(String key, Runnable beforeDelete);

    Optional<byte[]> get(String key);

    List<String> keys(String prefix);
}
