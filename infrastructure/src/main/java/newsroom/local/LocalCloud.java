package newsroom.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import newsroom.lambda.Wiring;
import newsroom.render.FullSite;
import newsroom.render.Page;
import newsroom.site.Config;
import newsroom.store.S3MediaUploads;
import newsroom.store.S3SiteBucket;
import newsroom.store.S3Uploads;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

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
     * How to start: ports (0 picks a free one for the HTTP servers), where data lives, pacing, and
     * the clock the functions, the CDN's lifetimes and the publisher's schedule go by.
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
            boolean schedule,
            Clock clock) {
        /** A stack on the system's clock. */
        public Options(
                int dynamoPort,
                int s3Port,
                int apiPort,
                int cdnPort,
                Optional<Path> dataDir,
                Path templateFile,
                long pollMillis,
                int streamRetries,
                boolean schedule) {
            this(
                    dynamoPort,
                    s3Port,
                    apiPort,
                    cdnPort,
                    dataDir,
                    templateFile,
                    pollMillis,
                    streamRetries,
                    schedule,
                    Clock.systemUTC());
        }

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
                    schedule,
                    clock);
        }

        /** The same stack on another clock: tests move it on instead of waiting for time to pass. */
        public Options withClock(Clock other) {
            return new Options(
                    dynamoPort,
                    s3Port,
                    apiPort,
                    cdnPort,
                    dataDir,
                    templateFile,
                    pollMillis,
                    streamRetries,
                    schedule,
                    other);
        }
    }

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Emulators emulators;
    private Endpoints endpoints;
    private DynamoDbClient dynamo;
    private S3Client s3;
    private S3MediaUploads media;
    private Wiring services;
    private ApiGateway api;
    private CdnEmulator cdn;
    private LocalRedirects redirects;
    private StreamPoller poller;
    private S3Notifications notifications;
    private LocalQueues queues;
    private LocalAuth auth;
    private LocalSchedule schedule;
    private Clock clock;
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

    /** Where the browser may load the editor from: the CDN emulator under either loopback name. */
    static Set<String> editorOrigins(int cdnPort) {
        return Set.of("http://localhost:" + cdnPort, "http://127.0.0.1:" + cdnPort);
    }

    private void boot(Options options, LocalAuth auth, Optional<Endpoints> external) throws Exception {
        this.auth = auth;
        this.clock = options.clock();
        CloudTemplate template = CloudTemplate.read(options.templateFile());
        connect(options, external);
        createTableAndBuckets(template);
        startCdn(options, template);
        config = LocalClients.localConfig("http://localhost:" + cdn.port());
        startQueues(template);
        wireServices();
        Map<String, Object> handlers = buildHandlers(template);
        connectQueues(template, handlers);
        startApi(options, template, handlers);
        mountEditor(template);
        startStream(options, template, handlers);
        subscribeUploads(template, handlers);
        if (options.schedule()) startSchedule(options, template, handlers);
    }

    /** The embedded emulators, or the external endpoints, and the clients of both. */
    private void connect(Options options, Optional<Endpoints> external) {
        if (external.isPresent()) {
            endpoints = external.get();
        } else {
            emulators = Emulators.start(options.dynamoPort(), options.s3Port(), options.dataDir(), true);
            closeables.add(emulators);
            endpoints = new Endpoints(emulators.dynamoEndpoint(), emulators.s3Endpoint());
        }
        dynamo = LocalClients.dynamo(endpoints.dynamo());
        closeables.add(dynamo);
        s3 = LocalClients.s3(endpoints.s3());
        closeables.add(s3);
        // S3Proxy checks a signature's time against its own clock, not the stack's
        media = LocalClients.mediaUploads(endpoints.s3(), UPLOADS_BUCKET, Clock.systemUTC());
    }

    private void createTableAndBuckets(CloudTemplate template) {
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
    }

    /** The distribution: the site bucket behind the template's headers and viewer-request function. */
    private void startCdn(Options options, CloudTemplate template) throws IOException {
        redirects = new LocalRedirects(options.dataDir());
        CloudTemplate.FunctionCode urlFunction = template.viewerRequestFunction()
                .orElseThrow(() -> new IllegalStateException("the distribution runs no viewer-request function"));
        cdn = new CdnEmulator(
                options.cdnPort(),
                s3,
                BUCKET,
                template.securityHeaders(),
                template.notFoundCacheSeconds(),
                CloudFrontFunction.of(urlFunction.code(), urlFunction.logicalId(), redirects),
                clock,
                CdnEmulator.MAX_ENTRIES,
                CdnEmulator.MAX_BYTES);
        closeables.add(cdn);
    }

    /** The rebuild queue, and the invalidation queue paced as the template's event source says. */
    private void startQueues(CloudTemplate template) {
        queues = LocalQueues.start(template);
        closeables.add(queues);
    }

    private void wireServices() {
        services = Wiring.wire(
                config,
                dynamo,
                () -> new S3SiteBucket(s3, BUCKET),
                () -> media,
                () -> new S3Uploads(s3),
                () -> new Wiring.Edges(cdn, queues.rebuild(), queues.invalidation(), redirects),
                clock);
    }

    /** The handlers template.yaml names, each built with the local wiring, by function id. */
    private Map<String, Object> buildHandlers(CloudTemplate template) {
        Map<String, Object> handlers = new LinkedHashMap<>();
        template.handlers().forEach((id, handler) -> handlers.put(id, instantiate(handler)));
        return handlers;
    }

    private void connectQueues(CloudTemplate template, Map<String, Object> handlers) {
        queues.connect(template, id -> invoker(handlers.get(id), id, SQSEvent.class, SQSBatchResponse.class));
    }

    /** The HTTP API: each route of the template to its function, behind the authorizer and CORS. */
    private void startApi(Options options, CloudTemplate template, Map<String, Object> handlers) throws IOException {
        Map<String, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> apiFunctions = new LinkedHashMap<>();
        for (CloudTemplate.Route route : template.routes()) {
            apiFunctions.computeIfAbsent(
                    route.function(),
                    id -> invoker(handlers.get(id), id, APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class));
        }
        api = new ApiGateway(options.apiPort(), template.routes(), apiFunctions, auth);
        closeables.add(api);
        this.auth = api.auth();
        api.cors(LocalCors.from(template, editorOrigins()));
    }

    private Set<String> editorOrigins() {
        return editorOrigins(cdn.port());
    }

    /** The editor at /admin/ on the CDN, signing in through Cognito-like endpoints, calling the API. */
    private void mountEditor(CloudTemplate template) {
        EditorSite.mount(cdn, LocalOAuth.forEditor(this.auth, editorOrigins(), template), api.port(), config);
    }

    /** The table's stream, polled and handed to the render function in the template's batches. */
    private void startStream(Options options, CloudTemplate template, Map<String, Object> handlers) {
        String renderFunction = template.functionWithEvent("DynamoDB")
                .orElseThrow(() -> new IllegalStateException("no stream function in the template"));
        Map<String, Object> mapping = template.eventProperties(renderFunction, "DynamoDB");
        int batchSize = ((Number) mapping.getOrDefault("BatchSize", 100)).intValue();
        String streamArn = dynamo.describeTable(b -> b.tableName(TABLE)).table().latestStreamArn();
        DynamoDbStreamsClient streams = LocalClients.streams(endpoints.dynamo());
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
                event -> queues.invalidation().during(() -> render.apply(event)),
                batchSize,
                options.streamRetries(),
                options.pollMillis(),
                checkpoint);
        closeables.add(poller);
        poller.start(false);
    }

    /** The uploads bucket's notification, raised by the S3 emulator's own writes. */
    private void subscribeUploads(CloudTemplate template, Map<String, Object> handlers) {
        Optional<String> imageFunction = template.functionWithEvent("S3");
        if (emulators == null || imageFunction.isEmpty()) return;
        S3Notifications notifications = new S3Notifications(
                S3Notifications.subscription(
                        template, imageFunction.get(), Map.of("SiteBucket", BUCKET, "UploadsBucket", UPLOADS_BUCKET)),
                invoker(handlers.get(imageFunction.get()), imageFunction.get(), S3Event.class, Object.class));
        closeables.add(notifications);
        emulators.onObjectCreated(notifications::objectCreated);
        this.notifications = notifications;
    }

    /** The publisher's schedule: its function at the template's rate, by the stack's clock. */
    private void startSchedule(Options options, CloudTemplate template, Map<String, Object> handlers) {
        String publisher = template.functionWithEvent("Schedule")
                .orElseThrow(() -> new IllegalStateException("no scheduled function in the template"));
        RequestStreamHandler function = (RequestStreamHandler) handlers.get(publisher);
        Duration period = LocalSchedule.period(String.valueOf(
                template.eventProperties(publisher, "Schedule").getOrDefault("Schedule", "rate(1 minute)")));
        schedule = new LocalSchedule(clock, period, options.pollMillis(), () -> {
            // the event EventBridge sends on a schedule, as the bytes the function receives
            String event = "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID()
                    + "\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
                    + "\"account\":\"000000000000\",\"time\":\""
                    + clock.instant().truncatedTo(ChronoUnit.SECONDS) + "\",\"region\":\"us-east-1\","
                    + "\"resources\":[],\"detail\":{}}";
            try {
                function.handleRequest(
                        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                        new ByteArrayOutputStream(),
                        LocalContext.of(publisher));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        closeables.add(schedule);
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
        List<Page> pages = FullSite.skeleton(config);
        services.writer().write(pages);
        // a table made just now holds no story: its months are known, and kept from here on
        if (createdTable) {
            for (String lang : config.languages()) services.index().keepMonths(lang, config.zone(), Map.of());
        }
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
        return queues.rebuild();
    }

    public LocalInvalidationQueue invalidationQueue() {
        return queues.invalidation();
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

    /** The clock the stack's functions, CDN and schedule go by. */
    public Clock clock() {
        return clock;
    }

    /** Times the publisher's schedule has fired; zero when the stack runs without it. */
    public long scheduleTicks() {
        return schedule == null ? 0 : schedule.ticks();
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
        queues.rebuild().awaitEmpty(timeout.toMillis());
        poller.awaitIdle(timeout.toMillis());
        queues.invalidation().awaitEmpty(timeout.toMillis());
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
