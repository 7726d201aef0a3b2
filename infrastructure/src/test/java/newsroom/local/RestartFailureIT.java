package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
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
}
