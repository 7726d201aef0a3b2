package newsroom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the figures of the concurrency and failure tests into the reliability figures ({@link
 * #file()}), between this suite's markers only: other suites keep their own sections of the same file.
 */
final class ReliabilityFigures {
    static final String OUT_PROPERTY = "reliability.out";
    static final String START = "<!-- failures:start -->";
    static final String END = "<!-- failures:end -->";

    /** The failure scenarios, in the order the file lists them. */
    enum Scenario {
        STORAGE_DOWN("S3 stopped while stories are published, then started again"),
        STORAGE_DOWN_MID_BATCH("S3 stopped in the middle of a batch, then started again"),
        POISON_RECORD("malformed translation item written straight into the table"),
        POISON_RECORD_IN_ONE_BATCH("malformed item between good records of one batch"),
        CLOSED_WHILE_RENDERING("stack closed right after the API answered, restarted on its data"),
        WRITTEN_WHILE_POLLER_DOWN("stories published while the render path was down, then restart");

        final String description;

        Scenario(String description) {
            this.description = description;
        }
    }

    /** What one failure scenario did and left behind. */
    record Failure(String injected, long failedDeliveries, int deadLettered, int missing, int stale, String note) {}

    private static String concurrency;
    private static final Map<Scenario, Failure> failures = new EnumMap<>(Scenario.class);

    private ReliabilityFigures() {}

    static synchronized void concurrentEditors(
            int threads, int attempts, int accepted, int stale, int revisions, int lostUpdates) {
        concurrency = String.join(
                "\n",
                "| figure | value |",
                "|---|---:|",
                "| concurrent editors (threads), one translation | " + threads + " |",
                "| PUT attempts with If-Match | " + attempts + " |",
                "| accepted writes (200) | " + accepted + " |",
                "| rejected as stale (412), then re-read and retried | " + stale + " |",
                "| revisions counted for the accepted writes | " + revisions + " |",
                "| lost updates | " + lostUpdates + " |");
        write();
    }

    static synchronized void failure(Scenario scenario, Failure failure) {
        failures.put(scenario, failure);
        write();
    }

    private static void write() {
        List<String> lines = new ArrayList<>();
        lines.add(START);
        lines.add("## Concurrent editors and failures in the render path");
        lines.add("");
        lines.add("Written by `ConcurrentEditorsIT` and the `*FailureIT` tests on every run; the tests fail"
                + " when a lost update or a page missing after recovery is not 0.");
        if (concurrency != null) {
            lines.add("");
            lines.add("### Concurrent editors (API gateway, real HTTP)");
            lines.add("");
            lines.add(concurrency);
        }
        if (!failures.isEmpty()) {
            lines.add("");
            lines.add("### Failures in the render path");
            lines.add("");
            lines.add("A failed delivery is one invocation of the render handler that failed, whole or from one"
                    + " record on; each is retried from the failed record until the configured retries"
                    + " are spent, then that record goes to the dead-letter list.");
            lines.add("");
            lines.add("| scenario | failures injected | failed deliveries | retries | dead-lettered records"
                    + " | pages missing after recovery | stale pages after recovery | note |");
            lines.add("|---|---|---:|---:|---:|---:|---:|---|");
            failures.forEach((scenario, f) -> lines.add(String.format(
                    "| %s | %s | %d | %d | %d | %d | %d | %s |",
                    scenario.description,
                    f.injected(),
                    f.failedDeliveries(),
                    f.failedDeliveries() - f.deadLettered(),
                    f.deadLettered(),
                    f.missing(),
                    f.stale(),
                    f.note())));
        }
        lines.add(END);
        replaceSection(file(), String.join("\n", lines));
    }

    /** Replaces this suite's section of the file, or appends it; creates the file if absent. */
    static void replaceSection(Path file, String section) {
        try {
            String text = Files.isRegularFile(file)
                    ? Files.readString(file, StandardCharsets.UTF_8)
                    : "# Reliability figures\n";
            int start = text.indexOf(START);
            int end = text.indexOf(END);
            String updated;
            if (start >= 0 && end > start) {
                updated = text.substring(0, start) + section + text.substring(end + END.length());
            } else {
                updated = text + (text.endsWith("\n") ? "\n" : "\n\n") + section + "\n";
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the figures go: under the build's target folder, so a build changes no tracked file,
     * unless the {@value #OUT_PROPERTY} property names another file (the README's command to refresh
     * bench/results/reliability.md), taken from the project folder when relative.
     */
    static Path file() {
        return file(Optional.ofNullable(System.getProperty(OUT_PROPERTY)), projectFolder());
    }

    static Path file(Optional<String> out, Path project) {
        return out.filter(name -> !name.isBlank())
                .map(name -> project.resolve(name))
                .orElse(project.resolve("infrastructure/target/reliability.md"))
                .normalize();
    }

    private static Path projectFolder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) return dir;
            dir = dir.getParent();
        }
        throw new IllegalStateException("the project folder (with template.yaml) not found");
    }
}
