package newsroom.local;

import static newsroom.local.LocalClients.localConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import newsroom.lambda.Wiring;
import newsroom.render.SiteBucket;
import newsroom.site.Config;
import newsroom.store.S3SiteBucket;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** newsroom-local.jar: serve the local stack, print a token, export the site, audit it. */
public final class NewsroomLocal {
    static final Path DATA = Path.of(".newsroom");
    static final Path KEY = DATA.resolve("local-jwt-key.json");
    /** The running stack's issuer URL, written by serve, so token signs for the right stack. */
    static final Path ISSUER = DATA.resolve("local-issuer.txt");

    static final int MAX_PORT_OFFSET = 65535 - 19000;
    static final List<String> GROUPS = List.of("writers", "editors", "admins");

    static final String USAGE = """
        usage: java -jar newsroom-local.jar <command> [options]
          serve [--in-memory] [--no-demo]   run the local stack (API :3000, CDN :8080, DynamoDB :8000, S3 :9000)
          token <user> <group> [--id]       print an access token (--id: an ID token) for writers, editors or admins
          export <dir> [--pages-only]       write the whole site to a folder (reads the running stack's table);
                                            --pages-only: without the search page's index
          audit                             compare the running stack's table and bucket; exit 1 on problems
          --port-offset N                   (every command) add N to every port, to run stacks side by side
          --help                            print this and exit
        """;

    private NewsroomLocal() {}

    /** A command line that cannot be run: one line for the user, exit code 2. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    /** What the command line asks for. */
    sealed interface Command {}

    record Help() implements Command {}

    record Serve(boolean inMemory, boolean demo, int portOffset) implements Command {}

    record Token(String user, String group, boolean idToken, OptionalInt portOffset) implements Command {}

    /** @param search whether the search page's index is written too (not for a pages-only export) */
    record Export(Path dir, int portOffset, boolean search) implements Command {}

    record Audit(int portOffset) implements Command {}

    /** Reads a command line; anything it does not know is an error, never ignored. */
    static Command parse(List<String> args) throws UsageError {
        return CommandLines.parse(args);
    }

    public static void main(String[] args) throws Exception {
        int status = run(List.of(args), System.out, System.err);
        // a running stack returns only on failure; DynamoDB Local leaves threads that keep a JVM up
        System.exit(status);
    }

    /** Runs a command line: 0 done, 1 failed, 2 the command line itself is wrong. */
    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Command command;
        try {
            command = parse(args);
        } catch (UsageError e) {
            err.println("newsroom-local: " + e.getMessage() + " (--help lists the commands)");
            return 2;
        }
        try {
            if (command instanceof Serve serve) return serve(serve, out);
            if (command instanceof Token token) return token(token, Path.of("").toAbsolutePath(), out, err);
            if (command instanceof Export export) return export(export, out);
            if (command instanceof Audit audit) return audit(audit, out);
            out.print(USAGE);
            return 0;
        } catch (PortInUse e) {
            err.println("newsroom-local: " + e.getMessage());
            return 1;
        }
    }

    /** A port the stack needs is taken. */
    static final class PortInUse extends Exception {
        PortInUse(String message) {
            super(message, null, false, false);
        }
    }

    /** Fails with one line naming the first port of {@code ports} another process holds. */
    static void checkFree(Map<String, Integer> ports, int offset) throws PortInUse {
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress("127.0.0.1", port.getValue()));
            } catch (IOException taken) {
                throw new PortInUse("port " + port.getValue() + " (" + port.getKey() + ") is in use: stop what holds it"
                        + " (another local stack?) or pass --port-offset N"
                        + (offset == 0 ? "" : " other than " + offset));
            }
        }
    }

    private static int serve(Serve serve, PrintStream out) throws Exception {
        long started = System.nanoTime();
        StackOptions options = StackOptions.defaults(serve.inMemory() ? Optional.empty() : Optional.of(DATA))
                .shifted(serve.portOffset());
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("DynamoDB", options.dynamoPort());
        ports.put("S3", options.s3Port());
        ports.put("API", options.apiPort());
        ports.put("CDN", options.cdnPort());
        checkFree(ports, serve.portOffset());
        Files.createDirectories(DATA);
        LocalCloud cloud;
        try {
            cloud = LocalCloud.start(options, LocalAuth.kept(KEY));
        } catch (Exception e) {
            if (causedBy(e, BindException.class)) {
                throw new PortInUse("a port of the stack was taken while it started: " + rootMessage(e));
            }
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(cloud::close));
        Files.writeString(ISSUER, cloud.auth().issuer() + "\n", StandardCharsets.UTF_8);
        long up = System.nanoTime();
        cloud.writeSkeleton();
        boolean empty = cloud.services()
                .stories()
                .list(
                        new newsroom.story.StoryRepository.StoryFilter(
                                Optional.empty(), Optional.empty(), Optional.empty()),
                        Optional.empty(),
                        1)
                .items()
                .isEmpty();
        int loaded = 0;
        if (serve.demo() && empty) {
            loaded = DemoContent.load(cloud.services(), cloud.s3(), LocalCloud.BUCKET);
            cloud.awaitQuiet(Duration.ofSeconds(60));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.printf(
                "services up in %d ms; skeleton pages and demo content rendered in %d ms%n",
                (up - started) / 1_000_000, (System.nanoTime() - up) / 1_000_000);
        out.printf(
                """
        Newsroom local stack is up in %d ms%s
          site (CDN):  %s/
          editor:      %s/admin/   (sign in with any name as writers, editors or admins)
          staff API:   %s/articles
          DynamoDB:    %s   S3: %s
          token:       java -jar infrastructure/target/newsroom-local.jar token alice editors
        Ctrl-C stops it.%n""",
                millis,
                loaded > 0 ? " with " + loaded + " demo stories" : "",
                "http://localhost:" + cloud.cdn().port(),
                "http://localhost:" + cloud.cdn().port(),
                cloud.apiUrl(),
                cloud.endpoints().dynamo(),
                cloud.endpoints().s3());
        new CountDownLatch(1).await();
        return 0;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return String.valueOf(root.getMessage());
    }

    /**
     * The folder holding the stack's data (its key): {@code start} or the nearest parent that has
     * one, so the command works from anywhere inside the project.
     */
    static Optional<Path> stackData(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(KEY))) return Optional.of(dir.resolve(DATA));
        }
        return Optional.empty();
    }

    static int token(Token token, Path workingDir, PrintStream out, PrintStream err) throws IOException {
        Optional<Path> data = stackData(workingDir);
        if (data.isEmpty()) {
            err.println("newsroom-local: no local stack key in " + workingDir
                    + " or a folder above it: run token in the folder where serve runs (it keeps the key in "
                    + DATA + "/), after serve has started once");
            return 1;
        }
        Path issuerFile = data.get().resolve(ISSUER.getFileName());
        String issuer = token.portOffset().isPresent() || !Files.isRegularFile(issuerFile)
                ? LocalAuth.issuerAt(StackOptions.defaults(Optional.empty())
                        .shifted(token.portOffset().orElse(0))
                        .apiPort())
                : Files.readString(issuerFile, StandardCharsets.UTF_8).strip();
        LocalAuth auth = LocalAuth.kept(data.get().resolve(KEY.getFileName())).issuing(issuer);
        List<String> groups = List.of(token.group());
        out.println(
                token.idToken()
                        ? auth.idToken(token.user(), groups, Duration.ofHours(12))
                        : auth.token(token.user(), groups, Duration.ofHours(12)));
        return 0;
    }

    /**
     * Clients for a running stack, or an embedded DynamoDB and S3 on the kept data when none runs.
     */
    private record Connection(DynamoDbClient dynamo, S3Client s3, Optional<Emulators> embedded)
            implements AutoCloseable {
        static Connection open(int offset) {
            Optional<Emulators> embedded = Optional.empty();
            int dynamoPort = 8000 + offset, s3Port = 9000 + offset;
            if (!listening(dynamoPort)) {
                dynamoPort = 18000 + offset;
                s3Port = 19000 + offset;
                embedded = Optional.of(Emulators.start(dynamoPort, s3Port, Optional.of(DATA)));
            }
            // the two clients are built side by side: each is mostly class loading and the SDK's setup
            String s3Endpoint = "http://127.0.0.1:" + s3Port;
            CompletableFuture<S3Client> s3 = CompletableFuture.supplyAsync(() -> LocalClients.s3(s3Endpoint));
            DynamoDbClient dynamo;
            try {
                dynamo = LocalClients.dynamo("http://127.0.0.1:" + dynamoPort);
            } catch (RuntimeException e) {
                s3.thenAccept(S3Client::close);
                throw e;
            }
            try {
                return new Connection(dynamo, s3.join(), embedded);
            } catch (java.util.concurrent.CompletionException e) {
                dynamo.close();
                if (e.getCause() instanceof RuntimeException cause) throw cause;
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            dynamo.close();
            s3.close();
            if (embedded.isPresent()) embedded.get().close();
        }
    }

    /** Wiring on the local stack's table and bucket, without uploads, queue or CDN. */
    public static Wiring offline(Config config, DynamoDbClient dynamo, SiteBucket bucket) {
        return Wiring.wire(
                config,
                dynamo,
                bucket,
                (key, type, length, valid) -> {
                    throw new UnsupportedOperationException("no uploads here");
                },
                new Wiring.Edges(paths -> {}, messages -> {}),
                Clock.systemUTC());
    }

    private static int export(Export command, PrintStream out) throws Exception {
        int offset = command.portOffset();
        Path dir = command.dir();
        Files.createDirectories(dir);
        try (Connection c = Connection.open(offset)) {
            long started = System.nanoTime();
            SiteBucket bucket = new S3SiteBucket(c.s3(), LocalCloud.BUCKET);
            Wiring services = offline(localConfig("http://localhost:" + (8080 + offset)), c.dynamo(), bucket);
            StaticExport.Result result = StaticExport.export(
                    services.index(), services.renderer(), services.config(), bucket, dir, command.search());
            long millis = (System.nanoTime() - started) / 1_000_000;
            out.printf(
                    "exported %d pages (%d written, %d unchanged) and %d media files to %s in %d ms%n",
                    result.pages(), result.written(), result.unchanged(), result.media(), dir.toAbsolutePath(), millis);
        }
        return 0;
    }

    private static int audit(Audit command, PrintStream out) throws Exception {
        int offset = command.portOffset();
        try (Connection c = Connection.open(offset)) {
            Wiring services = offline(
                    localConfig("http://localhost:" + (8080 + offset)),
                    c.dynamo(),
                    new S3SiteBucket(c.s3(), LocalCloud.BUCKET));
            SiteAudit.Report report =
                    new SiteAudit(services.index(), services.bucket(), services.renderer(), services.config()).run();
            out.print(report.summary());
            return report.problems() == 0 ? 0 : 1;
        }
    }

    static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
