package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileReportTest {
    static final HostileReport.Group ACCESS = new HostileReport.Group(
            "Tokens and roles on every route", "Routes.", List.of("check", "n"), List.of(List.of("401", "7")));
    static final HostileReport.Group TEMPLATE = new HostileReport.Group(
            "Template security", "", List.of("check", "result"), List.of(List.of("a | b", "pass")));

    @Test
    void writingKeepsOtherSectionsAndReplacesOnlyItsOwnGroup(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench/results/reliability.md");
        Files.createDirectories(file.getParent());
        String other = "# Reliability\n\n<!-- concurrency:start -->\n## Concurrency\n| a |\n<!-- concurrency:end -->\n";
        Files.writeString(file, other);

        HostileReport.write(file, TEMPLATE);
        HostileReport.write(file, ACCESS);
        String first = Files.readString(file);
        HostileReport.write(file, ACCESS);
        HostileReport.write(file, TEMPLATE);

        String text = Files.readString(file);
        assertEquals(first, text, "the same figures leave the file as it was");
        assertTrue(text.startsWith(other), text);
        assertTrue(
                text.indexOf("### Tokens and roles") < text.indexOf("### Template security"),
                "groups keep their fixed order");
        assertTrue(text.contains("| a \\| b | pass |"), text);
        assertEquals(1, text.split("<!-- hostile:start -->", -1).length - 1);
        assertTrue(text.endsWith("<!-- hostile:end -->\n"), text);
    }

    @Test
    void aChangedGroupReplacesItsOldTable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reliability.md");
        HostileReport.write(file, ACCESS);
        HostileReport.write(
                file,
                new HostileReport.Group(
                        ACCESS.heading(), "Routes.", List.of("check", "n"), List.of(List.of("401", "8"))));
        String text = Files.readString(file);
        assertTrue(text.contains("| 401 | 8 |") && !text.contains("| 401 | 7 |"), text);
    }
}
