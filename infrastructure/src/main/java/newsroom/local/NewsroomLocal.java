package newsroom.local;

import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import newsroom.Services;
import newsroom.site.Config;
import newsroom.store.S3SiteBucket;
import newsroom.store.SiteBucket;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** newsroom-local.jar: serve the local stack, print a token, export the site, audit it. */
public final class NewsroomLocal {
    static final Path DATA = Path.of(".newsroom");
    static final Path KEY = DATA.resolve("local-jwt-key.json");

    private NewsroomLocal() {}

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "serve" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        int status = switch (command) {
            case "serve" -> serve(rest);
            case "token" -> token(rest);
            case "export" -> export(rest);
            case "audit" -> audit(rest);
            default -> usage();
        };
        System.exit(status);
    }

    private static int usage() {
        System.err.println("""
        usage: java -jar newsroom-local.jar <command>
          serve [--in-memory] [--no-demo]   run the local stack (API :3000, CDN :8080, DynamoDB :8000, S3 :9000)
          --port-offset N                   (serve, export, audit) add N to every port, to run stacks side by side
          token <user> <group>              print a JWT for writers, editors or admins
          export <dir>                      write the whole site to a folder (reads the running stack's table)
          audit                             compare the running stack's table and bucket; exit 1 on problems
        """);
        return 2;
    }

    private static int serve(List<String> args) throws Exception {
        boolean inMemory = args.contains("--in-memory");
        int offset = portOffset(args);
        boolean demo = !args.contains("--no-demo");
        long started = System.nanoTime();
        if (!inMemory) Files.createDirectories(DATA);
        LocalCloud cloud = LocalCloud.start(
                LocalCloud.Options.defaults(inMemory ? Optional.empty() : Optional.of(DATA))
                        .shifted(offset),
                LocalAuth.kept(KEY));
        Runtime.getRuntime().addShutdownHook(new Thread(cloud::close));
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
        if (demo && empty) {
            loaded = DemoContent.load(cloud.services(), cloud.s3(), LocalCloud.BUCKET);
            cloud.awaitQuiet(Duration.ofSeconds(60));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "services up in %d ms; skeleton pages and demo content rendered in %d ms%n",
                (up - started) / 1_000_000, (System.nanoTime() - up) / 1_000_000);
        System.out.printf(
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

    private static int token(List<String> args) {
        if (args.size() != 2 || !List.of("writers", "editors", "admins").contains(args.get(1))) {
            System.err.println("usage: token <user> <writers|editors|admins>");
            return 2;
        }
        System.out.println(LocalAuth.kept(KEY).token(args.get(0), List.of(args.get(1)), Duration.ofHours(12)));
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
            var credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY));
            DynamoDbClient dynamo = DynamoDbClient.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + dynamoPort))
                    .credentialsProvider(credentials)
                    .region(Region.of(Emulators.REGION))
                    .httpClient(ApacheHttpClient.builder().build())
                    .build();
            S3Client s3 = S3Client.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + s3Port))
                    .forcePathStyle(true)
                    .credentialsProvider(credentials)
                    .region(Region.of(Emulators.REGION))
                    .httpClient(ApacheHttpClient.builder().build())
                    .build();
            return new Connection(dynamo, s3, embedded);
        }

        @Override
        public void close() throws Exception {
            dynamo.close();
            s3.close();
            if (embedded.isPresent()) embedded.get().close();
        }
    }

    /** The local stack's configuration, with the CDN emulator's address as the site's. */
    public static Config localConfig(String siteUrl) {
        return Config.from(Map.of(
                "TABLE_NAME",
                LocalCloud.TABLE,
                "BUCKET_NAME",
                LocalCloud.BUCKET,
                "LANGUAGES",
                "kk,ru,en",
                "DEFAULT_LANGUAGE",
                "kk",
                "SITE_URL",
                siteUrl,
                "TIME_ZONE",
                "Asia/Almaty"));
    }

    /** Services on the local stack's table and bucket, without uploads, queue or CDN. */
    public static Services offline(Config config, DynamoDbClient dynamo, SiteBucket bucket) {
        return Services.wire(
                config,
                dynamo,
                bucket,
                (key, type, length, valid) -> {
                    throw new UnsupportedOperationException("no uploads here");
                },
                new Services.Edges(paths -> {}, messages -> {}),
                Clock.systemUTC());
    }

    private static int export(List<String> args) throws Exception {
        int offset = portOffset(args);
        List<String> positional = args.stream()
                .filter(a -> !a.startsWith("--") && !a.equals(String.valueOf(offset)))
                .toList();
        if (positional.size() != 1) {
            System.err.println("usage: export <dir> [--port-offset N]");
            return 2;
        }
        Path dir = Path.of(positional.get(0));
        Files.createDirectories(dir);
        try (Connection c = Connection.open(offset)) {
            long started = System.nanoTime();
            SiteBucket bucket = new S3SiteBucket(c.s3(), LocalCloud.BUCKET);
            Services services = offline(localConfig("http://localhost:" + (8080 + offset)), c.dynamo(), bucket);
            StaticExport.Result result =
                    StaticExport.export(services.index(), services.renderer(), services.config(), bucket, dir);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(
                    "exported %d pages (%d written, %d unchanged) and %d media files to %s in %d ms%n",
                    result.pages(), result.written(), result.unchanged(), result.media(), dir.toAbsolutePath(), millis);
        }
        return 0;
    }

    private static int audit(List<String> args) throws Exception {
        int offset = portOffset(args);
        try (Connection c = Connection.open(offset)) {
            Services services = offline(
                    localConfig("http://localhost:" + (8080 + offset)),
                    c.dynamo(),
                    new S3SiteBucket(c.s3(), LocalCloud.BUCKET));
            SiteAudit.Report report =
                    new SiteAudit(services.index(), services.bucket(), services.renderer(), services.config()).run();
            System.out.print(report.summary());
            return report.problems() == 0 ? 0 : 1;
        }
    }

    static int portOffset(List<String> args) {
        int at = args.indexOf("--port-offset");
        if (at < 0) return 0;
        if (at + 1 >= args.size()) throw new IllegalArgumentException("--port-offset needs a number");
        return Integer.parseInt(args.get(at + 1));
    }

    static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
