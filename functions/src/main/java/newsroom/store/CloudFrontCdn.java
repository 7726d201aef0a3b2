package newsroom.store;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import newsroom.render.Cdn;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.TooManyInvalidationsInProgressException;

/** Invalidates changed paths on a CloudFront distribution, in one request per batch. */
public final class CloudFrontCdn implements Cdn {
    // CloudFront accepts up to 3,000 paths in one invalidation
    public static final int MAX_PATHS = 3000;
    private final CloudFrontClient cloudFront;
    private final String distributionId;

    public CloudFrontCdn(CloudFrontClient cloudFront, String distributionId) {
        this.cloudFront = cloudFront;
        this.distributionId = distributionId;
    }

    @Override
    public void invalidate(Collection<String> paths) {
        if (paths.isEmpty()) return;
        List<String> all = List.copyOf(paths);
        for (int from = 0; from < all.size(); from += MAX_PATHS) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + MAX_PATHS));
            try {
                cloudFront.createInvalidation(b -> b.distributionId(distributionId)
                        .invalidationBatch(
                                batch -> batch.callerReference(UUID.randomUUID().toString())
                                        .paths(p -> p.quantity(chunk.size()).items(chunk))));
            } catch (TooManyInvalidationsInProgressException e) {
                throw new Busy("CloudFront has too many invalidations in progress", e);
            } catch (SdkException e) {
                if (throttled(e)) throw new Busy("CloudFront throttled the invalidation", e);
                throw e;
            }
        }
    }

    /** Throttling as the SDK names it (after its own retries), whatever the error code's spelling. */
    static boolean throttled(SdkException e) {
        return e instanceof SdkServiceException service
                && (service.isThrottlingException() || service.statusCode() == 429 || service.statusCode() == 503);
    }
}
