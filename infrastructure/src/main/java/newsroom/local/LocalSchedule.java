package newsroom.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge rate schedule on the stack's clock: the tick runs each time that clock passes the
 * next due time. The clock is looked at every {@code checkMillis} of real time, so a clock a test
 * moves on fires the schedule at once instead of a minute later.
 */
final class LocalSchedule implements AutoCloseable {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    private final Clock clock;
    private final Duration period;
    private final Runnable tick;
    private final AtomicLong ticks = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "publisher-schedule");
        t.setDaemon(true);
        return t;
    });
    private Instant next;

    LocalSchedule(Clock clock, Duration period, long checkMillis, Runnable tick) {
        if (period.isZero() || period.isNegative()) throw new IllegalArgumentException("period " + period);
        this.clock = clock;
        this.period = period;
        this.tick = tick;
        this.next = clock.instant().plus(period);
        timer.scheduleWithFixedDelay(this::fireWhenDue, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
    }

    /** The period of an EventBridge {@code rate(...)} expression; other expressions are refused. */
    static Duration period(String expression) {
        Matcher m = RATE.matcher(expression.strip());
        if (!m.matches())
            throw new IllegalArgumentException("not a rate expression the local stack runs: " + expression);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(n);
            case "hour", "hours" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Ticks run so far. */
    long ticks() {
        return ticks.get();
    }

    private void fireWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(next)) return;
        // a clock moved on by several periods fires once, as a late EventBridge rule does, not once per period missed
        while (!now.isBefore(next)) next = next.plus(period);
        try {
            tick.run();
        } catch (RuntimeException e) {
            // the function has logged its failure; the schedule keeps running, as EventBridge's does
            System.err.println("publisher schedule: " + e.getClass().getSimpleName());
        } finally {
            ticks.incrementAndGet();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
