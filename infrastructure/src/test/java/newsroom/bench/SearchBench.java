package newsroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import newsroom.render.Change;
import newsroom.render.Entry;
import newsroom.render.SiteBucket;
import newsroom.render.SiteIndex;
import newsroom.search.Analyzer;
import newsroom.search.SearchIndexer;
import newsroom.search.SearchKeys;
import newsroom.site.Config;
import newsroom.story.Bodies;
import newsroom.story.Status;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryInput;
import newsroom.story.Translation;

/**
 * The search index at N stories x kk, ru, en of the benchmark corpus: the full build's time and size,
 * index bytes written by one publish (after the base, and after 20 more publishes), and the bytes a
 * reader downloads for a query, counted as the search page fetches them. In memory: what is measured
 * is the index's work, not a store's latency.
 *
 * <pre>java -Xmx3g -cp infrastructure/target/test-classes:infrastructure/target/newsroom-local.jar \
 *     newsroom.bench.SearchBench 1000,10000 bench/results/search.md</pre>
 */
public final class SearchBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Config CONFIG = Config.from(Map.of(
            "TABLE_NAME", "bench",
            "BUCKET_NAME", "bench",
            "LANGUAGES", "kk,ru,en",
            "DEFAULT_LANGUAGE", "kk",
            "SITE_URL", "https://news.example",
            "TIME_ZONE", "Asia/Almaty"));

    /** The corpus index of the stories published after the build, beyond any N measured. */
    static final int PUBLISHED = 1_000_000;

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        for (String s : args[0].split(",")) sizes.add(Integer.parseInt(s.strip()));
        StringBuilder report = new StringBuilder();
        report.append("# Search index benchmark\n\n")
                .append("Corpus: the benchmark corpus (about 450 words a story), N stories x kk, ru, en. ")
                .append("Bucket in memory; bytes are JSON as stored (gzip: as the CDN sends it).\n\n")
                .append("| N | full build (3 languages) | base objects | base bytes | bytes written by a publish")
                .append(" (3 languages) | objects | bytes written by the 21st publish since the build |")
                .append(" query | bytes downloaded | gzip |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (int n : sizes) report.append(run(n)).append('\n');
        report.append(
                        "\nThe publishes are the same stories at every N. A publish rewrites the story's entry, the delta shards (one per first letter) its ")
                .append("terms fall in, and the changed-story list; these hold only stories changed since ")
                .append("the last full build, so the bytes do not depend on N; they do grow with the ")
                .append(
                        "publishes since that build (the 21st column), which the next full rebuild resets. The query's bytes are the ")
                .append("changed-story list, one base shard and one delta shard per word and language, and ")
                .append("the entries of the first 30 results; each base term keeps its newest ")
                .append("400 postings, so a shard has a ceiling whatever N.\n");
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), report.toString(), StandardCharsets.UTF_8);
        }
        System.out.print(report);
    }

    static String run(int n) {
        MemoryIndex index = new MemoryIndex();
        for (int i = 0; i < n; i++) index.add(story(i));
        MemoryBucket bucket = new MemoryBucket();
        SearchIndexer indexer = new SearchIndexer(index, bucket, CONFIG);
        long started = System.nanoTime();
        SearchIndexer.Written base = new SearchIndexer.Written(0, 0);
        for (String lang : CONFIG.languages()) base = sum(base, indexer.rebuild(lang));
        long buildMs = (System.nanoTime() - started) / 1_000_000;

        // the same stories published at every N: story i of the corpus does not depend on N
        SearchIndexer.Written first = publish(index, indexer, PUBLISHED);
        SearchIndexer.Written later = null;
        for (int k = 1; k <= 20; k++) later = publish(index, indexer, PUBLISHED + k);

        // a typical query: a word of a story's Russian title, as a reader would type it
        String word = Analyzer.words(index.stories
                        .get(id(n / 2))
                        .translation("ru")
                        .orElseThrow()
                        .title())
                .stream()
                .filter(w -> w.length() >= 5)
                .findFirst()
                .orElse("города");
        long[] bytes = queryBytes(bucket, "ru", word);
        return String.format(
                Locale.ROOT,
                "| %,d | %,d ms | %,d | %,d | %,d | %d | %,d | «%s» | %,d | %,d |",
                n,
                buildMs,
                base.objects(),
                base.bytes(),
                first.bytes(),
                first.objects(),
                later.bytes(),
                word,
                bytes[0],
                bytes[1]);
    }

    static SearchIndexer.Written sum(SearchIndexer.Written a, SearchIndexer.Written b) {
        return new SearchIndexer.Written(a.objects() + b.objects(), a.bytes() + b.bytes());
    }

    static SearchIndexer.Written publish(MemoryIndex index, SearchIndexer indexer, int i) {
        Story s = story(i);
        index.add(s);
        List<Change> changes = new ArrayList<>();
        for (String lang : CONFIG.languages()) {
            Translation t = s.translation(lang).orElseThrow();
            changes.add(new Change(
                    s.id(),
                    lang,
                    Optional.empty(),
                    Optional.of(new Change.State(Status.PUBLISHED, t.publishedAt(), t.slug(), s.category()))));
        }
        return indexer.apply(changes);
    }

    /** What the search page fetches for one word: raw bytes and gzip bytes. */
    static long[] queryBytes(MemoryBucket bucket, String lang, String word) {
        String stem = Analyzer.stem(lang, word);
        List<String> keys = new ArrayList<>(List.of(
                SearchKeys.gone(lang),
                SearchKeys.base(lang, SearchKeys.shard(stem, SearchKeys.BASE_PREFIX)),
                SearchKeys.delta(lang, SearchKeys.shard(stem, SearchKeys.DELTA_PREFIX))));
        Map<String, Double> hits = new TreeMap<>();
        for (String key : keys.subList(1, 3)) {
            byte[] shard = bucket.objects.get(key);
            if (shard == null) continue;
            try {
                JsonNode postings = JSON.readTree(shard).path("terms").path(stem);
                for (JsonNode p : postings)
                    hits.merge(p.get(0).asText(), p.get(1).asDouble(), Math::max);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        hits.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(30)
                .forEach(e -> keys.add(SearchKeys.doc(lang, e.getKey())));
        long raw = 0;
        long gzip = 0;
        for (String key : keys) {
            byte[] body = bucket.objects.get(key);
            if (body == null) continue;
            raw += body.length;
            // the CDN compresses bodies of more than 1,000 bytes
            gzip += body.length > 1000 ? gzip(body).length : body.length;
        }
        return new long[] {raw, gzip};
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static StoryId id(int i) {
        return new StoryId(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", i));
    }

    static Story story(int i) {
        Corpus.Item item = Corpus.story(i);
        StoryInput input = item.input();
        Map<String, Translation> translations = new LinkedHashMap<>();
        input.translations()
                .forEach((lang, t) -> translations.put(
                        lang,
                        new Translation(
                                lang,
                                t.title(),
                                t.lead(),
                                t.dateline(),
                                "",
                                t.format(),
                                Bodies.toSafeHtml(t.body(), t.format()),
                                "s-" + i,
                                Status.PUBLISHED,
                                item.publishedAt(),
                                null,
                                null,
                                item.publishedAt(),
                                "bench")));
        Instant at = item.publishedAt();
        return new Story(
                id(i), input.category(), input.tags(), "bench", null, 1, at, "bench", at, "bench", translations);
    }

    /** Just what the indexer reads: stories by id and each language's entries a page at a time. */
    static final class MemoryIndex implements SiteIndex {
        final Map<StoryId, Story> stories = new LinkedHashMap<>();

        void add(Story s) {
            stories.put(s.id(), s);
        }

        @Override
        public Optional<Story> story(StoryId id) {
            return Optional.ofNullable(stories.get(id));
        }

        @Override
        public Iterable<List<Entry>> all(String lang) {
            List<List<Entry>> pages = new ArrayList<>();
            List<Entry> page = new ArrayList<>();
            for (Story s : stories.values()) {
                Translation t = s.translation(lang).orElse(null);
                if (t == null) continue;
                page.add(new Entry(s.id(), s.category(), null, t, ""));
                if (page.size() == 250) {
                    pages.add(page);
                    page = new ArrayList<>();
                }
            }
            if (!page.isEmpty()) pages.add(page);
            return pages;
        }

        @Override
        public Optional<Entry> bySlug(String lang, String slug) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Entry> newest(String lang, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Entry> between(String lang, Instant from, Instant to, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Entry> inCategory(String lang, String category, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Entry> olderThan(String lang, Instant publishedAt, StoryId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Entry> newerThan(String lang, Instant publishedAt, StoryId id) {
            throw new UnsupportedOperationException();
        }
    }

    static final class MemoryBucket implements SiteBucket {
        final Map<String, byte[]> objects = new ConcurrentHashMap<>();

        @Override
        public Write putIfChanged(
                String key, byte[] body, String contentType, String cacheControl, Runnable beforeReplace) {
            byte[] old = objects.put(key, body.clone());
            if (old == null) return Write.CREATED;
            return java.util.Arrays.equals(old, body) ? Write.UNCHANGED : Write.UPDATED;
        }

        @Override
        public boolean delete(String key, Runnable beforeDelete) {
            return objects.remove(key) != null;
        }

        @Override
        public Optional<byte[]> get(String key) {
            return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
        }

        @Override
        public List<String> keys(String prefix) {
            return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        }
    }
}
