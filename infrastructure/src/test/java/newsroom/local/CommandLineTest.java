package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The local jar's command line, called in-process through the code main() runs. */
class CommandLineTest {

    /** The exit status and what was printed. */
    record Run(int status, String out, String err) {}

    static Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = NewsroomLocal.run(
                Arrays.asList(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "serve --bogus",
                "serve --port-offset abc",
                "serve --port-offset",
                "serve --port-offset -5",
                "serve --port-offset 99999",
                "serve --port-offset 1 --port-offset 2",
                "serve extra",
                "bogus",
                "--bogus",
                "token alice",
                "token alice bosses",
                "token alice editors --bogus",
                "export",
                "export a b",
                "audit --in-memory",
                "audit --port-offset 1.5"
            })
    void aWrongCommandLineIsOneClearLineAndExitCode2(String line) throws Exception {
        Run run = run(line.split(" "));
        assertEquals(2, run.status(), line + ": " + run.err());
        assertEquals(1, run.err().lines().count(), line + ": " + run.err());
        assertTrue(run.err().startsWith("newsroom-local: "), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void unknownFlagsAreRefusedBeforeAnythingStarts() throws Exception {
        assertEquals(
                "newsroom-local: serve: unknown option '--bogus' (--help lists the commands)",
                run("serve", "--bogus").err().strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help", "serve --help", "token --help"})
    void helpExits0(String line) throws Exception {
        Run run = run(line.split(" "));
        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("usage: java -jar newsroom-local.jar"), run.out());
    }

    @Test
    void goodCommandLinesAreRead() throws Exception {
        assertEquals(new NewsroomLocal.Serve(false, true, 0), NewsroomLocal.parse(List.of()));
        assertEquals(
                new NewsroomLocal.Serve(true, false, 40),
                NewsroomLocal.parse(List.of("serve", "--no-demo", "--port-offset", "40", "--in-memory")));
        assertEquals(
                new NewsroomLocal.Token("alice", "editors", false, OptionalInt.of(3)),
                NewsroomLocal.parse(List.of("token", "alice", "editors", "--port-offset=3")));
        assertEquals(
                new NewsroomLocal.Export(Path.of("out"), 7, true),
                NewsroomLocal.parse(List.of("export", "--port-offset", "7", "out")));
        assertEquals(
                new NewsroomLocal.Export(Path.of("out"), 0, false),
                NewsroomLocal.parse(List.of("export", "out", "--pages-only")));
    }

    @Test
    void aPortInUseIsOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            NewsroomLocal.PortInUse refused = org.junit.jupiter.api.Assertions.assertThrows(
                    NewsroomLocal.PortInUse.class, () -> NewsroomLocal.checkFree(Map.of("API", port), 0));
            assertEquals(
                    "port " + port + " (API) is in use: stop what holds it (another local stack?) or pass"
                            + " --port-offset N",
                    refused.getMessage());
        }
    }

    @Test
    void tokenFindsTheStacksKeyFromAFolderBelowIt() throws Exception {
        Path project = Files.createDirectories(Path.of("target", "cli-test", "project-" + System.nanoTime()));
        Path below = Files.createDirectories(project.resolve("infrastructure/src"));
        LocalAuth stack = LocalAuth.kept(project.resolve(NewsroomLocal.KEY));
        Files.writeString(project.resolve(NewsroomLocal.ISSUER), LocalAuth.issuerAt(3040) + "\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = NewsroomLocal.token(
                new NewsroomLocal.Token("alice", "editors", false, OptionalInt.empty()),
                below,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String token = out.toString(StandardCharsets.UTF_8).strip();
        LocalAuth running = stack.issuing(LocalAuth.issuerAt(3040));
        assertTrue(running.verify("Bearer " + token, List.of(), java.time.Instant.now())
                .verified()
                .isPresent());
        assertEquals(
                List.of("editors"), SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("cognito:groups"));
    }

    @Test
    void tokenWithoutAStackSaysWhereToRunIt() throws IOException {
        Path nowhere = Files.createTempDirectory("no-stack");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = NewsroomLocal.token(
                new NewsroomLocal.Token("alice", "editors", false, OptionalInt.empty()),
                nowhere,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("run token in the folder where serve runs"), message);
        assertFalse(Files.exists(nowhere.resolve(NewsroomLocal.KEY)), "no stray key is made");
        Files.delete(nowhere);
    }
}
