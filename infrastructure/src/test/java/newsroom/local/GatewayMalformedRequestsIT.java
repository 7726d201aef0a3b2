package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that never reach a route, sent as raw bytes: each gets API Gateway's status and its
 * {"message": ...} JSON, never a server's error page or the name of an exception.
 */
class GatewayMalformedRequestsIT {

    static Stream<Arguments> requests() {
        String token = TestStack.token("malformed-writer", "writers");
        String auth = "Authorization: Bearer " + token + "\r\n";
        return Stream.of(
                Arguments.of("a truncated UTF-8 escape in the path", get("/articles/%E0%A4%A", auth), 400),
                Arguments.of("a percent sign without digits in the path", get("/articles/%zz", auth), 400),
                Arguments.of("escapes that are not UTF-8 in the path", get("/articles/%C0%AF", auth), 400),
                Arguments.of("a broken escape in the query", get("/articles?cursor=%%%", auth), 400),
                Arguments.of("a truncated escape in a query name", get("/articles?%E0%A4=1", auth), 400),
                Arguments.of("a request line that is not one", "NOT A REQUEST\r\n\r\n", 400),
                Arguments.of("a request line without a version", "GET /articles\r\nHost: x\r\n\r\n", 400),
                Arguments.of(
                        "a header line without a colon", "GET /articles HTTP/1.1\r\nHost: x\r\nbroken\r\n\r\n", 400),
                Arguments.of("a target of 12,000 bytes", get("/articles/" + "a".repeat(12_000), auth), 414),
                Arguments.of("a target of 100,000 bytes", get("/articles/" + "a".repeat(100_000), auth), 414),
                Arguments.of(
                        "header values of 12,000 bytes",
                        get("/articles", auth + "X-Big: " + "b".repeat(12_000) + "\r\n"),
                        431),
                Arguments.of(
                        "header values of 100,000 bytes",
                        get("/articles", auth + "X-Big: " + "b".repeat(100_000) + "\r\n"),
                        431),
                Arguments.of(
                        "many small headers over the quota",
                        get("/articles", auth + ("X-Small: " + "c".repeat(90) + "\r\n").repeat(120)),
                        431));
    }

    private static String get(String target, String headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Connection: close\r\n\r\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void malformedRequestsGetApiGatewaysJsonAnswer(String what, String request, int status) throws IOException {
        String response = exchange(request);
        String head = response.lines().findFirst().orElse("");
        assertEquals(
                "HTTP/1.1 " + status,
                head.substring(0, Math.min(head.length(), 12)),
                what + ": " + abbreviated(response));
        String lower = response.toLowerCase(java.util.Locale.ROOT);
        assertTrue(lower.contains("\r\ncontent-type: application/json"), what + ": " + abbreviated(response));
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertTrue(body.matches("\\{\"message\":\"[A-Za-z -]+\"}"), what + ": body " + abbreviated(body));
        assertFalse(response.contains("Exception"), what + ": " + abbreviated(response));
        assertFalse(lower.contains("<html") || lower.contains("<h1>"), what + ": " + abbreviated(response));
    }

    /** Sends the bytes on a fresh connection and reads the answer until the server closes it. */
    static String exchange(String request) throws IOException {
        URI api = URI.create(TestStack.get().apiUrl());
        try (Socket socket = new Socket(api.getHost(), api.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                socket.shutdownOutput();
            } catch (IOException refusedMidway) {
                // the server may answer and close before it has read all of an oversized request
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) answer.write(buffer, 0, n);
            } catch (IOException resetAfterAnswer) {
                // a reset after the answer leaves what was read
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
