package newsroom.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import newsroom.lambda.Wiring;
import newsroom.render.Page;
import newsroom.site.Config;
import newsroom.store.S3MediaUploads;
import newsroom.store.S3SiteBucket;
import newsroom.store.S3Uploads;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The whole newsroom on one machine: emulators, the handlers named in template.yaml, the API
 * gateway, the stream poller, the publisher schedule, the rebuild queue and the CDN.
 */
public final class LocalCloud implements AutoCloseable {
    public static final String TABLE = "newsroom";
    public static final String BUCKET = "newsroom-site";
    public static final String UPLOADS_BUCKET = "newsroom-uploads";
    static final String STREAM_CHECKPOINT = "stream-checkpoint.properties";

    /**
     * How to start: ports (0 picks a free one for the HTTP servers), where data lives, and pacing.
     */
    public record Options(
            int dynamoPort,
            int s3Port,
            int apiPort,
            int cdnPort,
            Optional<Path> dataDir,
            Path templateFile,
            long pollMillis,
            int streamRetries,
            boolean schedule) {
        public static Options defaults(Optional<Path> dataDir) {
            return new Options(8000, 9000, 3000, 8080, dataDir, CloudTemplate.locate(), 100, 5, true);
        }

        /** The same stack with every port moved by {@code offset}, to run several side by side. */
        public Options shifted(int offset) {
            return new Options(
                    dynamoPort + offset,
                    s3Port + offset,
                    apiPort + offset,
                    cdnPort + offset,
                    dataDir,
                    templateFile,
                    pollMillis,
                    streamRetries,
                    schedule);
        }
    }

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Emulators emulators;
    private Endpoints endpoints;
    private DynamoDbClient dynamo;
    private S3Client s3;
    private Wiring services;
    private ApiGateway api;
    private CdnEmulator cdn;
    private LocalRedirects redirects;
    private StreamPoller poller;
    private S3Notifications notifications;
    private LocalRebuildQueue rebuildQueue;
    private LocalInvalidationQueue invalidationQueue;
    private LocalAuth auth;
    private Config config;
    private boolean createdTable;

    private LocalCloud() {}

    /** Where DynamoDB and S3 answer when they are not the embedded emulators (e.g. LocalStack). */
    public record Endpoints(String dynamo, String s3) {}

    public static LocalCloud start(Options options, LocalAuth auth) throws Exception {
        return start(options, auth, Optional.empty());
    }

    /**
     * Starts the stack; with {@code external} endpoints it uses those instead of starting DynamoDB
     * Local and S3Proxy, so the same handlers, gateway, poller and CDN run against another backend.
     */
    public static LocalCloud start(Options options, LocalAuth auth, Optional<Endpoints> external) throws Exception {
        LocalCloud cloud = new LocalCloud();
        try {
            cloud.boot(options, auth, external);
            return cloud;
        } catch (Exception e) {
            cloud.close();
            throw e;
        }
    }

    private void boot(Options options, LocalAuth auth, Optional<Endpoints> external) throws Exception {
        this.auth = auth;
        CloudTemplate template = CloudTemplate.read(options.templateFile());
        Endpoints endpoints;
        if (external.isPresent()) {
            endpoints = external.get();
        } else {
            emulators = Emulators.start(options.dynamoPort(), options.s3Port(), options.dataDir());
            closeables.add(emulators);
            endpoints = new Endpoints(emulators.dynamoEndpoint(), emulators.s3Endpoint());
        }
        this.endpoints = endpoints;
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY));
        Region region = Region.of(Emulators.REGION);
        dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoints.dynamo()))
                .credentialsProvider(credentials)
                .region(region)
                .httpClient(ApacheHttpClient.builder().maxConnections(64).build())
                .build();
        closeables.add(dynamo);
        s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoints.s3()))
                .forcePathStyle(true)
                .credentialsProvider(credentials)
                .region(region)
                .httpClient(ApacheHttpClient.builder().maxConnections(64).build())
                .build();
        closeables.add(s3);
        S3Presigner presigner = S3Presigner.builder()
                .endpointOverride(URI.create(endpoints.s3()))
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(credentials)
                .region(region)
                .build();
        closeables.add(presigner);

        createdTable = TableDefinition.create(dynamo, TableDefinition.fromTemplate(template, TABLE));
        for (String bucket : List.of(BUCKET, UPLOADS_BUCKET)) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException exists) {
                // kept from an earlier run
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                if (e.statusCode() != 409) throw e;
            }
        }

        redirects = new LocalRedirects(options.dataDir());
        CloudTemplate.FunctionCode urlFunction = template.viewerRequestFunction()
                .orElseThrow(() -> new IllegalStateException("the distribution runs no viewer-request function"));
        cdn = new CdnEmulator(
                options.cdnPort(),
                s3,
                BUCKET,
                template.securityHeaders(),
                template.notFoundCacheSeconds(),
                CloudFrontFunction.of(urlFunction.code(), urlFunction.logicalId(), redirects));
        closeables.add(cdn);
        config = Config.from(Map.of(
                "TABLE_NAME",
                TABLE,
                "BUCKET_NAME",
                BUCKET,
                "LANGUAGES",
                "kk,ru,en",
                "DEFAULT_LANGUAGE",
                "kk",
                "SITE_URL",
                "http://localhost:" + cdn.port(),
                "TIME_ZONE",
                "Asia/Almaty",
                "AWS_REGION",
                Emulators.REGION,
                "UPLOADS_BUCKET",
                UPLOADS_BUCKET));
        rebuildQueue = new LocalRebuildQueue(3);
        closeables.add(rebuildQueue);
        String invalidationFunction = template.functionConsuming("InvalidationQueue")
                .orElseThrow(() -> new IllegalStateException("no function reads InvalidationQueue in the template"));
        Map<String, Object> drain = template.eventProperties(invalidationFunction, "SQS");
        Map<String, Object> redrive =
                CloudTemplate.map(template.properties("InvalidationQueue").get("RedrivePolicy"));
        // redelivered after a second: locally there is no function timeout for the visibility to outlast
        invalidationQueue = new LocalInvalidationQueue(
                ((Number) drain.getOrDefault("BatchSize", 10)).intValue(),
                ((Number) redrive.getOrDefault("maxReceiveCount", 5)).intValue(),
                Duration.ofSeconds(1));
        closeables.add(invalidationQueue);
        services = Wiring.wire(
                config,
                dynamo,
                () -> new S3SiteBucket(s3, BUCKET),
                () -> new S3MediaUploads(presigner, UPLOADS_BUCKET),
                () -> new S3Uploads(s3),
                () -> new Wiring.Edges(cdn, rebuildQueue, invalidationQueue, redirects),
                Clock.systemUTC());

        // the handlers template.yaml names, each built with the local wiring
        Map<String, Object> handlers = new LinkedHashMap<>();
        template.handlers().forEach((id, handler) -> handlers.put(id, instantiate(handler)));

        String rebuildFunction = template.functionConsuming("RebuildQueue")
                .orElseThrow(() -> new IllegalStateException("no function reads RebuildQueue in the template"));
        Function<SQSEvent, SQSBatchResponse> rebuild =
                invoker(handlers.get(rebuildFunction), rebuildFunction, SQSEvent.class, SQSBatchResponse.class);
        rebuildQueue.consumer(event -> invalidationQueue.during(() -> rebuild.apply(event)));
        invalidationQueue.consumer(invoker(
                handlers.get(invalidationFunction), invalidationFunction, SQSEvent.class, SQSBatchResponse.class));

        Map<String, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> apiFunctions = new LinkedHashMap<>();
        for (CloudTemplate.Route route : template.routes()) {
            apiFunctions.computeIfAbsent(
                    route.function(),
                    id -> invoker(handlers.get(id), id, APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class));
        }
        api = new ApiGateway(options.apiPort(), template.routes(), apiFunctions, auth);
        closeables.add(api);
        this.auth = api.auth();
        // the editor at /admin/ on the CDN, signing in through Cognito-like endpoints, calling the API
        Set<String> editorOrigins = Set.of("http://localhost:" + cdn.port(), "http://127.0.0.1:" + cdn.port());
        api.cors(LocalCors.from(template, editorOrigins));
        // the gateway's key, issuing as its issuer URL: what the authorizer accepts
        LocalOAuth oauth = new LocalOAuth(
                this.auth,
                editorOrigins.stream().map(o -> o + EditorSite.PREFIX).collect(Collectors.toSet()),
                accessTokenLifetime(template));
        cdn.mount("/oauth2/", oauth);
        cdn.mount("/logout", oauth);
        cdn.mount(EditorSite.PREFIX, new EditorSite(cdn.port(), api.port(), config.languages(), config.categories()));

        String renderFunction = template.functionWithEvent("DynamoDB")
                .orElseThrow(() -> new IllegalStateException("no stream function in the template"));
        Map<String, Object> mapping = template.eventProperties(renderFunction, "DynamoDB");
        int batchSize = ((Number) mapping.getOrDefault("BatchSize", 100)).intValue();
        String streamArn = dynamo.describeTable(b -> b.tableName(TABLE)).table().latestStreamArn();
        DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(endpoints.dynamo()))
                .credentialsProvider(credentials)
                .region(region)
                .httpClient(ApacheHttpClient.builder().build())
                .build();
        closeables.add(streams);
        // with kept data the stream position is kept too: a restart resumes where the last run stopped
        Optional<StreamCheckpoint> checkpoint =
                options.dataDir().map(dir -> StreamCheckpoint.open(dir.resolve(STREAM_CHECKPOINT), streamArn));
        Function<DynamodbEvent, StreamsEventResponse> render =
                invoker(handlers.get(renderFunction), renderFunction, DynamodbEvent.class, StreamsEventResponse.class);
        poller = new StreamPoller(
                streams,
                streamArn,
                Emulators.REGION,
                event -> invalidationQueue.during(() -> render.apply(event)),
                batchSize,
                options.streamRetries(),
                options.pollMillis(),
                checkpoint);
        closeables.add(poller);
        poller.start(false);

        // the uploads bucket's notification, raised by the S3 emulator's own writes
        Optional<String> imageFunction = template.functionWithEvent("S3");
        if (emulators != null && imageFunction.isPresent()) {
            S3Notifications notifications = new S3Notifications(
                    S3Notifications.subscription(
                            template,
                            imageFunction.get(),
                            Map.of("SiteBucket", BUCKET, "UploadsBucket", UPLOADS_BUCKET)),
                    invoker(handlers.get(imageFunction.get()), imageFunction.get(), S3Event.class, Object.class));
            closeables.add(notifications);
            emulators.onObjectCreated(notifications::objectCreated);
            this.notifications = notifications;
        }

        if (options.schedule()) {
            String publisher = template.functionWithEvent("Schedule")
                    .orElseThrow(() -> new IllegalStateException("no scheduled function in the template"));
            Function<ScheduledEvent, Object> tick =
                    invoker(handlers.get(publisher), publisher, ScheduledEvent.class, Object.class);
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "publisher-schedule");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(
                    () -> {
                        try {
                            ScheduledEvent event = new ScheduledEvent();
                            event.setSource("aws.events");
                            event.setDetailType("Scheduled Event");
                            tick.apply(event);
                        } catch (RuntimeException e) {
                            System.err.println(
                                    "publisher schedule: " + e.getClass().getSimpleName());
                        }
                    },
                    60,
                    60,
                    TimeUnit.SECONDS);
            closeables.add(timer::shutdownNow);
        }
    }

    /** The app client's AccessTokenValidity, in its TokenValidityUnits (Cognito's default: hours). */
    static Duration accessTokenLifetime(CloudTemplate template) {
        Map<String, Object> client = template.firstOfType("AWS::Cognito::UserPoolClient")
                .map(template::properties)
                .orElse(Map.of());
        long value = client.get("AccessTokenValidity") instanceof Number n ? n.longValue() : 1;
        Object unit = CloudTemplate.map(client.get("TokenValidityUnits")).getOrDefault("AccessToken", "hours");
        return switch (String.valueOf(unit)) {
            case "minutes" -> Duration.ofMinutes(value);
            case "seconds" -> Duration.ofSeconds(value);
            case "days" -> Duration.ofDays(value);
            default -> Duration.ofHours(value);
        };
    }

    private Object instantiate(String handler) {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        return services.handler(className);
    }

    @SuppressWarnings("unchecked")
    private static <I, O> Function<I, O> invoker(Object handler, String name, Class<I> in, Class<O> out) {
        RequestHandler<I, O> typed = (RequestHandler<I, O>) handler;
        return event -> typed.handleRequest(event, LocalContext.of(name));
    }

    /** Writes the pages that exist without any story: assets, homes, lists, feeds, 404s, robots. */
    public void writeSkeleton() {
        List<Page> pages = new ArrayList<>();
        pages.add(new Page.Assets());
        pages.add(new Page.Root());
        pages.add(new Page.RootNotFound());
        pages.add(new Page.Robots());
        pages.add(new Page.SitemapIndex());
        pages.add(new Page.NewsSitemap());
        for (String lang : config.languages()) {
            pages.add(new Page.Home(lang));
            pages.add(new Page.NewsHead(lang));
            pages.add(new Page.Feed(lang));
            pages.add(new Page.Latest(lang));
            pages.add(new Page.NotFound(lang));
            pages.add(new Page.Search(lang));
            for (String category : config.categories()) pages.add(new Page.Category(lang, category));
        }
        services.writer().write(pages);
    }

    public boolean createdTable() {
        return createdTable;
    }

    public Wiring services() {
        return services;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public S3Client s3() {
        return s3;
    }

    /** The embedded emulators; null when the stack runs against external endpoints. */
    public Emulators emulators() {
        return emulators;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public LocalAuth auth() {
        return auth;
    }

    public StreamPoller poller() {
        return poller;
    }

    public LocalRebuildQueue rebuildQueue() {
        return rebuildQueue;
    }

    public LocalInvalidationQueue invalidationQueue() {
        return invalidationQueue;
    }

    public LocalRedirects redirects() {
        return redirects;
    }

    public CdnEmulator cdn() {
        return cdn;
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + api.port();
    }

    public String cdnUrl() {
        return "http://127.0.0.1:" + cdn.port();
    }

    public Config config() {
        return config;
    }

    /** Bucket notifications raised and not yet handled by their function. */
    public long pendingNotifications() {
        return notifications == null ? 0 : notifications.pending();
    }

    /** Bucket notifications whose function failed. */
    public long failedNotifications() {
        return notifications == null ? 0 : notifications.failures();
    }

    /** Waits until the stream and the rebuild queue have nothing left to deliver. */
    public void awaitQuiet(Duration timeout) throws InterruptedException {
        poller.awaitIdle(timeout.toMillis());
        rebuildQueue.awaitEmpty(timeout.toMillis());
        poller.awaitIdle(timeout.toMillis());
        invalidationQueue.awaitEmpty(timeout.toMillis());
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                System.err.println("closing: " + e.getClass().getSimpleName());
            }
        }
    }
}
