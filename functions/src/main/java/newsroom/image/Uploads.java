package newsroom.image;

import java.util.Optional;

/** The private bucket that receives staff uploads as sent: read once, then kept or deleted. */
public interface Uploads {
    /** The object's bytes, at most {@code limit} of them; empty if it is gone. */
    Optional<byte[]> read(String bucket, String key, long limit);

    void delete(String bucket, String key);
}
