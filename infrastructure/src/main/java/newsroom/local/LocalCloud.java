package newsroom.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import newsroom.lambda.Wiring;
import newsroom.render.FullSite;
import newsroom.render.Page;
import newsroom.site.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole newsroom on one machine: emulators, the handlers named in template.yaml, the API
 * gateway, the stream poller, the publisher schedule, the rebuild queue and the CDN. Each part is
 * started by a class of its own ({@link LocalStorage}, {@link CdnEmulator}, {@link LocalQueues},
 * {@link LocalFunctions}, {@link ApiGateway}, {@link EditorSite}, {@link LocalEventSources}); this
 * one starts them in order and closes them in the reverse.
 */
public final class LocalCloud implements AutoCloseable {
    public static final String TABLE = "newsroom";
    public static final String BUCKET = "newsroom-site";
    public static final String UPLOADS_BUCKET = "newsroom-uploads";

    private final Closer closeables = new Closer();
    private LocalStorage storage;
    private LocalFunctions functions;
    private ApiGateway api;
    private CdnEmulator cdn;
    private LocalRedirects redirects;
    private LocalQueues queues;
    private LocalEventSources events;
    private LocalAuth auth;
    private Clock clock;
    private Config config;

    private LocalCloud() {}

    public static LocalCloud start(StackOptions options, LocalAuth auth) throws Exception {
        return start(options, auth, Optional.empty());
    }

    /**
     * Starts the stack; with {@code external} endpoints it uses those instead of starting DynamoDB
     * Local and S3Proxy, so the same handlers, gateway, poller and CDN run against another backend.
     */
    public static LocalCloud start(StackOptions options, LocalAuth auth, Optional<Endpoints> external)
            throws Exception {
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

    private void boot(StackOptions options, LocalAuth auth, Optional<Endpoints> external) throws Exception {
        this.auth = auth;
        this.clock = options.clock();
        CloudTemplate template = CloudTemplate.read(options.templateFile());
        storage = closeables.add(LocalStorage.open(options, external, template));
        startCdn(options, template);
        config = LocalClients.localConfig("http://localhost:" + cdn.port());
        // the rebuild queue, and the invalidation queue paced as the template's event source says
        queues = closeables.add(LocalQueues.start(template));
        functions = LocalFunctions.wire(
                template,
                config,
                storage,
                () -> new Wiring.Edges(cdn, queues.rebuild(), queues.invalidation(), redirects),
                clock);
        queues.connect(template, id -> functions.invoker(id, SQSEvent.class, SQSBatchResponse.class));
        startApi(options, template);
        mountEditor(template);
        events = closeables.add(LocalEventSources.start(options, template, storage, functions, queues.invalidation()));
    }

    /** The distribution: the site bucket behind the template's headers and viewer-request function. */
    private void startCdn(StackOptions options, CloudTemplate template) throws IOException {
        redirects = new LocalRedirects(options.dataDir());
        CloudTemplate.FunctionCode urlFunction = template.viewerRequestFunction()
                .orElseThrow(() -> new IllegalStateException("the distribution runs no viewer-request function"));
        cdn = closeables.add(new CdnEmulator(
                options.cdnPort(),
                storage.s3(),
                BUCKET,
                template.securityHeaders(),
                template.notFoundCacheSeconds(),
                CloudFrontFunction.of(urlFunction.code(), urlFunction.logicalId(), redirects),
                clock,
                CdnEmulator.MAX_ENTRIES,
                CdnEmulator.MAX_BYTES));
    }

    /** The HTTP API: each route of the template to its function, behind the authorizer and CORS. */
    private void startApi(StackOptions options, CloudTemplate template) throws IOException {
        Map<String, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> apiFunctions = new LinkedHashMap<>();
        for (CloudTemplate.Route route : template.routes()) {
            apiFunctions.computeIfAbsent(
                    route.function(),
                    id -> functions.invoker(id, APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class));
        }
        api = closeables.add(new ApiGateway(options.apiPort(), template.routes(), apiFunctions, auth));
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

    /** Writes the pages that exist without any story: assets, homes, lists, feeds, 404s, robots. */
    public void writeSkeleton() {
        List<Page> pages = FullSite.skeleton(config);
        services().writer().write(pages);
        // a table made just now holds no story: its months are known, and kept from here on
        if (createdTable()) {
            for (String lang : config.languages()) services().index().keepMonths(lang, config.zone(), Map.of());
        }
    }

    public boolean createdTable() {
        return storage.createdTable();
    }

    public Wiring services() {
        return functions.wiring();
    }

    public DynamoDbClient dynamo() {
        return storage.dynamo();
    }

    public S3Client s3() {
        return storage.s3();
    }

    /** The embedded emulators; null when the stack runs against external endpoints. */
    public Emulators emulators() {
        return storage.emulators().orElse(null);
    }

    public Endpoints endpoints() {
        return storage.endpoints();
    }

    public LocalAuth auth() {
        return auth;
    }

    public StreamPoller poller() {
        return events.poller();
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
        return events.scheduleTicks();
    }

    /** Bucket notifications raised and not yet handled by their function. */
    public long pendingNotifications() {
        return events.pendingNotifications();
    }

    /** Bucket notifications whose function failed. */
    public long failedNotifications() {
        return events.failedNotifications();
    }

    /** Waits until the stream and the rebuild queue have nothing left to deliver. */
    public void awaitQuiet(Duration timeout) throws InterruptedException {
        StreamPoller poller = events.poller();
        poller.awaitIdle(timeout.toMillis());
        queues.rebuild().awaitEmpty(timeout.toMillis());
        poller.awaitIdle(timeout.toMillis());
        queues.invalidation().awaitEmpty(timeout.toMillis());
    }

    @Override
    public void close() {
        closeables.close();
    }
}
