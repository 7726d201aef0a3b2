package newsroom.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import newsroom.lambda.Wiring;
import newsroom.site.Config;
import newsroom.store.S3SiteBucket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A request and a stream batch that fail for real: the table's endpoint is a port nobody listens
 * on, so the SDK meets a refused connection. The log line must carry the stack trace down to that
 * cause, and neither the request's body nor its bearer token.
 */
class FailureLogTest {
    static final String SECRET_BODY_WORD = "Zanzibar-body-7c1f";
    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2VuLXBheWxvYWQ.c2lnbmF0dXJl";

    @Test
    void aFailedRequestLogsItsStackTraceAndCauseButNoBodyOrToken() throws IOException {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /articles")
                .withRawPath("/articles")
                .withHeaders(Map.of("authorization", "Bearer " + TOKEN, "content-type", "application/json"))
                .withBody("{\"category\": \"city\", \"translations\": {\"en\": {\"title\": \""
                        + SECRET_BODY_WORD + "\", \"lead\": \"l\", \"body\": \"" + SECRET_BODY_WORD
                        + "\"}}}")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("req-failing-1")
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                        .builder()
                                        .withClaims(Map.of("sub", "alice", "cognito:groups", "[editors]"))
                                        .build())
                                .build())
                        .build())
                .build();

        APIGatewayV2HTTPResponse response;
        List<String> lines;
        try (StdoutCapture out = new StdoutCapture()) {
            response = servicesOverUnreachableTable().apiHandler().handleRequest(event, null);
            lines = out.lines();
        }

        assertEquals(500, response.getStatusCode());
        JsonNode line = only(lines, "api");
        assertEquals("ERROR", line.path("level").asText());
        assertEquals("req-failing-1", line.path("requestId").asText());
        assertEquals(500, line.path("status").asInt());
        assertTrue(line.path("errorType").asText().startsWith("software.amazon.awssdk"), line.toString());
        String trace = line.path("stackTrace").asText();
        assertTrue(trace.contains("at newsroom.lambda.ApiHandler.handleRequest"), trace);
        assertTrue(trace.contains("Caused by: java.net.ConnectException"), trace);
        assertTrue(line.path("rootCause").asText().startsWith("java.net.ConnectException"), line.toString());
        assertNothingSecret(lines);
        // the failure is also a metric
        JsonNode metrics = emf(lines, "api");
        assertEquals(1, metrics.path(Metrics.FAILURES).asInt());
    }

    @ParameterizedTest
    @Event(value = "events/stream-publish.json", type = DynamodbEvent.class)
    void aFailedBatchLogsTheFailedRecordWithItsStackTrace(DynamodbEvent event) throws IOException {
        StreamsEventResponse response;
        List<String> lines;
        try (StdoutCapture out = new StdoutCapture()) {
            response = servicesOverUnreachableTable().renderHandler().handleRequest(event, null);
            lines = out.lines();
        }

        assertEquals(1, response.getBatchItemFailures().size());
        String failedAt = response.getBatchItemFailures().get(0).getItemIdentifier();
        JsonNode line = only(lines, "render");
        assertEquals("ERROR", line.path("level").asText());
        assertEquals(failedAt, line.path("failedAt").asText());
        assertEquals(event.getRecords().size(), line.path("records").asInt());
        assertFalse(line.path("recovered").asBoolean());
        assertTrue(line.path("stackTrace").asText().contains("Caused by: java.net.ConnectException"), line.toString());
        assertEquals(1, emf(lines, "render").path(Metrics.FAILURES).asInt());
        // the records' images (titles, slugs) stay out of the log
        assertFalse(String.join("\n", lines).contains("new-tram-line"), String.join("\n", lines));
    }

    private static JsonNode only(List<String> lines, String event) {
        List<JsonNode> matching = lines.stream()
                .map(LogLineFormatTest::parse)
                .filter(n -> n.path("event").asText().equals(event))
                .toList();
        assertEquals(1, matching.size(), "one " + event + " line: " + lines);
        return matching.get(0);
    }

    private static JsonNode emf(List<String> lines, String function) {
        return lines.stream()
                .map(LogLineFormatTest::parse)
                .filter(n -> n.has("_aws") && n.path("Function").asText().equals(function))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metrics line: " + lines));
    }

    private static void assertNothingSecret(List<String> lines) {
        String all = String.join("\n", lines);
        assertFalse(all.contains(SECRET_BODY_WORD), "the body reached the log: " + all);
        assertFalse(all.contains(TOKEN), "the token reached the log: " + all);
        assertFalse(all.contains("c2VjcmV0LXRva2VuLXBheWxvYWQ"), "part of the token reached the log: " + all);
    }

    /** The real wiring over a table and a bucket whose endpoint refuses connections; no retries. */
    private static Wiring servicesOverUnreachableTable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + closedPort);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        Config config = Config.from(Map.of("TABLE_NAME", "newsroom", "BUCKET_NAME", "site"));
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
        return Wiring.wire(
                config,
                dynamo,
                () -> new S3SiteBucket(
                        S3Client.builder()
                                .httpClient(UrlConnectionHttpClient.builder().build())
                                .endpointOverride(endpoint)
                                .forcePathStyle(true)
                                .region(Region.US_EAST_1)
                                .credentialsProvider(credentials)
                                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                                .build(),
                        "site"),
                () -> {
                    throw new IllegalStateException("no uploads here");
                },
                () -> new Wiring.Edges(paths -> {}, messages -> {}),
                Clock.systemUTC());
    }
}
