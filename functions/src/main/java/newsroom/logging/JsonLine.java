package newsroom.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * One JSON object written as one line to standard output, which Lambda hands to CloudWatch Logs as
 * one event. Written by hand rather than with Jackson so that the SDK's own log lines, which may come
 * before any JSON class is loaded, cost nothing at cold start.
 */
public final class JsonLine {
    private final StringBuilder json = new StringBuilder(256).append('{');
    private boolean empty = true;

    private JsonLine() {}

    /** A line that starts with its time and level, the fields CloudWatch Logs Insights sorts on. */
    public static JsonLine at(String level) {
        return new JsonLine().field("timestamp", Instant.now().toString()).field("level", level);
    }

    public static JsonLine bare() {
        return new JsonLine();
    }

    public JsonLine field(String name, Object value) {
        if (!empty) json.append(',');
        empty = false;
        string(name);
        json.append(':');
        value(value);
        return this;
    }

    /**
     * The failure as Lambda itself reports one (errorType, errorMessage, stackTrace), the stack trace
     * with every cause and suppressed exception, plus the root cause on its own for searching.
     */
    public JsonLine failure(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        field("errorType", failure.getClass().getName());
        field("errorMessage", failure.getMessage());
        if (root != failure) field("rootCause", root.getClass().getName() + ": " + root.getMessage());
        return field("stackTrace", trace.toString());
    }

    @Override
    public String toString() {
        return json + "}";
    }

    /** Writes the line; the stream is looked up each time, so that tests may capture it. */
    public void emit() {
        String line = toString();
        System.out.println(line);
    }

    private void value(Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) json.append(',');
                first = false;
                string(String.valueOf(e.getKey()));
                json.append(':');
                value(e.getValue());
            }
            json.append('}');
        } else if (value instanceof Collection<?> items) {
            json.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) json.append(',');
                first = false;
                value(item);
            }
            json.append(']');
        } else {
            string(String.valueOf(value));
        }
    }

    private void string(String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
