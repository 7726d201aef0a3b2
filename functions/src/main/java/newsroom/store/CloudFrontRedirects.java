package newsroom.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import newsroom.render.Redirects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4aHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.RegionSet;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The redirect store in AWS: the distribution's CloudFront KeyValueStore, which the URL function
 * reads at the edge. Spoken to over its HTTP API (DescribeKeyValueStore, GetKey, UpdateKeys), the
 * same requests the SDK's generated client would send, signed with Signature Version 4A as the
 * service requires; the SDK publishes no client for it in the release this build uses.
 *
 * <p>An update names the store's current ETag, so two renderers never overwrite each other: a
 * conflict reads the ETag again and retries, as throttling does, with bounded backoff; after the
 * last attempt the batch fails and the stream retries it (following the store is idempotent).
 */
public final class CloudFrontRedirects implements Redirects {
    static final String SIGNING_NAME = "cloudfront-keyvaluestore";
    // UpdateKeys takes at most 50 puts and deletes together
    static final int MAX_EDITS = 50;
    private static final JsonFactory JSON = new JsonFactory();

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String storeArn;
    private final URI endpoint;
    private final Backoff backoff;
    private final AwsV4aHttpSigner signer;

    public CloudFrontRedirects(
            SdkHttpClient http, AwsCredentialsProvider credentials, String storeArn, URI endpoint, Backoff backoff) {
        this.http = http;
        this.credentials = credentials;
        this.storeArn = storeArn;
        this.endpoint = endpoint;
        this.backoff = backoff;
        // loads the native CRT library; the renderer builds this store on first use only
        this.signer = AwsV4aHttpSigner.create();
    }

    /** The store's endpoint in AWS: a host of the store's own account, as the SDK's endpoint rules build it. */
    public static URI endpointOf(String storeArn) {
        String[] parts = storeArn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals("cloudfront") || parts[4].isEmpty()) {
            throw new IllegalArgumentException("not a CloudFront key value store ARN: " + storeArn);
        }
        return URI.create("https://" + parts[4] + ".cloudfront-kvs.global.api.aws");
    }

    @Override
    public Optional<String> get(String key) {
        return backoff.call("read redirect " + key, this::retryable, () -> {
            Answer answer = send(SdkHttpMethod.GET, storePath() + "/keys/" + SdkHttpUtils.urlEncode(key), null, null);
            if (answer.status() == 404) return Optional.<String>empty();
            answer.requireOk("GetKey");
            return Optional.of(field(answer.body(), "Value"));
        });
    }

    @Override
    public void update(List<Edit> edits) {
        for (int from = 0; from < edits.size(); from += MAX_EDITS) {
            List<Edit> chunk = edits.subList(from, Math.min(edits.size(), from + MAX_EDITS));
            byte[] body = updateBody(chunk);
            backoff.call("update redirects", this::retryable, () -> {
                Answer described = send(SdkHttpMethod.GET, storePath(), null, null);
                described.requireOk("DescribeKeyValueStore");
                String etag = described.etag();
                send(SdkHttpMethod.POST, storePath() + "/keys", etag, body).requireOk("UpdateKeys");
                return null;
            });
        }
    }

    /** Answers worth another try: throttled, busy, or an ETag another writer moved on meanwhile. */
    private boolean retryable(SdkServiceException e) {
        return Backoff.isThrottling(e) || e.statusCode() == 409 || e.statusCode() == 412 || e.statusCode() >= 500;
    }

    private String storePath() {
        return "/key-value-stores/" + SdkHttpUtils.urlEncode(storeArn);
    }

    private Answer send(SdkHttpMethod method, String path, String ifMatch, byte[] body) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(method)
                .protocol(endpoint.getScheme())
                .host(endpoint.getHost())
                .port(endpoint.getPort())
                .encodedPath(path)
                .putHeader("Accept", "application/json");
        if (ifMatch != null) request.putHeader("If-Match", ifMatch);
        ContentStreamProvider payload = null;
        if (body != null) {
            request.putHeader("Content-Type", "application/json").putHeader("Content-Length", "" + body.length);
            payload = ContentStreamProvider.fromByteArray(body);
        }
        ContentStreamProvider signedPayload = payload;
        var signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(request.build())
                .payload(signedPayload)
                .putProperty(AwsV4aHttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4aHttpSigner.REGION_SET, RegionSet.create("*")));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                            .request(signed.request())
                            .contentStreamProvider(signed.payload().orElse(null))
                            .build())
                    .call();
            byte[] answer;
            Optional<? extends InputStream> stream = response.responseBody();
            try (InputStream in = stream.isPresent() ? stream.get() : InputStream.nullInputStream()) {
                answer = in.readAllBytes();
            }
            return new Answer(
                    response.httpResponse().statusCode(),
                    response.httpResponse().firstMatchingHeader("ETag").orElse(null),
                    answer);
        } catch (IOException e) {
            throw new UncheckedIOException("the redirect store did not answer", e);
        }
    }

    private static byte[] updateBody(List<Edit> edits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Puts");
            for (Edit edit : edits) {
                if (edit instanceof Edit.Put put) {
                    json.writeStartObject();
                    json.writeStringField("Key", put.key());
                    json.writeStringField("Value", put.value());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("Deletes");
            for (Edit edit : edits) {
                if (edit instanceof Edit.Remove remove) {
                    json.writeStartObject();
                    json.writeStringField("Key", remove.key());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A top-level string field of a JSON answer. */
    static String field(byte[] body, String name) {
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) throw new IllegalStateException("not a JSON object");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals(name) && value == JsonToken.VALUE_STRING) return json.getText();
                json.skipChildren();
            }
        } catch (IOException e) {
            throw new IllegalStateException("the redirect store's answer is not JSON", e);
        }
        throw new IllegalStateException("the redirect store's answer has no " + name);
    }

    private record Answer(int status, String etag, byte[] body) {
        void requireOk(String operation) {
            if (status / 100 == 2 && (!operation.equals("DescribeKeyValueStore") || etag != null)) return;
            // the error's type and message only: never the values we sent
            String type = "";
            try {
                type = field(body, "__type");
            } catch (IllegalStateException noType) {
                // some errors carry their type in a header only
            }
            throw SdkServiceException.builder()
                    .statusCode(status)
                    .message(operation + " answered " + status + (type.isEmpty() ? "" : " " + type))
                    .build();
        }
    }
}
