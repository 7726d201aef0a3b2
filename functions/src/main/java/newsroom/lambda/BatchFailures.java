package newsroom.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import newsroom.Log;

/**
 * The partial batch response of one invocation, for the event source mappings that read one (the
 * template's {@code ReportBatchItemFailures}): the identifiers of the messages or records a handler
 * could not handle, each failure logged with its stack trace as it is named. An SQS mapping
 * redelivers the messages named and deletes the rest; a stream mapping retries from the first
 * record named, so a stream handler names the first record it could not handle and goes no further.
 */
final class BatchFailures {
    private final String event;
    private final List<String> identifiers = new ArrayList<>();

    /** Failures of one invocation, logged as {@code event}. */
    BatchFailures(String event) {
        this.event = event;
    }

    /** The messages of an event, none when it carries none. */
    static List<SQSEvent.SQSMessage> messages(SQSEvent event) {
        return event == null || event.getRecords() == null ? List.of() : event.getRecords();
    }

    /** The records of a stream batch, none when it carries none. */
    static List<DynamodbEvent.DynamodbStreamRecord> records(DynamodbEvent event) {
        return event == null || event.getRecords() == null ? List.of() : event.getRecords();
    }

    /** The answer to a queue batch that was handled whole. */
    static SQSBatchResponse noneForQueue() {
        return new SQSBatchResponse(List.of());
    }

    /** The answer to a stream batch that was handled whole. */
    static StreamsEventResponse noneForStream() {
        return new StreamsEventResponse(List.of());
    }

    /** Names {@code message} as failed and logs {@code fields} with the failure's stack trace. */
    void failed(SQSEvent.SQSMessage message, Map<String, ?> fields, Throwable failure) {
        name(List.of(message.getMessageId()), fields, failure);
    }

    /** Names {@code record} (by its sequence number) as failed and logs the failure with its stack trace. */
    void failed(DynamodbEvent.DynamodbStreamRecord record, Map<String, ?> fields, Throwable failure) {
        name(List.of(record.getDynamodb().getSequenceNumber()), fields, failure);
    }

    /** Names every one of {@code messages}, which failed together (one call for them all): logged once. */
    void allFailed(List<SQSEvent.SQSMessage> messages, Map<String, ?> fields, Throwable failure) {
        name(messages.stream().map(SQSEvent.SQSMessage::getMessageId).toList(), fields, failure);
    }

    private void name(List<String> failed, Map<String, ?> fields, Throwable failure) {
        identifiers.addAll(failed);
        Log.failure(event, fields, failure);
    }

    /** How many messages or records were named. */
    int count() {
        return identifiers.size();
    }

    /** The answer to an SQS event source: every message named is redelivered. */
    SQSBatchResponse forQueue() {
        return new SQSBatchResponse(
                identifiers.stream().map(SQSBatchResponse.BatchItemFailure::new).toList());
    }

    /** The answer to a stream event source: it retries from the first record named. */
    StreamsEventResponse forStream() {
        return new StreamsEventResponse(identifiers.stream()
                .map(StreamsEventResponse.BatchItemFailure::new)
                .toList());
    }
}
