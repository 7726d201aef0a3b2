package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import newsroom.render.Output;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The CDN emulator caches like CloudFront over the real S3 emulator: list pages live for their
 * s-maxage, are then served stale while revalidated with If-None-Match (a 304 renews them), stale
 * while the bucket fails within stale-if-error; every bucket error has an answer; the cache is
 * bounded. Time is the emulator's own clock, moved on by the test.
 */
class CdnEmulatorIT {
    static final String BUCKET = "cdn-emulator-it";

    static S3Client s3() {
        S3Client s3 = TestStack.get().s3();
        if (!s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(BUCKET))) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        return s3;
    }

    static void put(S3Client s3, String key, String body, String cacheControl) {
        s3.putObject(
                b -> b.bucket(BUCKET).key(key).contentType(Output.HTML).cacheControl(cacheControl),
                RequestBody.fromString(body, StandardCharsets.UTF_8));
    }

    static CdnEmulator emulator(S3Client s3, Clock clock, int entries, long bytes) throws Exception {
        return new CdnEmulator(0, s3, BUCKET, Map.of(), 2, TestStack.urlFunction(), clock, entries, bytes);
    }

    static String get(CdnEmulator cdn, String path) {
        var response = TestStack.send(cdn, path);
        return response.statusCode() + " " + response.body();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("never happened: " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void listPagesAreRevalidatedWithIfNoneMatchAndServedStaleMeanwhile() throws Exception {
        S3Client s3 = s3();
        String key = "revalidate/" + System.nanoTime() + "/index.html";
        String path = "/" + key.replace("index.html", "");
        put(s3, key, "first", Output.SHORT);
        TestClock clock = TestClock.at(Instant.parse("2026-12-01T00:00:00Z"));
        try (CdnEmulator cdn = emulator(s3, clock, 100, 1 << 20)) {
            assertEquals("200 first", get(cdn, path));
            assertEquals(
                    Output.SHORT,
                    TestStack.send(cdn, path)
                            .headers()
                            .firstValue("Cache-Control")
                            .orElseThrow());
            assertEquals(1, cdn.originRequests(), "fresh for its s-maxage: asked once");

            clock.advance(Duration.ofSeconds(5));
            assertEquals("200 first", get(cdn, path), "stale while revalidating");
            await(() -> cdn.notModified() == 1, "the bucket answers the If-None-Match with 304");
            assertEquals(2, cdn.originRequests());
            assertEquals("200 first", get(cdn, path));
            assertEquals(2, cdn.originRequests(), "the 304 made the copy fresh again");

            put(s3, key, "second", Output.SHORT);
            clock.advance(Duration.ofSeconds(5));
            assertEquals("200 first", get(cdn, path), "served stale once more while it asks");
            await(() -> cdn.originRequests() == 3, "the background revalidation");
            await(() -> get(cdn, path).equals("200 second"), "the new copy is served");
            assertEquals(1, cdn.notModified(), "the changed page came back whole, not as a 304");

            put(s3, key, "third", Output.SHORT);
            clock.advance(Duration.ofSeconds(60));
            assertEquals("200 third", get(cdn, path), "past stale-while-revalidate it waits for the bucket");
            assertEquals(0, cdn.invalidatedPaths());
        }
    }

    @Test
    void aFailingBucketLeavesReadersTheLastCopyWithinStaleIfError() throws Exception {
        s3();
        AtomicBoolean down = new AtomicBoolean();
        LocalCloud cloud = TestStack.get();
        S3Client failing = S3Client.builder()
                .endpointOverride(java.net.URI.create(cloud.endpoints().s3()))
                .forcePathStyle(true)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                Emulators.ACCESS_KEY, Emulators.SECRET_KEY)))
                .region(software.amazon.awssdk.regions.Region.of(Emulators.REGION))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        if (down.get()) throw SdkClientException.create("connection refused");
                    }
                }))
                .build();
        String key = "stale-if-error/" + System.nanoTime() + "/index.html";
        String path = "/" + key.replace("index.html", "");
        put(failing, key, "kept", Output.SHORT);
        TestClock clock = TestClock.at(Instant.parse("2026-12-01T00:00:00Z"));
        try (failing;
                CdnEmulator cdn = emulator(failing, clock, 100, 1 << 20)) {
            assertEquals("200 kept", get(cdn, path));
            down.set(true);
            clock.advance(Duration.ofMinutes(10));
            assertEquals("200 kept", get(cdn, path), "within stale-if-error");
            clock.advance(Duration.ofDays(2));
            assertEquals(502, TestStack.send(cdn, path).statusCode(), "past it, the edge says the origin failed");
        }
    }

    @Test
    void everyAnswerOfTheBucketBecomesAStatus() throws Exception {
        S3Client s3 = s3();
        try (CdnEmulator cdn = emulator(s3, Clock.systemUTC(), 100, 1 << 20)) {
            for (String path : List.of(
                    "/" + "a".repeat(1100) + "/",
                    "/%00/",
                    "/a%0Ab/",
                    "/%ff%fe/",
                    "/..%2F..%2Fetc/",
                    "/%EF%BF%BF/",
                    "/x/%2e%2e/",
                    "/\\host/")) {
                String status = rawStatusLine(cdn.port(), path);
                assertTrue(status.matches("HTTP/1\\.1 [1-5]\\d\\d.*"), path + " answered: " + status);
                assertTrue(!status.startsWith("HTTP/1.1 5"), path + " answered: " + status);
            }
        }
    }

    @Test
    void theCacheIsBoundedByEntriesAndBytesAndKeepsWhatIsUsed() throws Exception {
        S3Client s3 = s3();
        String hot = "bounded/" + System.nanoTime() + "/index.html";
        put(s3, hot, "hot", Output.ARTICLE);
        String big = "x".repeat(10_000);
        try (CdnEmulator cdn = emulator(s3, Clock.systemUTC(), 50, 64 * 1024)) {
            String hotPath = "/" + hot.replace("index.html", "");
            assertEquals("200 hot", get(cdn, hotPath));
            for (int i = 0; i < 500; i++) {
                assertEquals(404, TestStack.send(cdn, "/missing-" + i + "/").statusCode());
                // the page in use stays: the least recently used go first
                if (i % 10 == 0) assertEquals("200 hot", get(cdn, hotPath));
            }
            assertTrue(cdn.cachedEntries() <= 50, "entries: " + cdn.cachedEntries());
            s3.deleteObject(b -> b.bucket(BUCKET).key(hot));
            assertEquals("200 hot", get(cdn, hotPath), "still at the edge: it was used all along");

            for (int i = 0; i < 20; i++) {
                String key = "bounded/big-" + i + "/index.html";
                put(s3, key, big, Output.ARTICLE);
                assertEquals(200, TestStack.send(cdn, "/bounded/big-" + i + "/").statusCode());
            }
            assertTrue(cdn.cachedBytes() <= 64 * 1024, "bytes: " + cdn.cachedBytes());
        }
    }

    /** The status line for a request line sent as is (no client library to tidy the path). */
    static String rawStatusLine(int port, String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String line = in.readLine();
            return line == null ? "(connection closed without an answer)" : line;
        }
    }
}
