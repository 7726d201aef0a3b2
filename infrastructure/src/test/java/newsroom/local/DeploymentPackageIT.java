package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Each function deploys its own zip (template.yaml's CodeUri), carrying only what it uses: the API
 * and the publisher carry neither the CloudFront client nor the CRT, the API neither the S3 client
 * nor JSON data binding and weighs at most 12 MB, and every function's handler,
 * built as Lambda builds it in a JVM whose classpath is its zip alone, answers its event without
 * missing a class.
 */
class DeploymentPackageIT {
    static final Path TEMPLATE_FILE = CloudTemplate.locate().toAbsolutePath();
    static final CloudTemplate TEMPLATE = CloudTemplate.read(TEMPLATE_FILE);
    static final Path WORK = Path.of("target", "deployment-packages").toAbsolutePath();
    /** 12 MB: less to upload and to unpack on every cold start without SnapStart. */
    static final long API_PACKAGE_LIMIT = 12_000_000;

    @Test
    void theApiAndThePublisherCarryNeitherTheCdnClientNorTheCrt() throws IOException {
        for (String function : List.of("ApiFunction", "PublisherFunction")) {
            List<String> entries = entries(zipOf(function));
            for (String entry : entries) {
                assertFalse(entry.startsWith("lib/cloudfront-"), function + " carries " + entry);
                assertFalse(entry.startsWith("lib/aws-crt-"), function + " carries " + entry);
                assertFalse(entry.startsWith("lib/http-auth-aws-crt-"), function + " carries " + entry);
                assertFalse(entry.startsWith("software/amazon/awssdk/crt/"), function + " carries " + entry);
                assertFalse(entry.startsWith("linux/"), function + " carries the native " + entry);
            }
            assertFalse(
                    entries.stream().anyMatch(e -> e.startsWith("lib/joda-time-")), function + " carries joda-time");
            assertFalse(
                    entries.stream().anyMatch(e -> e.startsWith("lib/jackson-databind-")),
                    function + " carries JSON data binding");
            assertTrue(entries.stream().anyMatch(e -> e.startsWith("lib/dynamodb-")), function + " reads the table");
        }
        List<String> api = entries(zipOf("ApiFunction"));
        // the API signs upload URLs without the S3 client, and writes JSON without data binding
        for (String left : List.of("lib/lucene-", "lib/imageio-", "lib/s3-", "lib/jackson-databind-")) {
            assertFalse(api.stream().anyMatch(e -> e.startsWith(left)), "the API carries " + left);
        }
        // the render function keeps what it alone uses: the CDN client and the signer of the redirect store
        List<String> render = entries(zipOf("RenderFunction"));
        assertTrue(render.stream().anyMatch(e -> e.startsWith("lib/cloudfront-")));
        assertTrue(render.stream().anyMatch(e -> e.startsWith("software/amazon/awssdk/crt/")));
    }

    @Test
    void theApiPackageIsAtMostTwelveMegabytes() throws IOException {
        long bytes = Files.size(zipOf("ApiFunction"));
        assertTrue(bytes <= API_PACKAGE_LIMIT, "the API's package is " + bytes + " bytes");
    }

    @Test
    void everyHandlerRunsFromItsOwnZipAlone() throws Exception {
        LocalCloud cloud = TestStack.get();
        Path probe = probeClasses();
        for (Map.Entry<String, String> function : TEMPLATE.handlers().entrySet()) {
            Path unpacked = unpack(zipOf(function.getKey()), function.getKey());
            String handler = function.getValue().replaceFirst("::.*$", "");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    String.join(":", unpacked.toString(), unpacked.resolve("lib") + "/*", probe.toString()),
                    HandlerProbe.class.getName(),
                    handler));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.remove("JAVA_TOOL_OPTIONS");
            env.put("TABLE_NAME", cloud.config().tableName());
            env.put("BUCKET_NAME", cloud.config().bucketName());
            // every client at the table's endpoint: a function that reaches the bucket fails there,
            // which the probe tells apart from a class its package lacks
            env.put("AWS_ENDPOINT_URL", cloud.endpoints().dynamo());
            env.put("AWS_REGION", "us-east-1");
            // as the template's environment has them: with a distribution, a queue and (for the
            // renderer) a redirect store, the wiring names the clients of all of them
            env.put("DISTRIBUTION_ID", "E000000PROBE");
            env.put("REBUILD_QUEUE_URL", cloud.endpoints().dynamo() + "/000000000000/rebuilds");
            env.put("INVALIDATION_QUEUE_URL", cloud.endpoints().dynamo() + "/000000000000/invalidations");
            if (function.getKey().equals("RenderFunction")) {
                env.put(
                        "REDIRECT_STORE_ARN",
                        "arn:aws:cloudfront::000000000000:key-value-store/00000000-0000-4000-8000-000000000000");
            }
            env.put("AWS_ACCESS_KEY_ID", "local");
            env.put("AWS_SECRET_ACCESS_KEY", "local-secret");
            Path out = WORK.resolve(function.getKey() + ".out");
            builder.redirectOutput(out.toFile());
            Process process = builder.start();
            assertTrue(process.waitFor(2, TimeUnit.MINUTES), function.getKey() + " did not finish");
            String printed = Files.readString(out);
            assertEquals(
                    0, process.exitValue(), function.getKey() + " from " + zipOf(function.getKey()) + ":\n" + printed);
            if (function.getKey().equals("ApiFunction")) {
                assertTrue(printed.contains("status 404\n"), printed);
                assertTrue(printed.contains("status 400\n"), printed);
            } else {
                assertTrue(printed.contains("answered ") || printed.contains("failed "), printed);
            }
        }
    }

    /** The function's CodeUri; every function names its own. */
    static Path zipOf(String function) {
        Object uri = TEMPLATE.properties(function).get("CodeUri");
        assertTrue(uri != null, function + " names no CodeUri of its own");
        Path zip = TEMPLATE_FILE.getParent().resolve(uri.toString()).normalize();
        assertTrue(Files.isRegularFile(zip), zip + " is not built");
        return zip;
    }

    private static List<String> entries(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return Collections.list(file.entries()).stream()
                    .map(ZipEntry::getName)
                    .toList();
        }
    }

    private static Path unpack(Path zip, String name) throws IOException {
        Path target = WORK.resolve(name);
        if (Files.exists(target)) TestStack.deleteRecursively(target);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(file.entries())) {
                Path to = target.resolve(e.getName()).normalize();
                if (!to.startsWith(target)) throw new IOException("entry outside the folder: " + e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    try (InputStream in = file.getInputStream(e)) {
                        Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return target;
    }

    /** The probe's own classes only, so the function's classpath is its zip and nothing of the tests. */
    private static Path probeClasses() throws IOException {
        Path target = WORK.resolve("probe");
        Path folder = target.resolve("newsroom/local");
        Files.createDirectories(folder);
        Path compiled = Path.of(HandlerProbe.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .resolve("newsroom/local");
        try (var list = Files.list(compiled)) {
            for (Path c : list.filter(p -> p.getFileName().toString().startsWith("HandlerProbe"))
                    .toList()) {
                Files.copy(c, folder.resolve(c.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }
}
