package newsroom.logging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch metrics as Embedded Metric Format lines: CloudWatch Logs extracts the metrics from the
 * function's log, so no PutMetricData call, no permission and no latency are added to a request.
 * One line per request or batch, with the function as the one dimension.
 */
public final class Metrics {
    public static final String NAMESPACE = "Newsroom";
    public static final String DIMENSION = "Function";

    /** The metrics the functions publish; the alarms and docs/operations.md use these names. */
    public static final String PUBLISHES = "Publishes";

    public static final String PAGES_WRITTEN = "PagesWritten";
    public static final String RENDER_MS = "RenderMs";
    public static final String FAILURES = "Failures";
    public static final String INVALIDATION_PATHS = "InvalidationPaths";
    public static final String REDIRECTS = "Redirects";

    public enum Unit {
        COUNT("Count"),
        MILLISECONDS("Milliseconds");

        final String wire;

        Unit(String wire) {
            this.wire = wire;
        }
    }

    private record Value(String name, Unit unit, long value) {}

    private final String function;
    private final Clock clock;
    private final List<Value> values = new ArrayList<>();

    private Metrics(String function, Clock clock) {
        this.function = function;
        this.clock = clock;
    }

    public static Metrics of(String function) {
        return new Metrics(function, Clock.systemUTC());
    }

    static Metrics of(String function, Clock clock) {
        return new Metrics(function, clock);
    }

    public Metrics count(String name, long value) {
        values.add(new Value(name, Unit.COUNT, value));
        return this;
    }

    public Metrics millis(String name, long value) {
        values.add(new Value(name, Unit.MILLISECONDS, value));
        return this;
    }

    /** The EMF line, or nothing when no value was set (an empty directive is rejected). */
    public String line() {
        if (values.isEmpty()) return "";
        List<Map<String, Object>> definitions = new ArrayList<>();
        for (Value v : values) {
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("Name", v.name());
            definition.put("Unit", v.unit().wire);
            definitions.add(definition);
        }
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", List.of(List.of(DIMENSION)));
        directive.put("Metrics", definitions);
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("Timestamp", clock.millis());
        aws.put("CloudWatchMetrics", List.of(directive));
        JsonLine line = JsonLine.bare().field("_aws", aws).field(DIMENSION, function);
        for (Value v : values) {
            line.field(v.name(), v.value());
        }
        return line.toString();
    }

    public void emit() {
        String line = line();
        if (!line.isEmpty()) System.out.println(line);
    }
}
