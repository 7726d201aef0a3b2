package newsroom.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, driven from the command line: the DOM after scripts, and screenshots.
 */
final class Chromium {
    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    static Optional<Chromium> find() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) return Optional.of(new Chromium(p));
        }
        return Optional.empty();
    }

    String dumpDom(String url) throws IOException, InterruptedException {
        return run(url, "--dump-dom", "--virtual-time-budget=5000");
    }

    void screenshot(String url, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        run(
                url,
                "--screenshot=" + file.toAbsolutePath(),
                "--window-size=1280,1600",
                "--hide-scrollbars",
                "--virtual-time-budget=5000");
        if (!Files.isRegularFile(file) || Files.size(file) == 0)
            throw new IOException("no screenshot written for " + url);
    }

    private String run(String url, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile));
        command.addAll(List.of(extra));
        command.add(url);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("chromium did not finish for " + url);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
