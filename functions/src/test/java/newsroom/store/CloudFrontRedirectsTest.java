package newsroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import newsroom.render.Redirects.Edit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

class CloudFrontRedirectsTest {
    private KeyValueStoreServer kvs;
    private final List<Duration> pauses = new ArrayList<>();
    private CloudFrontRedirects redirects;

    @BeforeEach
    void start() throws Exception {
        kvs = new KeyValueStoreServer();
        redirects = new CloudFrontRedirects(
                UrlConnectionHttpClient.builder().build(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTKEY", "test-secret")),
                KeyValueStoreServer.ARN,
                kvs.endpoint(),
                new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5), 4, pauses::add, 7));
    }

    @AfterEach
    void stop() {
        kvs.close();
    }

    @Test
    void editsAreAppliedTogetherAndReadBack() {
        redirects.update(List.of(
                new Edit.Put("/en/news/old-slug/", "story/01J0/en"),
                new Edit.Put("story/01J0/en", "/en/news/new-slug/")));
        assertEquals(Optional.of("story/01J0/en"), redirects.get("/en/news/old-slug/"));
        assertEquals(Optional.of("/en/news/new-slug/"), redirects.get("story/01J0/en"));
        assertEquals(Optional.empty(), redirects.get("/en/news/never-was/"));

        redirects.update(List.of(new Edit.Remove("/en/news/old-slug/")));
        assertEquals(Map.of("story/01J0/en", "/en/news/new-slug/"), kvs.entries());
        assertTrue(pauses.isEmpty(), "no refusal, no pause");
    }

    @Test
    void everyRequestIsSignedWithSigV4aForTheServiceInEveryRegion() {
        redirects.update(List.of(new Edit.Put("story/01J0/ru", "/ru/news/slug/")));
        redirects.get("story/01J0/ru");
        assertEquals(3, kvs.requests().size(), "describe, update, get");
        for (Map<String, List<String>> headers : kvs.requests()) {
            String authorization = headers.get("Authorization").get(0);
            assertTrue(authorization.startsWith("AWS4-ECDSA-P256-SHA256 "), authorization);
            assertTrue(authorization.contains("Credential=AKIDTESTKEY/"), authorization);
            assertTrue(authorization.contains("/cloudfront-keyvaluestore/aws4_request"), authorization);
            assertEquals(List.of("*"), headers.get("X-amz-region-set"));
        }
    }

    @Test
    void anUpdateThatLostTheRaceReadsTheNewEtagAndTriesAgain() {
        kvs.put("story/other/kk", "/kk/news/other/");
        kvs.conflictNext.set(2);
        redirects.update(List.of(new Edit.Put("story/01J0/kk", "/kk/news/slug/")));
        assertEquals(Map.of("story/other/kk", "/kk/news/other/", "story/01J0/kk", "/kk/news/slug/"), kvs.entries());
        assertEquals(2, pauses.size(), "one pause per lost race");
    }

    @Test
    void throttlingIsWaitedOutWithGrowingPauses() {
        kvs.throttleNext.set(3);
        redirects.update(List.of(new Edit.Put("story/01J0/en", "/en/news/slug/")));
        assertEquals(Map.of("story/01J0/en", "/en/news/slug/"), kvs.entries());
        assertEquals(3, pauses.size());
        assertTrue(pauses.stream().allMatch(p -> p.toMillis() > 0), "never a hot loop: " + pauses);
    }

    @Test
    void aStoreThatKeepsFailingFailsTheBatchLoudlyAndKeepsNothingHalfDone() {
        kvs.failing = true;
        List<Edit> edits = List.of(new Edit.Put("story/01J0/en", "/en/news/slug/"));
        var failure = assertThrows(Backoff.Incomplete.class, () -> redirects.update(edits));
        assertTrue(failure.getMessage().contains("4 attempts"), failure.getMessage());
        assertEquals(3, pauses.size());
        kvs.failing = false;
        assertEquals(Map.of(), kvs.entries());
    }

    @Test
    void manyEditsGoInUpdatesOfAtMostFifty() {
        List<Edit> edits = IntStream.range(0, 120)
                .<Edit>mapToObj(i -> new Edit.Put("/en/news/slug-" + i + "/", "story/" + i + "/en"))
                .toList();
        redirects.update(edits);
        assertEquals(120, kvs.entries().size());
        assertEquals(List.of(50, 50, 20), kvs.updateSizes());
    }

    @Test
    void theEndpointIsTheStoreAccountsOwnHost() {
        assertEquals(
                URI.create("https://123456789012.cloudfront-kvs.global.api.aws"),
                CloudFrontRedirects.endpointOf(KeyValueStoreServer.ARN));
        assertThrows(IllegalArgumentException.class, () -> CloudFrontRedirects.endpointOf("arn:aws:s3:::not-a-store"));
    }
}
