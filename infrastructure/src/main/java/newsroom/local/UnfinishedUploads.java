package newsroom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a killed S3 emulator leaves in its folder. S3Proxy's filesystem store writes an object to
 * "&lt;key&gt;-&lt;random UUID&gt;" next to its final place and renames it when the body is complete;
 * killed in between, the temporary file stays and is listed and served (200, empty or cut short)
 * as an object of its own. No key the site writes ends in a UUID without a file extension (media
 * keys are "&lt;uuid&gt;.jpg"), so such files are removed before the store is opened again.
 */
final class UnfinishedUploads {
    static final Pattern TEMPORARY = Pattern.compile(".+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private UnfinishedUploads() {}

    /** Deletes the store's leftover temporary files under {@code blobs}; returns what it deleted. */
    static List<Path> remove(Path blobs) {
        if (!Files.isDirectory(blobs)) return List.of();
        try (Stream<Path> files = Files.walk(blobs)) {
            List<Path> leftovers = files.filter(Files::isRegularFile)
                    .filter(f -> TEMPORARY.matcher(f.getFileName().toString()).matches())
                    .toList();
            for (Path leftover : leftovers) Files.deleteIfExists(leftover);
            return leftovers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
