package newsroom.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import newsroom.logging.StdoutCapture;
import newsroom.render.Cdn;
import newsroom.render.InvalidationQueue;
import newsroom.store.InvalidationMessage;
import org.junit.jupiter.api.Test;

class InvalidationHandlerTest {
    @Test
    void aBatchLeftToTheQueuesRedeliveryNamesEveryMessageAndLogsTheFailureWithItsStackTrace() throws Exception {
        Cdn unreachable = paths -> {
            throw new IllegalStateException("the distribution did not answer");
        };
        List<Collection<String>> retried = new ArrayList<>();
        InvalidationQueue queue = retried::add;
        InvalidationHandler handler = new InvalidationHandler(
                unreachable, queue, new InvalidationHandler.Backoff(Duration.ofMillis(1), Duration.ofMillis(1)));
        // the last attempt the handler retries itself: after it, the queue's redelivery takes over
        int lastAttempt = InvalidationHandler.FAILED_ATTEMPTS - 1;
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(
                message("m-1", InvalidationMessage.bodies(List.of("/en/news/a/index.html"), lastAttempt)),
                message("m-2", InvalidationMessage.bodies(List.of("/kk/news/b/index.html"), lastAttempt))));

        SQSBatchResponse response;
        List<String> lines;
        try (StdoutCapture out = new StdoutCapture()) {
            response = handler.handleRequest(event, null);
            lines = out.lines();
        }

        assertEquals(
                List.of("m-1", "m-2"),
                response.getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                        .toList());
        assertEquals(List.of(), retried, "left to the queue, not sent again");
        assertEquals(1, lines.size(), String.join("\n", lines));
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertEquals("ERROR", line.path("level").asText());
        assertEquals("invalidation", line.path("event").asText());
        assertEquals("redelivered", line.path("outcome").asText());
        String trace = line.path("stackTrace").asText();
        assertTrue(trace.contains("IllegalStateException: the distribution did not answer"), trace);
        assertTrue(trace.contains("at newsroom.lambda.InvalidationHandler.handleRequest"), trace);
    }

    private static SQSEvent.SQSMessage message(String id, List<String> bodies) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(bodies.get(0));
        return message;
    }
}
