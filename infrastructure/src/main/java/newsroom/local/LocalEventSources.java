package newsroom.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What calls the functions without a request: the table's stream (polled and handed to the render
 * function in the template's batches), the uploads bucket's notifications, and the publisher's
 * schedule. The queues' consumers are {@link LocalQueues}'.
 */
final class LocalEventSources implements AutoCloseable {
    static final String STREAM_CHECKPOINT = "stream-checkpoint.properties";

    private final Closer closeables = new Closer();
    private StreamPoller poller;
    private S3Notifications notifications;
    private LocalSchedule schedule;

    private LocalEventSources() {}

    /** Starts the stream, the upload notifications and, when {@code options} ask for it, the schedule. */
    static LocalEventSources start(
            StackOptions options,
            CloudTemplate template,
            LocalStorage storage,
            LocalFunctions functions,
            LocalInvalidationQueue invalidation) {
        LocalEventSources sources = new LocalEventSources();
        try {
            sources.startStream(options, template, storage, functions, invalidation);
            sources.subscribeUploads(template, storage, functions);
            if (options.schedule()) sources.startSchedule(options, template, functions);
            return sources;
        } catch (RuntimeException e) {
            sources.close();
            throw e;
        }
    }

    private void startStream(
            StackOptions options,
            CloudTemplate template,
            LocalStorage storage,
            LocalFunctions functions,
            LocalInvalidationQueue invalidation) {
        String renderFunction = template.functionWithEvent("DynamoDB")
                .orElseThrow(() -> new IllegalStateException("no stream function in the template"));
        Map<String, Object> mapping = template.eventProperties(renderFunction, "DynamoDB");
        int batchSize = ((Number) mapping.getOrDefault("BatchSize", 100)).intValue();
        String streamArn = storage.streamArn();
        DynamoDbStreamsClient streams = storage.streams();
        closeables.add(streams);
        // with kept data the stream position is kept too: a restart resumes where the last run stopped
        Optional<StreamCheckpoint> checkpoint =
                options.dataDir().map(dir -> StreamCheckpoint.open(dir.resolve(STREAM_CHECKPOINT), streamArn));
        Function<DynamodbEvent, StreamsEventResponse> render =
                functions.invoker(renderFunction, DynamodbEvent.class, StreamsEventResponse.class);
        poller = new StreamPoller(
                streams,
                streamArn,
                Emulators.REGION,
                event -> invalidation.during(() -> render.apply(event)),
                batchSize,
                options.streamRetries(),
                options.pollMillis(),
                checkpoint);
        closeables.add(poller);
        poller.start(false);
        // the functions' writes make the records: each invocation's end is looked at without waiting
        functions.afterEachInvocation(poller::wake);
    }

    /** The uploads bucket's notification, raised by the S3 emulator's own writes. */
    private void subscribeUploads(CloudTemplate template, LocalStorage storage, LocalFunctions functions) {
        Optional<String> imageFunction = template.functionWithEvent("S3");
        Optional<Emulators> emulators = storage.emulators();
        if (emulators.isEmpty() || imageFunction.isEmpty()) return;
        S3Notifications subscribed = new S3Notifications(
                S3Notifications.subscription(
                        template,
                        imageFunction.get(),
                        Map.of("SiteBucket", LocalCloud.BUCKET, "UploadsBucket", LocalCloud.UPLOADS_BUCKET)),
                functions.invoker(imageFunction.get(), S3Event.class, Object.class));
        closeables.add(subscribed);
        emulators.get().onObjectCreated(subscribed::objectCreated);
        this.notifications = subscribed;
    }

    /** The publisher's schedule: its function at the template's rate, by the stack's clock. */
    private void startSchedule(StackOptions options, CloudTemplate template, LocalFunctions functions) {
        String publisher = template.functionWithEvent("Schedule")
                .orElseThrow(() -> new IllegalStateException("no scheduled function in the template"));
        RequestStreamHandler function = functions.streamHandler(publisher);
        Duration period = LocalSchedule.period(String.valueOf(
                template.eventProperties(publisher, "Schedule").getOrDefault("Schedule", "rate(1 minute)")));
        Clock clock = options.clock();
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

    StreamPoller poller() {
        return poller;
    }

    /** Times the publisher's schedule has fired; zero when the stack runs without it. */
    long scheduleTicks() {
        return schedule == null ? 0 : schedule.ticks();
    }

    /** Bucket notifications raised and not yet handled by their function. */
    long pendingNotifications() {
        return notifications == null ? 0 : notifications.pending();
    }

    /** Bucket notifications whose function failed. */
    long failedNotifications() {
        return notifications == null ? 0 : notifications.failures();
    }

    @Override
    public void close() {
        closeables.close();
    }
}
