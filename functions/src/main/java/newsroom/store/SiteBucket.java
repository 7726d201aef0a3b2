package newsroom.store;

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

    Write putIfChanged(String key, byte[] body, String contentType, String cacheControl);

    /** Deletes the object; returns whether there was one. */
    boolean delete(String key);

    Optional<byte[]> get(String key);

    List<String> keys(String prefix);
}
