package newsroom.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import newsroom.image.Uploads;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Uploads on S3: reads stop at a limit, so an object larger than any upload cannot fill memory. */
public final class S3Uploads implements Uploads {
    private final S3Client s3;

    public S3Uploads(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Optional<byte[]> read(String bucket, String key, long limit) {
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            return Optional.of(in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8)));
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String bucket, String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }
}
