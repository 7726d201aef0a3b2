package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import newsroom.lambda.Wiring;

/**
 * A local stack of one test's own, on its own free ports, for tests that stop or break parts of it
 * without disturbing the stack the other tests share.
 */
final class SeparateStack {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The four ports of a stack, kept so that a restarted stack answers where the old one did. */
    record Ports(int dynamo, int s3, int api, int cdn) {
        static Ports free() throws IOException {
            return new Ports(TestStack.freePort(), TestStack.freePort(), TestStack.freePort(), TestStack.freePort());
        }
    }

    /** A story as staff and readers see it: its id, its English title and public path. */
    record Published(String id, String title, String url) {}

    private SeparateStack() {}

    static LocalCloud start(Ports ports, Optional<Path> data, int streamRetries) throws Exception {
        LocalCloud cloud = LocalCloud.start(
                new StackOptions(
                        ports.dynamo(),
                        ports.s3(),
                        ports.api(),
                        ports.cdn(),
                        data,
                        CloudTemplate.locate(),
                        50,
                        streamRetries,
                        false),
                LocalAuth.generate());
        cloud.writeSkeleton();
        return cloud;
    }

    static String editor(LocalCloud cloud) {
        return cloud.auth().token("night-editor", List.of("editors"), Duration.ofHours(1));
    }

    /** Creates a story in English and Russian and publishes it; fails the test unless accepted. */
    static Published publish(LocalCloud cloud, String title) throws IOException {
        String token = editor(cloud);
        ObjectNode story = JSON.createObjectNode();
        story.put("category", "city");
        ObjectNode translations = story.putObject("translations");
        translations
                .putObject("en")
                .put("title", title)
                .put("lead", "What happened.")
                .put("dateline", "Almaty")
                .put("body", "The story of " + title + ".")
                .put("format", "markdown");
        translations
                .putObject("ru")
                .put("title", "Новость: " + title)
                .put("lead", "Что случилось.")
                .put("dateline", "Алматы")
                .put("body", "История.")
                .put("format", "markdown");
        HttpResponse<String> created = TestStack.api(cloud, "POST", "/articles", token, JSON.writeValueAsString(story));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = JSON.readTree(created.body());
        String id = body.get("id").asText();
        HttpResponse<String> published = TestStack.api(
                cloud,
                "POST",
                "/articles/" + id + "/publish",
                token,
                null,
                "If-Match",
                created.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, published.statusCode(), published.body());
        return new Published(
                id, title, body.get("translations").get("en").get("url").asText());
    }

    static SiteAudit.Report audit(LocalCloud cloud) {
        Wiring s = cloud.services();
        return new SiteAudit(s.index(), s.bucket(), s.renderer(), s.config()).run();
    }

    /** Waits, a bounded time, until {@code condition} holds; fails the test with {@code what}. */
    static void awaitUntil(String what, Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not seen in time: " + what);
            Thread.sleep(20);
        }
    }
}
