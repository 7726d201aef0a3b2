package newsroom.render;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Rendered pages compared byte for byte with files under {@code src/test/resources/golden/}, so a
 * template change shows up in review. Run with {@code -Dgolden.update=true} to rewrite the files.
 */
final class GoldenFiles {
    private static final Path FOLDER =
            Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "golden");

    private GoldenFiles() {}

    static void assertMatches(String name, byte[] rendered) throws IOException {
        Path file = FOLDER.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(FOLDER);
            Files.write(file, rendered);
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden file " + name + "; run the tests once with -Dgolden.update=true");
        }
        byte[] expected = Files.readAllBytes(file);
        if (!Arrays.equals(expected, rendered)) {
            fail(name
                    + " differs from the rendered page at "
                    + firstDifference(
                            new String(expected, StandardCharsets.UTF_8), new String(rendered, StandardCharsets.UTF_8))
                    + "; if the change is meant, rerun with -Dgolden.update=true and review the diff");
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return "line " + (i + 1) + ":\n  golden:   " + a[i] + "\n  rendered: " + b[i];
            }
        }
        return "line " + (Math.min(a.length, b.length) + 1) + " (one of them ends there)";
    }
}
