package newsroom.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import newsroom.render.Redirects;

/**
 * The local stack's key value store of redirects: what the renderer writes and the CDN emulator's
 * URL function reads, kept in a file beside the other data (written whole, then moved into place)
 * or in memory only.
 */
public final class LocalRedirects implements Redirects, CloudFrontFunction.KeyValueStore {
    private final Map<String, String> entries = new TreeMap<>();
    private final Optional<Path> file;

    public LocalRedirects(Optional<Path> dataDir) {
        this.file = dataDir.map(d -> d.resolve("redirects.properties"));
        file.filter(Files::isRegularFile).ifPresent(this::load);
    }

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized void update(List<Edit> edits) {
        for (Edit edit : edits) {
            if (edit instanceof Edit.Put put) entries.put(put.key(), put.value());
            else if (edit instanceof Edit.Remove remove) entries.remove(remove.key());
        }
        file.ifPresent(this::save);
    }

    public synchronized Map<String, String> entries() {
        return Map.copyOf(entries);
    }

    private void load(Path path) {
        Properties kept = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            kept.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
        kept.forEach((k, v) -> entries.put(String.valueOf(k), String.valueOf(v)));
    }

    private void save(Path path) {
        Properties kept = new Properties();
        kept.putAll(entries);
        try {
            Files.createDirectories(path.getParent());
            Path next = path.resolveSibling(path.getFileName() + ".next");
            try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                kept.store(out, "former story addresses: path -> story/<id>/<lang> -> current path");
            }
            Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + path, e);
        }
    }
}
