package newsroom.logging;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the deployment zip (registered there only, so the local stack keeps its own
 * logging). A few small classes instead of a logging framework: nothing to configure, nothing
 * scanned at cold start. The level is the function's ApplicationLogLevel, which Lambda passes as
 * AWS_LAMBDA_LOG_LEVEL; without it, INFO.
 */
public final class JsonLogProvider implements SLF4JServiceProvider {
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private Level threshold = Level.INFO;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return name -> loggers.computeIfAbsent(name, n -> new JsonLogger(n, threshold));
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        threshold = level(System.getenv("AWS_LAMBDA_LOG_LEVEL"));
    }

    /** Lambda's level names (TRACE .. FATAL) as SLF4J levels; anything else is INFO. */
    static Level level(String name) {
        if (name == null) return Level.INFO;
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "TRACE" -> Level.TRACE;
            case "DEBUG" -> Level.DEBUG;
            case "WARN" -> Level.WARN;
            case "ERROR", "FATAL" -> Level.ERROR;
            default -> Level.INFO;
        };
    }
}
