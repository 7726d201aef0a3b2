package newsroom.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import newsroom.lambda.Wiring;
import newsroom.local.CloudTemplate;
import newsroom.local.Emulators;
import newsroom.local.LocalClients;
import newsroom.local.LocalCloud;
import newsroom.local.NewsroomLocal;
import newsroom.local.TableDefinition;
import newsroom.render.FullSite;
import newsroom.render.Page;
import newsroom.store.DynamoSiteIndex;
import newsroom.store.DynamoStoryRepository;
import newsroom.store.S3SiteBucket;
import newsroom.story.Actor;
import newsroom.story.Outcome;
import newsroom.story.Slugs;
import newsroom.story.Story;
import newsroom.story.StoryInput;
import newsroom.story.StoryService;
import newsroom.story.Translation;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Writes the corpus twice: as Markdown files with front matter for Hugo, and as the stack's table
 * (kept data of the embedded emulators), each story created and published through {@link
 * StoryService} and the repository's item mapping exactly as the API would, then written in
 * batches. Optionally renders the whole site into the bucket, as a full rebuild would.
 */
final class CorpusLoad {
    private static final Actor EDITOR = new Actor("bench-editor", Set.of("editors"));
    private static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    private CorpusLoad() {}

    static void run(Args args) throws Exception {
        int stories = args.integer("stories");
        Path data = Path.of(args.text("data"));
        Path hugo = Path.of(args.text("hugo-content"));
        int offset = args.integer("port-offset");
        boolean fillBucket = args.flag("fill-bucket");
        Files.createDirectories(data);
        long started = System.nanoTime();
        try (Emulators emulators = Emulators.start(18000 + offset, 19000 + offset, Optional.of(data));
                DynamoDbClient dynamo = dynamo(emulators.dynamoEndpoint());
                S3Client s3 = s3(emulators.s3Endpoint())) {
            CloudTemplate template = CloudTemplate.read(Path.of(args.text("template")));
            TableDefinition.create(dynamo, TableDefinition.fromTemplate(template, LocalCloud.TABLE));
            try {
                s3.createBucket(b -> b.bucket(LocalCloud.BUCKET));
            } catch (S3Exception e) {
                if (e.statusCode() != 409) throw e;
            }

            long generate = System.nanoTime();
            CapturedWrites captured = new CapturedWrites();
            MovableClock clock = new MovableClock();
            StoryService service = new StoryService(
                    new DynamoStoryRepository(captured, LocalCloud.TABLE, ZONE),
                    Corpus.LANGUAGES,
                    Corpus.CATEGORIES,
                    clock);
            Map<String, Set<String>> slugs = new HashMap<>();
            int translations = 0;
            TableWriter table = new TableWriter(dynamo, stories);
            // by default a story every 3 hours from 2022; --months M spreads the same stories over M
            // months ending in 2025, for the reads that grow with the months a site spans
            int months = args.integer("months", 0);
            Instant last = Instant.parse("2025-01-06T03:00:00Z");
            Instant first = months == 0
                    ? paced(stories)
                    : last.atZone(ZoneOffset.UTC).minusMonths(months).toInstant();
            Duration every =
                    months == 0 ? Corpus.EVERY : Duration.between(first, last).dividedBy(stories);
            for (int i = 0; i < stories; i++) {
                Corpus.Item item = Corpus.story(i);
                Instant at = first.plus(every.multipliedBy(i));
                StoryInput input = uniqueTitles(item, slugs);
                clock.at(at.minus(Duration.ofMinutes(40)));
                Story draft = done(service.create(EDITOR, input));
                clock.at(at);
                Story published =
                        done(service.publish(EDITOR, draft.id(), draft.version(), List.of(), Optional.empty()));
                for (Translation t : published.translations().values()) {
                    writeMarkdown(hugo, published, t);
                    translations++;
                }
                table.add(captured.drain());
                table.storyDone();
            }
            table.finish();
            // the months items, as a table kept from its creation holds them (LocalCloud sets the zone
            // on a table it creates, the publishes add to them): the sitemap index reads them, so a
            // publish costs the reads it would in the real store, whatever the months the corpus spans
            DynamoSiteIndex monthsIndex = new DynamoSiteIndex(
                    dynamo,
                    LocalCloud.TABLE,
                    new DynamoStoryRepository(dynamo, LocalCloud.TABLE, ZONE),
                    Corpus.LANGUAGES);
            for (String lang : Corpus.LANGUAGES) {
                monthsIndex.keepMonths(lang, ZONE, captured.months().getOrDefault(lang, Map.of()));
            }
            long loaded = System.nanoTime();

            long renderMillis = 0;
            int pages = 0;
            if (fillBucket) {
                // the stack's own configuration and wiring, so the bucket holds what it would render
                Wiring services = NewsroomLocal.offline(
                        LocalClients.localConfig("http://localhost:" + (8080 + offset)),
                        dynamo,
                        new S3SiteBucket(s3, LocalCloud.BUCKET));
                long render = System.nanoTime();
                pages = fill(services, FullSite.pages(services.index(), services.config()));
                renderMillis = (System.nanoTime() - render) / 1_000_000;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("bench", "corpus");
            out.put("stories", stories);
            out.put("translations", translations);
            out.put(
                    "monthsSpanned",
                    ChronoUnit.MONTHS.between(
                                    YearMonth.from(first.atZone(ZONE)),
                                    YearMonth.from(first.plus(every.multipliedBy(Math.max(0, stories - 1)))
                                            .atZone(ZONE)))
                            + 1);
            out.put("items", table.written());
            out.put("loadMs", (loaded - generate) / 1_000_000);
            // the generation runs beside the writes: the time from the first batch sent to the last done
            out.put("tableWriteMs", table.writeMillis());
            out.put("tableWriters", TableWriter.WRITERS);
            out.put("bucketWriters", FILL_WRITERS);
            out.put("bucketPages", pages);
            out.put("bucketRenderMs", renderMillis);
            out.put("totalMs", (System.nanoTime() - started) / 1_000_000);
            args.emit(out);
        }
    }

    /**
     * The first story's time at the corpus's own pace (a story every 3 hours): from 2022, unless the
     * last story would then come after 2025. A larger corpus starts earlier, at the same pace, so that
     * every story is older than the publishes the benchmark makes (dated now) and each month holds
     * what it holds in a small corpus; up to N = 11,000 nothing moves.
     */
    static Instant paced(int stories) {
        Instant latest = Instant.parse("2025-12-31T00:00:00Z");
        Duration span = Corpus.EVERY.multipliedBy(Math.max(0, stories - 1));
        return Corpus.FIRST.plus(span).isAfter(latest) ? latest.minus(span) : Corpus.FIRST;
    }

    /** Titles whose slugs no earlier story holds, as the API's slug claim would insist. */
    private static StoryInput uniqueTitles(Corpus.Item item, Map<String, Set<String>> slugs) {
        Map<String, StoryInput.TranslationInput> translations = new LinkedHashMap<>();
        item.input().translations().forEach((lang, t) -> {
            Set<String> taken = slugs.computeIfAbsent(lang, l -> new HashSet<>());
            String title = t.title();
            for (int attempt = 1; taken.contains(Slugs.fromTitle(title)); attempt++) {
                title = Corpus.retitled(lang, item.index(), attempt);
            }
            taken.add(Slugs.fromTitle(title));
            translations.put(
                    lang,
                    new StoryInput.TranslationInput(
                            title, t.lead(), t.dateline(), t.body(), t.format(), t.slug(), t.caption(), t.imageAlt()));
        });
        StoryInput in = item.input();
        return new StoryInput(in.category(), in.tags(), in.author(), in.imageSrc(), translations);
    }

    /** The same story for Hugo: front matter with what the page shows, the Markdown as written. */
    private static void writeMarkdown(Path root, Story story, Translation t) throws IOException {
        Path file = root.resolve(t.lang()).resolve("news").resolve(t.slug() + ".md");
        Files.createDirectories(file.getParent());
        String month = YearMonth.from(t.publishedAt().atZone(ZONE)).toString();
        String text = "---\n"
                + "title: "
                + quoted(t.title())
                + "\ndate: "
                + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.publishedAt().atZone(ZONE))
                + "\nslug: "
                + quoted(t.slug())
                + "\ntranslationKey: "
                + quoted(story.id().value())
                + "\ncategories: ["
                + quoted(story.category())
                + "]\nmonths: ["
                + quoted(month)
                + "]\nlead: "
                + quoted(t.lead())
                + "\ndateline: "
                + quoted(t.dateline())
                + "\n---\n"
                + t.bodySource()
                + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Concurrent whole-site writes of the bucket fill: each renders its blocks of pages in turn. */
    static final int FILL_WRITERS = 2;

    /**
     * Pages written per block: a multiple of the writer's chunk, so that the blocks cut the list where
     * one write of the whole list would (a story's translations stay in one batch read).
     */
    private static final int FILL_BLOCK = 2_400;

    /**
     * Renders the pages into the bucket as one write of them all would (the same pages, the same
     * chunks of the list), a few blocks at a time: one writer's chunk reads leave the cores idle
     * while they wait on the table. Prints its progress.
     */
    private static int fill(Wiring services, List<Page> pages) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(FILL_WRITERS);
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int from = 0; from < pages.size(); from += FILL_BLOCK) {
                List<Page> block = pages.subList(from, Math.min(pages.size(), from + FILL_BLOCK));
                work.add(pool.submit(() -> {
                    services.writer().write(block);
                    int total = done.addAndGet(block.size());
                    progress("bucket: %,d of %,d pages, %.0f pages/s", total, pages.size(), total, started);
                    return null;
                }));
            }
            for (Future<?> f : work) f.get();
        } finally {
            pool.shutdownNow();
        }
        return pages.size();
    }

    /** A progress line on standard error (standard output carries the figures): elapsed, rate. */
    private static void progress(String format, int count, int of, int rated, long since) {
        double seconds = (System.nanoTime() - since) / 1e9;
        System.err.printf(
                Locale.ROOT,
                "%s %.0f s  " + format + "%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                seconds,
                count,
                of,
                rated / Math.max(seconds, 1e-3));
    }

    /**
     * Puts the items in batches of 25 on a few threads while the stories are still being generated:
     * the generation waits only when the queue of unsent batches is full, and the writers never wait
     * for a batch the generation has ready. Retries what the table left unprocessed.
     */
    private static final class TableWriter {
        static final int WRITERS = 4;
        private static final int BATCH = 25;
        /** Batches generated but not yet written: bounds the memory the generation can run ahead by. */
        private static final int QUEUED = 200;

        private final DynamoDbClient dynamo;
        private final int stories;
        private final ExecutorService pool;
        private final Semaphore room = new Semaphore(QUEUED);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final AtomicLong lastDone = new AtomicLong();
        private final List<Future<?>> sent = new ArrayList<>();
        private List<Map<String, AttributeValue>> pending = new ArrayList<>();
        private long firstSent;
        private int written;
        private int storiesDone;

        TableWriter(DynamoDbClient dynamo, int stories) {
            this.dynamo = dynamo;
            this.stories = stories;
            this.pool = Executors.newFixedThreadPool(WRITERS);
        }

        /** One story's items; keys within a story are distinct, and no two stories share a key. */
        void add(List<Map<String, AttributeValue>> items) throws InterruptedException {
            for (Map<String, AttributeValue> item : items) {
                pending.add(item);
                if (pending.size() == BATCH) send();
            }
        }

        void storyDone() {
            storiesDone++;
            if (storiesDone % 5_000 == 0) {
                progress("table: %,d of %,d stories, %.0f items/s", storiesDone, stories, written, firstSent);
            }
        }

        /** Sends what is left and waits for every batch. */
        void finish() throws Exception {
            if (!pending.isEmpty()) send();
            pool.shutdown();
            for (Future<?> f : sent) f.get();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            Throwable t = failure.get();
            if (t != null) throw new IllegalStateException("a batch write failed", t);
        }

        int written() {
            return written;
        }

        long writeMillis() {
            return Math.max(0, lastDone.get() - firstSent) / 1_000_000;
        }

        private void send() throws InterruptedException {
            Throwable t = failure.get();
            if (t != null) throw new IllegalStateException("a batch write failed", t);
            List<WriteRequest> batch = new ArrayList<>(pending.size());
            for (Map<String, AttributeValue> item : pending) {
                batch.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build());
            }
            written += pending.size();
            pending = new ArrayList<>();
            if (firstSent == 0) firstSent = System.nanoTime();
            room.acquire();
            sent.add(pool.submit(() -> {
                try {
                    Map<String, List<WriteRequest>> unwritten = Map.of(LocalCloud.TABLE, batch);
                    while (!unwritten.isEmpty()) {
                        Map<String, List<WriteRequest>> request = unwritten;
                        BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
                        unwritten = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                    }
                    lastDone.accumulateAndGet(System.nanoTime(), Math::max);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    throw e;
                } finally {
                    room.release();
                }
                return null;
            }));
        }
    }

    static DynamoDbClient dynamo(String endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(credentials())
                .region(Region.of(Emulators.REGION))
                .httpClient(ApacheHttpClient.builder().maxConnections(32).build())
                .build();
    }

    static S3Client s3(String endpoint) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .forcePathStyle(true)
                .credentialsProvider(credentials())
                .region(Region.of(Emulators.REGION))
                .httpClient(ApacheHttpClient.builder().maxConnections(32).build())
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY));
    }

    private static <T> T done(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> d) return d.value();
        throw new IllegalStateException("corpus story rejected: " + ((Outcome.Rejected<T>) outcome).reason());
    }

    /** The service's clock, set to each story's own creation and publication time. */
    private static final class MovableClock extends Clock {
        private Instant now = Corpus.FIRST;

        void at(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
