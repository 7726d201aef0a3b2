package newsroom.store;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/** Invalidates changed paths on a CloudFront distribution, in one request per batch. */
public final class CloudFrontCdn implements Cdn {
    // CloudFront accepts up to 3,000 paths in one invalidation
    private static final int MAX_PATHS = 3000;
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
            cloudFront.createInvalidation(b -> b.distributionId(distributionId)
                    .invalidationBatch(
                            batch -> batch.callerReference(UUID.randomUUID().toString())
                                    .paths(p -> p.quantity(chunk.size()).items(chunk))));
        }
    }
}
