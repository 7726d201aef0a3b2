package newsroom.store;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import newsroom.api.MediaUploads;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Presigned S3 PUTs, bound to the content type, length and cache control the staff member
 * declared, signed into the URL's query as the S3 presigner signs them (Signature Version 4,
 * unsigned payload, the key's path neither normalised nor encoded twice). The signer is the one
 * every SDK client already carries, so the API needs no S3 client module for its one S3 call.
 */
public final class S3MediaUploads implements MediaUploads {
    private static final String SERVICE = "s3";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final String region;
    private final Optional<URI> endpointOverride;
    private final String bucket;
    private final Clock clock;

    /**
     * @param endpointOverride an S3-compatible endpoint, addressed by path ({@code endpoint/bucket/key});
     *     without one, the bucket's virtual-hosted regional address, as the S3 presigner makes it
     */
    public S3MediaUploads(
            IdentityProvider<? extends AwsCredentialsIdentity> credentials,
            String region,
            Optional<URI> endpointOverride,
            String bucket,
            Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.endpointOverride = endpointOverride;
        this.bucket = bucket;
        this.clock = clock;
    }

    @Override
    public URL presignPut(String key, String contentType, long contentLength, Duration validFor) {
        SdkHttpRequest request = address(key)
                .method(SdkHttpMethod.PUT)
                .putHeader("Content-Type", contentType)
                .putHeader("Content-Length", Long.toString(contentLength))
                .putHeader("Cache-Control", CACHE_CONTROL)
                .build();
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        SdkHttpRequest signed = signer.sign(r -> r.identity(identity)
                        .request(request)
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(
                                AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, validFor)
                        .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                        .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock))
                .request();
        try {
            return signed.getUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("the signed upload address is not a URL", e);
        }
    }

    private SdkHttpRequest.Builder address(String key) {
        String path = "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        if (endpointOverride.isPresent()) {
            URI endpoint = endpointOverride.get();
            String base =
                    endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
            return SdkHttpRequest.builder()
                    .protocol(endpoint.getScheme())
                    .host(endpoint.getHost())
                    .port(endpoint.getPort())
                    .encodedPath(base + "/" + SdkHttpUtils.urlEncode(bucket) + path);
        }
        return SdkHttpRequest.builder()
                .protocol("https")
                .host(bucket + ".s3." + region + ".amazonaws.com")
                .encodedPath(path);
    }
}
