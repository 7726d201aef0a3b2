package newsroom.local;

import static newsroom.local.SeparateStack.awaitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LocalScheduleTest {

    @Test
    void rateExpressionsOfTheTemplateAreRead() {
        assertEquals(Duration.ofMinutes(1), LocalSchedule.period("rate(1 minute)"));
        assertEquals(Duration.ofMinutes(5), LocalSchedule.period("rate(5 minutes)"));
        assertEquals(Duration.ofHours(2), LocalSchedule.period("rate(2 hours)"));
        assertThrows(IllegalArgumentException.class, () -> LocalSchedule.period("cron(0 12 * * ? *)"));
    }

    @Test
    void theScheduleFiresWhenItsClockPassesTheNextPeriodAndOnceForSeveralMissed() throws Exception {
        TestClock clock = TestClock.at(Instant.parse("2026-12-01T08:00:00Z"));
        List<Instant> fired = new CopyOnWriteArrayList<>();
        try (LocalSchedule schedule =
                new LocalSchedule(clock, Duration.ofMinutes(1), 5, () -> fired.add(clock.instant()))) {
            clock.advance(Duration.ofMinutes(1));
            awaitUntil("the first tick", Duration.ofSeconds(10), () -> schedule.ticks() == 1);

            clock.advance(Duration.ofMinutes(10));
            awaitUntil("the second tick", Duration.ofSeconds(10), () -> schedule.ticks() >= 2);

            // the next one is due a whole period after the late tick, not at any of the missed minutes
            clock.advance(Duration.ofMinutes(1));
            awaitUntil("the third tick", Duration.ofSeconds(10), () -> schedule.ticks() >= 3);
            assertEquals(
                    List.of(
                            Instant.parse("2026-12-01T08:01:00Z"),
                            Instant.parse("2026-12-01T08:11:00Z"),
                            Instant.parse("2026-12-01T08:12:00Z")),
                    fired);
        }
    }
}
