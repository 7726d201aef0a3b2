package newsroom.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.Log;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The lines CloudWatch Logs receives: each one JSON object, parsed here as CloudWatch would. */
class LogLineFormatTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not one JSON object: " + line, e);
        }
    }

    @Test
    void aLogLineIsOneJsonObjectWithTimeLevelEventAndFields() {
        List<String> lines;
        try (StdoutCapture out = new StdoutCapture()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("requestId", "r-1");
            fields.put("route", "GET /articles/{id}");
            fields.put("status", 200);
            fields.put("ms", 12L);
            fields.put("paths", List.of("/en/", "/ru/\"quoted\"\n"));
            Log.line("api", fields);
            lines = out.lines();
        }
        assertEquals(1, lines.size(), "one line: " + lines);
        JsonNode line = parse(lines.get(0));
        assertEquals("INFO", line.path("level").asText());
        assertTrue(Instant.parse(line.path("timestamp").asText()).isAfter(Instant.EPOCH));
        assertEquals("api", line.path("event").asText());
        assertEquals("GET /articles/{id}", line.path("route").asText());
        assertEquals(200, line.path("status").asInt());
        assertEquals(12, line.path("ms").asLong());
        assertEquals("/ru/\"quoted\"\n", line.path("paths").get(1).asText());
    }

    @Test
    void aFailureLineCarriesTheStackTraceWithItsCauseInOneLine() {
        List<String> lines;
        RuntimeException failure =
                new IllegalStateException("table unreachable", new ConnectException("Connection refused"));
        try (StdoutCapture out = new StdoutCapture()) {
            Log.failure("render", Map.of("records", 3), failure);
            lines = out.lines();
        }
        assertEquals(1, lines.size(), "a stack trace must stay one log event: " + lines);
        JsonNode line = parse(lines.get(0));
        assertEquals("ERROR", line.path("level").asText());
        assertEquals(3, line.path("records").asInt());
        assertEquals(
                IllegalStateException.class.getName(), line.path("errorType").asText());
        assertEquals("table unreachable", line.path("errorMessage").asText());
        assertEquals(
                "java.net.ConnectException: Connection refused",
                line.path("rootCause").asText());
        String trace = line.path("stackTrace").asText();
        assertTrue(trace.contains("at newsroom.logging.LogLineFormatTest"), trace);
        assertTrue(trace.contains("Caused by: java.net.ConnectException: Connection refused"), trace);
    }

    @Test
    void anEmfLineDeclaresEveryMetricItCarries() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        String emf = Metrics.of("render", clock)
                .count(Metrics.PAGES_WRITTEN, 12)
                .count(Metrics.INVALIDATION_PATHS, 2)
                .count(Metrics.FAILURES, 0)
                .millis(Metrics.RENDER_MS, 431)
                .line();
        assertFalse(emf.contains("\n"));
        JsonNode line = parse(emf);
        JsonNode aws = line.path("_aws");
        assertEquals(clock.millis(), aws.path("Timestamp").asLong());
        assertEquals(1, aws.path("CloudWatchMetrics").size());
        JsonNode directive = aws.path("CloudWatchMetrics").get(0);
        assertEquals("Newsroom", directive.path("Namespace").asText());
        // every dimension named is a string member of the line (else CloudWatch drops the metrics)
        assertEquals(1, directive.path("Dimensions").size());
        for (JsonNode dimension : directive.path("Dimensions").get(0)) {
            assertTrue(line.path(dimension.asText()).isTextual(), dimension.asText());
        }
        assertEquals("render", line.path("Function").asText());
        Map<String, String> units = new LinkedHashMap<>();
        for (JsonNode metric : directive.path("Metrics")) {
            units.put(metric.path("Name").asText(), metric.path("Unit").asText());
            assertTrue(line.path(metric.path("Name").asText()).isNumber(), metric.toString());
        }
        assertEquals(
                Map.of(
                        "PagesWritten", "Count",
                        "InvalidationPaths", "Count",
                        "Failures", "Count",
                        "RenderMs", "Milliseconds"),
                units);
        assertEquals(12, line.path("PagesWritten").asLong());
        assertEquals(431, line.path("RenderMs").asLong());
        // no name of the directive is a valid EMF key but these
        List<String> keys = new ArrayList<>();
        directive.fieldNames().forEachRemaining(keys::add);
        assertEquals(Set.of("Namespace", "Dimensions", "Metrics"), Set.copyOf(keys));
    }

    @Test
    void noValuesNoLine() {
        assertEquals("", Metrics.of("api").line());
    }

    @Test
    void theSdksOwnLogLinesArriveAsJsonThroughTheZipsSlf4jProvider() {
        // the deployment zip registers the provider; the tests see the same registration
        assertInstanceOf(JsonLogger.class, LoggerFactory.getLogger("software.amazon.awssdk.request"));
        List<String> lines;
        try (StdoutCapture out = new StdoutCapture()) {
            var logger = LoggerFactory.getLogger("software.amazon.awssdk.core.internal.retry");
            logger.debug("below the level: {}", "dropped");
            logger.warn(
                    "Retrying request after {} ms", 40, new IllegalStateException("throttled", new ConnectException()));
            lines = out.lines();
        }
        assertEquals(1, lines.size(), "DEBUG is below the default INFO; WARN is written: " + lines);
        JsonNode line = parse(lines.get(0));
        assertEquals("WARN", line.path("level").asText());
        assertEquals(
                "software.amazon.awssdk.core.internal.retry",
                line.path("logger").asText());
        assertEquals("Retrying request after 40 ms", line.path("message").asText());
        assertTrue(line.path("stackTrace").asText().contains("Caused by: java.net.ConnectException"));
    }

    @Test
    void lambdasLevelNamesBecomeThresholds() {
        assertEquals(org.slf4j.event.Level.INFO, JsonLogProvider.level(null));
        assertEquals(org.slf4j.event.Level.DEBUG, JsonLogProvider.level("debug"));
        assertEquals(org.slf4j.event.Level.ERROR, JsonLogProvider.level("FATAL"));
        assertEquals(org.slf4j.event.Level.WARN, JsonLogProvider.level("WARN"));
    }
}
