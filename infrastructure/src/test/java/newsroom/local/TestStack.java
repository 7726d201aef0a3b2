package newsroom.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One local stack per test JVM, in memory, on free ports; tests share it and use their own stories.
 * Tests that must also hold on the default, persistent stack use {@link #onDisk()} besides.
 */
final class TestStack {
    private static LocalCloud cloud;
    private static LocalCloud onDisk;

    /**
     * Relative, as {@code serve} gives its own data folder: the emulators must resolve it the way
     * the stack does.
     */
    static final Path ON_DISK_DATA = Path.of("target", "on-disk-stack");

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestStack() {}

    static synchronized LocalCloud get() {
        if (cloud == null) {
            try {
                StackOptions options = new StackOptions(
                        freePort(), freePort(), 0, 0, Optional.empty(), CloudTemplate.locate(), 50, 3, false);
                cloud = LocalCloud.start(options, LocalAuth.generate());
                cloud.writeSkeleton();
                Runtime.getRuntime().addShutdownHook(new Thread(cloud::close));
            } catch (Exception e) {
                throw new IllegalStateException("local stack did not start", e);
            }
        }
        return cloud;
    }

    /** A second shared stack that keeps its table and bucket in a folder, as {@code serve} does. */
    static synchronized LocalCloud onDisk() {
        if (onDisk == null) {
            try {
                deleteRecursively(ON_DISK_DATA);
                StackOptions options = new StackOptions(
                        freePort(), freePort(), 0, 0, Optional.of(ON_DISK_DATA), CloudTemplate.locate(), 50, 3, false);
                onDisk = LocalCloud.start(options, LocalAuth.generate());
                onDisk.writeSkeleton();
                Runtime.getRuntime().addShutdownHook(new Thread(onDisk::close));
            } catch (Exception e) {
                throw new IllegalStateException("on-disk stack did not start", e);
            }
        }
        return onDisk;
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** The template's own URL function, with no former addresses. */
    static CloudFrontFunction urlFunction() {
        CloudTemplate.FunctionCode code = CloudTemplate.read(CloudTemplate.locate())
                .viewerRequestFunction()
                .orElseThrow();
        return CloudFrontFunction.of(code.code(), code.logicalId(), CloudFrontFunction.KeyValueStore.EMPTY);
    }

    static String token(String user, String group) {
        return token(get(), user, group);
    }

    static String token(LocalCloud cloud, String user, String group) {
        return cloud.auth().token(user, List.of(group), Duration.ofHours(1));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static HttpResponse<String> api(String method, String path, String token, String body, String... headers) {
        return api(get(), method, path, token, body, headers);
    }

    /** A request to the API gateway of a given stack, with an optional bearer token and JSON body. */
    static HttpResponse<String> api(
            LocalCloud cloud, String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.apiUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (body != null) request.header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        return send(request.build());
    }

    static HttpResponse<String> cdn(String path) {
        return cdn(get(), path);
    }

    static HttpResponse<String> cdn(LocalCloud cloud, String path) {
        return send(HttpRequest.newBuilder(URI.create(cloud.cdnUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    /** A GET to a CDN emulator of the test's own. */
    static HttpResponse<String> send(CdnEmulator cdn, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cdn.port() + path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    /** Waits for the stream to deliver everything written so far (not a timing assertion). */
    static void settle() {
        settle(get());
    }

    static void settle(LocalCloud cloud) {
        try {
            cloud.awaitQuiet(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
