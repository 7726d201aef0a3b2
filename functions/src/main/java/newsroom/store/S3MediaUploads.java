package newsroom.store;

import java.net.URL;
import java.time.Duration;
import newsroom.api.MediaUploads;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Presigned S3 PUTs, bound to the content type and length the staff member declared. */
public final class S3MediaUploads implements MediaUploads {
    private final S3Presigner presigner;
    private final String bucket;

    public S3MediaUploads(S3Presigner presigner, String bucket) {
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public URL presignPut(String key, String contentType, long contentLength, Duration validFor) {
        return presigner
                .presignPutObject(b -> b.signatureDuration(validFor)
                        .putObjectRequest(p -> p.bucket(bucket)
                                .key(key)
                                .contentType(contentType)
                                .contentLength(contentLength)
                                .cacheControl(CACHE_CONTROL)))
                .url();
    }
}
