package newsroom.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import newsroom.render.SiteBucket;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The site bucket on S3: unchanged pages are detected by their MD5 ETag and not written. */
public final class S3SiteBucket implements SiteBucket {
    private final S3Client s3;
    private final String bucket;

    public S3SiteBucket(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Write putIfChanged(
            String key, byte[] body, String contentType, String cacheControl, Runnable beforeReplace) {
        String md5 = md5(body);
        Optional<HeadObjectResponse> head = head(key);
        if (head.isPresent()
                && head.get().eTag() != null
                && head.get().eTag().replace("\"", "").equalsIgnoreCase(md5)
                && cacheControl.equals(head.get().cacheControl())) {
            return Write.UNCHANGED;
        }
        if (head.isPresent()) beforeReplace.run();
        s3.putObject(
                b -> b.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl),
                RequestBody.fromBytes(body));
        return head.isPresent() ? Write.UPDATED : Write.CREATED;
    }

    @Override
    public boolean delete(String key, Runnable beforeDelete) {
        if (head(key).isEmpty()) return false;
        beforeDelete.run();
        s3.deleteObject(b -> b.bucket(bucket).key(key));
        return true;
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes =
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(bytes.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page =
                    s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).continuationToken(continuation));
            page.contents().forEach(o -> keys.add(o.key()));
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return keys;
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
    }

    static String md5(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
