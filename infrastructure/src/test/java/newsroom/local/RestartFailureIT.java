package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack is stopped while the stream still holds changes nobody has rendered, and started
 * again on the same data: it resumes the stream where it stopped and the site ends complete.
 */
class RestartFailureIT {

    @Test
    void closingTheStackRightAfterPublishingAndStartingItAgainLeavesNoPageBehind(@TempDir Path data) throws Exception {
        SeparateStack.Ports ports = SeparateStack.Ports.free();
        List<SeparateStack.Published> stories = new ArrayList<>();
        LocalCloud first = SeparateStack.start(ports, Optional.of(data), 3);
        try {
            for (int i = 1; i <= 5; i++) {
                stories.add(SeparateStack.publish(first, "Story before the restart " + i));
            }
        } finally {
            // closed right after the last answer, while the poller is still at work on the stream
            first.close();
        }
        long handledBeforeClose = first.poller().delivered();
        try (LocalCloud second = SeparateStack.start(ports, Optional.of(data), 3)) {
            second.awaitQuiet(Duration.ofSeconds(60));

            assertEquals(List.of(), second.poller().deadLetters());
            PoisonRecordFailureIT.assertServed(second, stories.toArray(SeparateStack.Published[]::new));
            SiteAudit.Report audit = SeparateStack.audit(second);
            assertEquals(0, audit.problems(), audit.summary());
            ReliabilityFigures.failure(
                    ReliabilityFigures.Scenario.CLOSED_WHILE_RENDERING,
                    new ReliabilityFigures.Failure(
                            "1 close + restart after 5 publishes",
                            second.poller().failedDeliveries(),
                            second.poller().deadLetters().size(),
                            audit.missing().size(),
                            audit.stale().size(),
                            handledBeforeClose
                                    + " records handled before the close, "
                                    + second.poller().delivered()
                                    + " after the restart"));
        }
    }

    @Test
    void storiesPublishedWhileTheRenderPathWasDownAreRenderedAfterARestart(@TempDir Path data) throws Exception {
        SeparateStack.Ports ports = SeparateStack.Ports.free();
        SeparateStack.Published rendered;
        List<SeparateStack.Published> waiting = new ArrayList<>();
        try (LocalCloud first = SeparateStack.start(ports, Optional.of(data), 3)) {
            rendered = SeparateStack.publish(first, "Rendered before the poller stopped");
            first.awaitQuiet(Duration.ofSeconds(60));
            PoisonRecordFailureIT.assertServed(first, rendered);
            // the render path goes down; the API and the table stay up and take two more stories
            first.poller().close();
            waiting.add(SeparateStack.publish(first, "Published while the poller was down 1"));
            waiting.add(SeparateStack.publish(first, "Published while the poller was down 2"));
        }
        try (LocalCloud second = SeparateStack.start(ports, Optional.of(data), 3)) {
            second.awaitQuiet(Duration.ofSeconds(60));

            assertEquals(List.of(), second.poller().deadLetters());
            PoisonRecordFailureIT.assertServed(second, rendered);
            PoisonRecordFailureIT.assertServed(second, waiting.toArray(SeparateStack.Published[]::new));
            SiteAudit.Report audit = SeparateStack.audit(second);
            assertEquals(0, audit.problems(), audit.summary());
            ReliabilityFigures.failure(
                    ReliabilityFigures.Scenario.WRITTEN_WHILE_POLLER_DOWN,
                    new ReliabilityFigures.Failure(
                            "render path stopped for 2 publishes, then restart",
                            second.poller().failedDeliveries(),
                            second.poller().deadLetters().size(),
                            audit.missing().size(),
                            audit.stale().size(),
                            second.poller().delivered() + " records caught up after the restart"));
        }
    }

    @Test
    void aRestartAfterARunThatHandledNothingDoesNotReplayWhatThatRunSkipped(@TempDir Path data) throws Exception {
        SeparateStack.Ports ports = SeparateStack.Ports.free();
        SeparateStack.Published before;
        long handledFirst;
        try (LocalCloud first = SeparateStack.start(ports, Optional.of(data), 3)) {
            before = SeparateStack.publish(first, "Rendered before the checkpoint was lost");
            first.awaitQuiet(Duration.ofSeconds(60));
            handledFirst = first.poller().delivered();
            assertTrue(handledFirst > 0, "the first run handled the story's records");
        }
        // the checkpoint is lost (a cleared state, a table loaded by other means): the next run
        // begins at the stream's end, in a later minute than the records (DynamoDB Local tells a
        // record's time to the minute; records of the minute a run began in are handled again)
        Files.delete(data.resolve(LocalEventSources.STREAM_CHECKPOINT));
        long written = Instant.now().getEpochSecond() / 60;
        SeparateStack.awaitUntil(
                "the next minute", Duration.ofSeconds(65), () -> Instant.now().getEpochSecond() / 60 > written);
        try (LocalCloud second = SeparateStack.start(ports, Optional.of(data), 3)) {
            second.awaitQuiet(Duration.ofSeconds(60));
            assertEquals(0, second.poller().delivered(), "a run that begins at the end handles nothing old");
        }
        // the run after it has no position either: it skips again what the second run skipped
        try (LocalCloud third = SeparateStack.start(ports, Optional.of(data), 3)) {
            SeparateStack.Published after = SeparateStack.publish(third, "Published after the restart");
            third.awaitQuiet(Duration.ofSeconds(60));

            // all the first run handled is skipped, and only the new story's records are handled: no
            // more than the first story made (its first publish also created the months items)
            long handled = third.poller().delivered();
            assertTrue(
                    third.poller().skippedRecords() >= handledFirst,
                    third.poller().skippedRecords() + " records skipped");
            assertTrue(handled > 0 && handled <= handledFirst, handled + " records handled");
            assertEquals(List.of(), third.poller().deadLetters());
            PoisonRecordFailureIT.assertServed(third, before, after);
        }
    }
}
