package newsroom.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import newsroom.local.LocalClients;
import newsroom.render.Assets;
import newsroom.render.Entry;
import newsroom.render.FullSite;
import newsroom.render.SiteBucket;
import newsroom.render.SiteIndex;
import newsroom.render.SiteRenderer;
import newsroom.render.SiteWriter;
import newsroom.render.SnapshotIndex;
import newsroom.search.SearchIndexer;
import newsroom.site.Config;
import newsroom.store.DynamoSiteIndex;
import newsroom.store.DynamoStoryRepository;
import newsroom.story.PictureCatalog;
import newsroom.story.Story;
import newsroom.story.StoryId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The render engine alone: the published index and every story (bodies included) are read from
 * the running stack's table into memory once, untimed; then the whole site is rendered from that
 * snapshot several times over, with the same pages, writer and search index as the export, into a
 * bucket that only counts what it is given: a cold pass, warm-up passes while the JIT compiler
 * still works, then the measured passes. Each pass records the process's CPU time (every
 * thread: renderer pool, GC, compiler) and the files it produced, so pages per CPU-second sit
 * beside Hugo's. The corpus has no pictures, so none are looked up.
 */
final class EngineBench {
    private EngineBench() {}

    static void run(Args args) throws Exception {
        int stories = args.integer("stories");
        // the first pass is cold; the next ones still pay the JIT compiler (its threads' CPU counts),
        // so the steady figure comes from the passes after them. The compiler's work is done after
        // so many pages, not so many passes: the warm-up is at least --warmup passes and at least
        // --warmup-pages pages (at N = 1,000 the CPU per pass still fell by a third from the 6th
        // pass to the 20th, at 10,000 it is flat after the 5th)
        int measured = args.integer("passes", 3);
        int warmupPasses = args.integer("warmup", 5);
        int warmupPages = args.integer("warmup-pages", 150_000);
        int warmup = warmupPasses;
        int passes = 1 + warmup + measured;
        int offset = args.integer("port-offset");
        Config config = LocalClients.localConfig("http://localhost:" + (8080 + offset));
        long loadStarted = System.nanoTime();
        Snapshot snapshot;
        try (DynamoDbClient dynamo = CorpusLoad.dynamo("http://127.0.0.1:" + (8000 + offset))) {
            snapshot = Snapshot.read(dynamo, config);
        }
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("bench", "engine-load");
        load.put("stories", stories);
        load.put("storiesInMemory", snapshot.stories.size());
        load.put("loadMs", (System.nanoTime() - loadStarted) / 1_000_000);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        load.put("heapAfterLoadMb", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        args.emit(load);

        SiteRenderer renderer =
                new SiteRenderer(snapshot.index, config, new Assets(), Clock.systemUTC(), PictureCatalog.NONE);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int pass = 1; pass <= passes; pass++) {
            CountingBucket out = new CountingBucket();
            long cpu = os.getProcessCpuTime();
            long started = System.nanoTime();
            SiteWriter.Result result =
                    new SiteWriter(renderer, out, paths -> {}).write(FullSite.pages(snapshot.index, config));
            long rendered = System.nanoTime();
            long renderCpu = os.getProcessCpuTime();
            if (pass == 1) {
                warmup = Math.max(warmupPasses, (warmupPages + result.pages() - 1) / Math.max(1, result.pages()));
                passes = 1 + warmup + measured;
            }
            // the search page's index, built whole as the export builds it: timed apart, since Hugo
            // builds none; cold and once warm, since it costs several times the pages
            boolean withSearch = pass == 1 || pass == passes;
            if (withSearch) {
                SearchIndexer search = new SearchIndexer(snapshot.index, out, config);
                for (String lang : config.languages()) search.rebuild(lang);
            }
            long ended = System.nanoTime();
            double cpuSeconds = (renderCpu - cpu) / 1e9;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("bench", "engine");
            figures.put("stories", stories);
            figures.put("pass", pass);
            figures.put("phase", pass == 1 ? "cold" : pass <= 1 + warmup ? "warmup" : "measured");
            figures.put("pages", result.pages());
            figures.put("files", out.files.get());
            figures.put("bytes", out.bytes.get());
            figures.put("searchFiles", out.searchFiles.get());
            figures.put("seconds", (rendered - started) / 1e9);
            figures.put("cpuSeconds", cpuSeconds);
            if (withSearch) {
                figures.put("searchSeconds", (ended - rendered) / 1e9);
                figures.put("searchCpuSeconds", (os.getProcessCpuTime() - renderCpu) / 1e9);
            }
            figures.put(
                    "javaOptions",
                    String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
            args.emit(figures);
        }
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("bench", "engine-memory");
        memory.put("stories", stories);
        memory.put("peakRssKb", peakRssKb());
        args.emit(memory);
    }

    /** The process's peak resident set (Linux), or 0 when unknown. */
    static long peakRssKb() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return 0;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return 0;
    }

    /** The index and every published story, in memory. */
    private record Snapshot(SnapshotIndex index, Map<StoryId, Story> stories) {
        static Snapshot read(DynamoDbClient dynamo, Config config) {
            DynamoSiteIndex table = new DynamoSiteIndex(
                    dynamo,
                    config.tableName(),
                    new DynamoStoryRepository(dynamo, config.tableName(), config.zone()),
                    config.languages());
            Map<String, List<Entry>> entries = new HashMap<>();
            Set<StoryId> ids = new LinkedHashSet<>();
            for (String lang : config.languages()) {
                List<Entry> all = new ArrayList<>();
                for (List<Entry> page : table.all(lang)) all.addAll(page);
                all.forEach(e -> ids.add(e.id()));
                entries.put(lang, all);
            }
            Map<StoryId, Story> stories = new HashMap<>();
            List<StoryId> list = List.copyOf(ids);
            for (int from = 0; from < list.size(); from += 100) {
                stories.putAll(table.stories(list.subList(from, Math.min(list.size(), from + 100))));
            }
            return new Snapshot(SnapshotIndex.of(new Stories(stories), entries), Map.copyOf(stories));
        }
    }

    /** The stories by id; the snapshot answers everything else itself. */
    private record Stories(Map<StoryId, Story> byId) implements SiteIndex {
        @Override
        public Optional<Story> story(StoryId id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Map<StoryId, Story> stories(Collection<StoryId> ids) {
            Map<StoryId, Story> found = new LinkedHashMap<>();
            for (StoryId id : ids) {
                Story s = byId.get(id);
                if (s != null) found.put(id, s);
            }
            return found;
        }

        @Override
        public Optional<Entry> bySlug(String lang, String slug) {
            throw new UnsupportedOperationException("answered by the snapshot");
        }

        @Override
        public List<Entry> newest(String lang, int limit) {
            throw new UnsupportedOperationException("answered by the snapshot");
        }

        @Override
        public List<Entry> between(String lang, Instant from, Instant to, int limit) {
            throw new UnsupportedOperationException("answered by the snapshot");
        }

        @Override
        public List<Entry> inCategory(String lang, String category, int limit) {
            throw new UnsupportedOperationException("answered by the snapshot");
        }

        @Override
        public Optional<Entry> olderThan(String lang, Instant publishedAt, StoryId id) {
            throw new UnsupportedOperationException("answered by the snapshot");
        }

        @Override
        public Optional<Entry> newerThan(String lang, Instant publishedAt, StoryId id) {
            throw new UnsupportedOperationException("answered by the snapshot");
        }

        @Override
        public Iterable<List<Entry>> all(String lang) {
            throw new UnsupportedOperationException("answered by the snapshot");
        }
    }

    /** Takes every object as new and keeps only their count and size. */
    private static final class CountingBucket implements SiteBucket {
        final AtomicLong files = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong searchFiles = new AtomicLong();

        @Override
        public Write putIfChanged(
                String key, byte[] body, String contentType, String cacheControl, Runnable beforeReplace) {
            files.incrementAndGet();
            bytes.addAndGet(body.length);
            if (key.startsWith("search/")) searchFiles.incrementAndGet();
            return Write.CREATED;
        }

        @Override
        public boolean delete(String key, Runnable beforeDelete) {
            return false;
        }

        @Override
        public Optional<byte[]> get(String key) {
            return Optional.empty();
        }

        @Override
        public List<String> keys(String prefix) {
            return List.of();
        }
    }
}
