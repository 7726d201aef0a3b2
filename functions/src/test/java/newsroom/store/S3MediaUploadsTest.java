package newsroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import newsroom.api.MediaUploads;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The upload URL is the one the S3 presigner makes for the same PUT: the same address, the same
 * signed headers (content type, length and cache control, so an upload of anything else is
 * refused), scope and lifetime. Only the time and therefore the signature may differ, since the
 * two are made a moment apart (the signature itself is checked by S3Proxy in the upload tests).
 */
class S3MediaUploadsTest {
    private static final String KEY = "uploads/2026/12/0b5c7d3e-1f2a-4b6c-8d9e-0a1b2c3d4e5f.jpg";
    private static final Duration WINDOW = Duration.ofMinutes(10);

    @Test
    void signsThePutAsTheS3PresignerDoesOnAnEndpointByPath() {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret"));
        URI endpoint = URI.create("http://127.0.0.1:9000");
        try (S3Presigner presigner = S3Presigner.builder()
                .credentialsProvider(credentials)
                .region(Region.of("us-east-1"))
                .endpointOverride(endpoint)
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build()) {
            URL ours = new S3MediaUploads(
                            credentials, "us-east-1", Optional.of(endpoint), "uploads-bucket", Clock.systemUTC())
                    .presignPut(KEY, "image/jpeg", 12345, WINDOW);
            assertSame(theirs(presigner, "uploads-bucket"), ours);
            assertTrue(
                    ours.toString().startsWith("http://127.0.0.1:9000/uploads-bucket/" + KEY + "?"), ours.toString());
        }
    }

    @Test
    void signsThePutAsTheS3PresignerDoesInAwsWithASessionToken() {
        var credentials = StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "session-token/with+characters="));
        try (S3Presigner presigner = S3Presigner.builder()
                .credentialsProvider(credentials)
                .region(Region.of("eu-central-1"))
                .build()) {
            URL ours = new S3MediaUploads(
                            credentials,
                            "eu-central-1",
                            Optional.empty(),
                            "newsroom-prod-uploads-123456789012-eu-central-1",
                            Clock.systemUTC())
                    .presignPut(KEY, "image/webp", 99, WINDOW);
            assertSame(theirs(presigner, "newsroom-prod-uploads-123456789012-eu-central-1"), ours);
            assertTrue(query(ours).containsKey("X-Amz-Security-Token"), ours.toString());
        }
    }

    private static URL theirs(S3Presigner presigner, String bucket) {
        String type = KEY.endsWith(".jpg") ? "image/jpeg" : "image/webp";
        return presigner
                .presignPutObject(b -> b.signatureDuration(WINDOW)
                        .putObjectRequest(p -> p.bucket(bucket)
                                .key(KEY)
                                .contentType(type)
                                .contentLength(type.equals("image/jpeg") ? 12345L : 99L)
                                .cacheControl(MediaUploads.CACHE_CONTROL)))
                .url();
    }

    private static void assertSame(URL theirs, URL ours) {
        assertEquals(theirs.getProtocol(), ours.getProtocol());
        assertEquals(theirs.getHost(), ours.getHost());
        assertEquals(theirs.getPort(), ours.getPort());
        assertEquals(theirs.getPath(), ours.getPath());
        Map<String, String> expected = query(theirs);
        Map<String, String> actual = query(ours);
        assertEquals(expected.keySet(), actual.keySet(), ours.toString());
        for (String name : expected.keySet()) {
            if (name.equals("X-Amz-Date") || name.equals("X-Amz-Signature")) continue;
            String want = expected.get(name);
            String got = actual.get(name);
            if (name.equals("X-Amz-Credential")) {
                // the scope's date is the signing day: compare the rest
                want = want.replaceFirst("%2F\\d{8}%2F", "%2FDAY%2F");
                got = got.replaceFirst("%2F\\d{8}%2F", "%2FDAY%2F");
            }
            assertEquals(want, got, name);
        }
        assertTrue(actual.get("X-Amz-SignedHeaders").contains("content-length"), ours.toString());
        assertTrue(actual.get("X-Amz-SignedHeaders").contains("cache-control"), ours.toString());
        assertTrue(actual.get("X-Amz-SignedHeaders").contains("content-type"), ours.toString());
        assertEquals(Long.toString(WINDOW.toSeconds()), actual.get("X-Amz-Expires"));
    }

    private static Map<String, String> query(URL url) {
        Map<String, String> params = new TreeMap<>();
        for (String pair : url.getQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return params;
    }
}
