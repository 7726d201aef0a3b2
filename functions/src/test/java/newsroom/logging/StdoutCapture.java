package newsroom.logging;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Standard output, where the functions write their log and metric lines, captured for a test. */
public final class StdoutCapture implements AutoCloseable {
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public StdoutCapture() {
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    public List<String> lines() {
        System.out.flush();
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
