package newsroom.local;

import static newsroom.local.StaffClient.JSON;
import static newsroom.local.StaffClient.WRITER;
import static newsroom.local.StaffClient.call;
import static newsroom.local.StaffClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Uploads as the editor makes them: an upload grant, the PUT to its presigned URL, the outcome. */
final class MediaClient {
    static final Duration PROCESSING = Duration.ofSeconds(90);

    private MediaClient() {}

    /** An upload address for a JPEG of this size; nothing is uploaded yet. */
    static JsonNode grant(long size) {
        HttpResponse<String> granted = call(
                "POST",
                "/media",
                WRITER,
                JSON.createObjectNode().put("contentType", "image/jpeg").put("size", size));
        assertEquals(201, granted.statusCode(), granted.body());
        return json(granted);
    }

    static void put(JsonNode grant, byte[] bytes) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(grant.get("uploadUrl").asText()))
                .timeout(Duration.ofSeconds(60));
        grant.get("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("Content-Length") && !h.getKey().equalsIgnoreCase("Content-Type"))
                request.header(h.getKey(), h.getValue().asText());
        });
        HttpResponse<String> put = TestStack.HTTP.send(
                request.header("Content-Type", "image/jpeg")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
    }

    /** Uploads a photo and waits until it is ready; returns the picture as the API describes it. */
    static JsonNode upload(byte[] jpeg) throws Exception {
        JsonNode grant = grant(jpeg.length);
        put(grant, jpeg);
        JsonNode picture = awaitOutcome(grant.get("src").asText());
        assertEquals("ready", picture.path("status").asText(), picture.toString());
        return picture;
    }

    /** Polls the API (a condition with a deadline) until the upload is no longer pending. */
    static JsonNode awaitOutcome(String src) throws InterruptedException {
        long deadline = System.nanoTime() + PROCESSING.toNanos();
        while (true) {
            HttpResponse<String> answer = call("GET", src, WRITER, null);
            assertEquals(200, answer.statusCode(), answer.body());
            JsonNode picture = json(answer);
            if (!picture.get("status").asText().equals("pending")) return picture;
            if (System.nanoTime() > deadline) throw new AssertionError("not processed in time: " + src);
            Thread.sleep(50);
        }
    }
}
