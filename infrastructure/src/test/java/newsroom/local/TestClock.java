package newsroom.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that stands still until the test moves it on; read safely from the stack's threads. */
final class TestClock extends Clock {
    private final AtomicLong millis;

    private TestClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    static TestClock at(Instant start) {
        return new TestClock(start);
    }

    void advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("time does not go back: " + by);
        millis.addAndGet(by.toMillis());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
