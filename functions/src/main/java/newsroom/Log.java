package newsroom;

import java.util.Map;
import newsroom.logging.JsonLine;

/**
 * One structured JSON line per request or batch: ids, counts and durations, never bodies or tokens.
 * A failure adds the exception's type, message and whole stack trace with its causes; the message of
 * an infrastructure exception names a resource or an operation, never request content, which is
 * only ever read as a refusal (4xx) and never reaches these lines.
 */
public final class Log {
    private Log() {}

    public static void line(String event, Map<String, ?> fields) {
        JsonLine line = JsonLine.at("INFO").field("event", event);
        fields.forEach(line::field);
        line.emit();
    }

    public static void failure(String event, Map<String, ?> fields, Throwable failure) {
        JsonLine line = JsonLine.at("ERROR").field("event", event);
        fields.forEach(line::field);
        line.failure(failure).emit();
    }
}
