package newsroom.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that writes each event as one JSON line: the SDK's own warnings (retries, clock
 * skew, a failed credential refresh) reach CloudWatch Logs next to the functions' lines, and a
 * stack trace stays one searchable event instead of one event per line.
 */
final class JsonLogger extends LegacyAbstractLogger {
    private final Level threshold;

    JsonLogger(String name, Level threshold) {
        this.name = name;
        this.threshold = threshold;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        JsonLine line = JsonLine.at(level.name())
                .field("logger", name)
                .field("message", MessageFormatter.basicArrayFormat(pattern, arguments));
        if (throwable != null) line.failure(throwable);
        line.emit();
    }
}
