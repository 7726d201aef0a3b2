package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The emulators run in a JVM of their own on a data folder; a page is being overwritten when that
 * JVM is killed (SIGKILL, nothing runs on the way out). The stack started again on the folder must
 * serve the page as it was and no object the crash invented: S3Proxy's temporary file of the
 * interrupted PUT was, before, listed and served with status 200.
 */
class CrashDuringUploadIT {
    // a key the restarted stack's skeleton does not rewrite
    static final String KEY = "media/2026/12/report.html";

    @Test
    void aPutInterruptedByAKillLeavesNoObjectBehindAfterARestart() throws Exception {
        Path data = Files.createTempDirectory(
                Files.createDirectories(Path.of("target").toAbsolutePath()), "crash-");
        SeparateStack.Ports ports = SeparateStack.Ports.free();
        Process emulators = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmulatorsOnly.class.getName(),
                        data.toString(),
                        Integer.toString(ports.dynamo()),
                        Integer.toString(ports.s3()))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("emulators.log").toFile())
                .start();
        try {
            SeparateStack.awaitUntil(
                    "the emulators' JVM is up", Duration.ofSeconds(120), () -> Files.exists(data.resolve("ready")));
            URI endpoint = URI.create("http://127.0.0.1:" + ports.s3());
            try (S3Client s3 = s3(endpoint)) {
                s3.createBucket(b -> b.bucket(LocalCloud.BUCKET));
                s3.putObject(
                        b -> b.bucket(LocalCloud.BUCKET).key(KEY).contentType("text/html"),
                        RequestBody.fromString("<p>the page before</p>"));
            }

            // an overwrite whose body stops after its first kilobyte, until the JVM is dead; sent
            // with curl, signed in its headers with an unsigned payload, so that the store streams
            // it as it arrives (a presigned or payload-signed PUT is buffered whole first, which
            // only narrows the window a kill has to hit)
            Process put = new ProcessBuilder(
                            "curl",
                            "-s",
                            "--aws-sigv4",
                            "aws:amz:" + Emulators.REGION + ":s3",
                            "--user",
                            Emulators.ACCESS_KEY + ":" + Emulators.SECRET_KEY,
                            "-H",
                            "x-amz-content-sha256: UNSIGNED-PAYLOAD",
                            "-H",
                            "Content-Length: 1048576",
                            "-H",
                            "Content-Type: text/html",
                            "-T",
                            "-",
                            endpoint + "/" + LocalCloud.BUCKET + "/" + KEY)
                    .redirectErrorStream(true)
                    .redirectOutput(data.resolve("curl.log").toFile())
                    .start();
            put.getOutputStream().write(new byte[1024]);
            put.getOutputStream().flush();
            Path folder = data.resolve("s3").resolve(LocalCloud.BUCKET).resolve("media/2026/12");
            SeparateStack.awaitUntil(
                    "the emulator writing the upload's temporary file",
                    Duration.ofSeconds(30),
                    () -> !leftovers(folder).isEmpty() || !put.isAlive());
            assertTrue(put.isAlive(), "the upload ended early: " + Files.readString(data.resolve("curl.log")));

            emulators.destroyForcibly();
            assertTrue(emulators.waitFor(30, TimeUnit.SECONDS));
            put.destroyForcibly();
            List<Path> left = leftovers(folder);
            assertEquals(1, left.size(), "the crash left the temporary file: " + left);
            String temporaryKey = "media/2026/12/" + left.get(0).getFileName();

            LocalCloud cloud = SeparateStack.start(ports, Optional.of(data), 3);
            try {
                List<String> keys =
                        cloud.s3().listObjectsV2Paginator(b -> b.bucket(LocalCloud.BUCKET)).contents().stream()
                                .map(o -> o.key())
                                .toList();
                assertFalse(keys.contains(temporaryKey), "listed: " + keys);
                assertTrue(keys.contains(KEY), "listed: " + keys);
                try {
                    cloud.s3().getObjectAsBytes(b -> b.bucket(LocalCloud.BUCKET).key(temporaryKey));
                    throw new AssertionError("the crash's temporary file is served as " + temporaryKey);
                } catch (NoSuchKeyException expected) {
                    // what S3 answers for a key nobody completed
                }
                String page = cloud.s3()
                        .getObjectAsBytes(b -> b.bucket(LocalCloud.BUCKET).key(KEY))
                        .asString(StandardCharsets.UTF_8);
                assertEquals("<p>the page before</p>", page, "an interrupted PUT changes nothing");
                assertTrue(leftovers(folder).isEmpty());
            } finally {
                cloud.close();
            }
        } finally {
            emulators.destroyForcibly();
        }
    }

    static List<Path> leftovers(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("report.html-"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static S3Client s3(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(Emulators.REGION))
                .credentialsProvider(credentials())
                .build();
    }

    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY));
    }

    /** The emulators alone, on a data folder, in the JVM the test kills. */
    public static final class EmulatorsOnly {
        public static void main(String[] args) throws Exception {
            Path data = Path.of(args[0]);
            Emulators.start(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Optional.of(data));
            Files.writeString(data.resolve("ready"), "up");
            new CountDownLatch(1).await();
        }
    }
}
