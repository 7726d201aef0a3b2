package newsroom.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import newsroom.logging.StdoutCapture;
import org.junit.jupiter.api.Test;

/**
 * The partial batch response the stream and queue handlers share: which identifiers it names, and
 * that each failure is logged once, as an error, with its stack trace.
 */
class BatchFailuresTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aQueueBatchNamesEachFailedMessageAndLogsEachFailureWithItsStackTrace() throws Exception {
        List<SQSEvent.SQSMessage> messages = List.of(message("m-1"), message("m-2"), message("m-3"));
        BatchFailures failures = new BatchFailures("rebuild");
        List<String> lines;
        try (StdoutCapture out = new StdoutCapture()) {
            failures.failed(messages.get(0), Map.of("messageId", "m-1"), thrown("first"));
            failures.failed(messages.get(2), Map.of("messageId", "m-3"), thrown("third"));
            lines = out.lines();
        }

        SQSBatchResponse response = failures.forQueue();
        assertEquals(List.of("m-1", "m-3"), queueIdentifiers(response));
        assertEquals(2, failures.count());
        assertEquals(2, lines.size(), String.join("\n", lines));
        for (int i = 0; i < 2; i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            assertEquals("ERROR", line.path("level").asText());
            assertEquals("rebuild", line.path("event").asText());
            assertEquals(i == 0 ? "m-1" : "m-3", line.path("messageId").asText());
            assertEquals(
                    IllegalStateException.class.getName(),
                    line.path("errorType").asText());
            String trace = line.path("stackTrace").asText();
            assertTrue(trace.contains("at newsroom.lambda.BatchFailuresTest.thrown"), trace);
            assertTrue(trace.contains("Caused by: java.io.IOException: " + (i == 0 ? "first" : "third")), trace);
        }
    }

    @Test
    void aBatchThatFailedTogetherNamesEveryMessageAndLogsOnce() throws Exception {
        List<SQSEvent.SQSMessage> messages = List.of(message("a"), message("b"));
        BatchFailures failures = new BatchFailures("invalidation");
        List<String> lines;
        try (StdoutCapture out = new StdoutCapture()) {
            failures.allFailed(messages, Map.of("outcome", "redelivered"), thrown("cdn down"));
            lines = out.lines();
        }

        assertEquals(List.of("a", "b"), queueIdentifiers(failures.forQueue()));
        assertEquals(1, lines.size(), String.join("\n", lines));
        JsonNode line = JSON.readTree(lines.get(0));
        assertEquals("invalidation", line.path("event").asText());
        assertEquals("redelivered", line.path("outcome").asText());
        assertTrue(line.path("stackTrace").asText().contains("Caused by: java.io.IOException: cdn down"));
    }

    @Test
    void aStreamBatchNamesTheFailedRecordBySequenceNumber() throws Exception {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setDynamodb(new StreamRecord().withSequenceNumber("111400000000000000007"));
        BatchFailures failures = new BatchFailures("render");
        try (StdoutCapture out = new StdoutCapture()) {
            failures.failed(record, Map.of("records", 3), thrown("unreadable"));
            assertEquals(
                    "render", JSON.readTree(out.lines().get(0)).path("event").asText());
        }

        assertEquals(
                List.of("111400000000000000007"),
                failures.forStream().getBatchItemFailures().stream()
                        .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                        .toList());
    }

    @Test
    void nothingFailedNamesNothingAndAnEventWithoutRecordsHasNone() {
        BatchFailures failures = new BatchFailures("rebuild");
        assertEquals(List.of(), failures.forQueue().getBatchItemFailures());
        assertEquals(List.of(), failures.forStream().getBatchItemFailures());
        assertEquals(List.of(), BatchFailures.noneForQueue().getBatchItemFailures());
        assertEquals(List.of(), BatchFailures.noneForStream().getBatchItemFailures());
        assertEquals(List.of(), BatchFailures.messages(new SQSEvent()));
        assertEquals(List.of(), BatchFailures.records(new DynamodbEvent()));
    }

    private static SQSEvent.SQSMessage message(String id) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody("{}");
        return message;
    }

    private static IllegalStateException thrown(String cause) {
        try {
            throw new IllegalStateException("step failed", new java.io.IOException(cause));
        } catch (IllegalStateException e) {
            return e;
        }
    }

    private static List<String> queueIdentifiers(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }
}
