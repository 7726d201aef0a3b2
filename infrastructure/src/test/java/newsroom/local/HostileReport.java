package newsroom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the figures of the hostile-input, XSS, access and template checks into the reliability
 * figures ({@link ReliabilityFigures#file()}). Only the part between this report's markers is rewritten, one
 * sub-section per test group, so other sections of the file stay as their writers left them. No
 * timestamps: an unchanged result leaves the file unchanged.
 */
final class HostileReport {
    static final String START = "<!-- hostile:start -->";
    static final String END = "<!-- hostile:end -->";
    static final String TITLE = "## Hostile input, XSS, access and template security";

    /** Sub-sections in this order; any other group follows them. */
    static final List<String> ORDER = List.of(
            "Hostile requests through the API gateway",
            "XSS vectors in every text field",
            "Tokens and roles on every route",
            "Template security");

    private HostileReport() {}

    /** One group's figures: a short sentence and a table. */
    record Group(String heading, String summary, List<String> columns, List<List<String>> rows) {
        String markdown() {
            StringBuilder out = new StringBuilder();
            out.append("### ").append(heading).append("\n\n");
            if (!summary.isBlank()) out.append(summary.strip()).append("\n\n");
            out.append(row(columns));
            out.append(row(columns.stream().map(c -> "---").toList()));
            for (List<String> r : rows) out.append(row(r));
            return out.toString();
        }

        private static String row(List<String> cells) {
            return "| "
                    + String.join(
                            " | ",
                            cells.stream().map(c -> c.replace("|", "\\|")).toList())
                    + " |\n";
        }
    }

    static Path file() {
        return ReliabilityFigures.file();
    }

    static synchronized void write(Group group) {
        write(file(), group);
    }

    /** Replaces {@code group}'s sub-section inside this report's markers of {@code file}. */
    static void write(Path file, Group group) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(
                            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {}
                String before = new String(buffer.array(), StandardCharsets.UTF_8);
                String after = merged(before, group);
                if (after.equals(before)) return;
                byte[] bytes = after.getBytes(StandardCharsets.UTF_8);
                channel.truncate(0);
                channel.position(0);
                ByteBuffer out = ByteBuffer.wrap(bytes);
                while (out.hasRemaining()) channel.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String merged(String file, Group group) {
        int start = file.indexOf(START);
        int end = start < 0 ? -1 : file.indexOf(END, start);
        String head;
        String tail;
        Map<String, String> groups = new LinkedHashMap<>();
        if (start < 0 || end < 0) {
            head = file.isEmpty() || file.endsWith("\n\n") ? file : file.endsWith("\n") ? file + "\n" : file + "\n\n";
            tail = "\n";
        } else {
            head = file.substring(0, start);
            tail = file.substring(end + END.length());
            groups.putAll(groups(file.substring(start + START.length(), end)));
        }
        groups.put(group.heading(), group.markdown());
        List<String> headings = new ArrayList<>();
        for (String h : ORDER) if (groups.containsKey(h)) headings.add(h);
        groups.keySet().stream().filter(h -> !headings.contains(h)).sorted().forEach(headings::add);
        StringBuilder section =
                new StringBuilder(START).append("\n").append(TITLE).append("\n\n");
        for (String h : headings) section.append(groups.get(h)).append("\n");
        section.append(END);
        return head + section + tail;
    }

    /** The "### " sub-sections of the text between the markers, by heading. */
    private static Map<String, String> groups(String section) {
        Map<String, String> groups = new LinkedHashMap<>();
        String heading = null;
        StringBuilder body = new StringBuilder();
        for (String line : section.split("\n", -1)) {
            if (line.startsWith("### ")) {
                if (heading != null) groups.put(heading, body.toString().strip() + "\n");
                heading = line.substring(4).strip();
                body = new StringBuilder(line).append("\n");
            } else if (heading != null) {
                body.append(line).append("\n");
            }
        }
        if (heading != null) groups.put(heading, body.toString().strip() + "\n");
        return groups;
    }
}
