package newsroom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import newsroom.render.SiteBucket;

/** The site written to a folder instead of a bucket: the static export. */
public final class FolderSiteBucket implements SiteBucket {
    private final Path root;

    public FolderSiteBucket(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    private Path file(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) throw new IllegalArgumentException("key outside the folder: " + key);
        return file;
    }

    @Override
    public Write putIfChanged(
            String key, byte[] body, String contentType, String cacheControl, Runnable beforeReplace) {
        try {
            Path file = file(key);
            boolean existed = Files.exists(file);
            if (existed && Arrays.equals(Files.readAllBytes(file), body)) return Write.UNCHANGED;
            if (existed) beforeReplace.run();
            Files.createDirectories(file.getParent());
            Files.write(file, body);
            return existed ? Write.UPDATED : Write.CREATED;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean delete(String key, Runnable beforeDelete) {
        try {
            Path file = file(key);
            if (!Files.exists(file)) return false;
            beforeDelete.run();
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            Path file = file(key);
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> keys(String prefix) {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
