package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A build writes its figures under target/; only the refresh command names the tracked file. */
class ReliabilityFiguresTest {
    static final Path PROJECT = Path.of("/srv/newsroom");

    @Test
    void withoutThePropertyTheFiguresGoUnderTheBuildFolder() {
        assertEquals(
                PROJECT.resolve("infrastructure/target/reliability.md"),
                ReliabilityFigures.file(Optional.empty(), PROJECT));
        assertEquals(
                PROJECT.resolve("infrastructure/target/reliability.md"),
                ReliabilityFigures.file(Optional.of(" "), PROJECT));
    }

    @Test
    void theRefreshCommandNamesTheTrackedFileFromTheProjectFolder() {
        assertEquals(
                PROJECT.resolve("bench/results/reliability.md"),
                ReliabilityFigures.file(Optional.of("bench/results/reliability.md"), PROJECT));
        assertEquals(
                Path.of("/elsewhere/figures.md"),
                ReliabilityFigures.file(Optional.of("/elsewhere/figures.md"), PROJECT));
    }

    @Test
    void thisBuildWritesUnderTarget() {
        if (System.getProperty(ReliabilityFigures.OUT_PROPERTY) != null) return;
        Path file = ReliabilityFigures.file();
        assertEquals("target", file.getParent().getFileName().toString(), file.toString());
        assertEquals(file, HostileReport.file());
    }
}
