package newsroom.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import newsroom.Log;
import newsroom.render.Change;
import newsroom.render.Entry;
import newsroom.render.SiteBucket;
import newsroom.render.SiteIndex;
import newsroom.render.SitePaths;
import newsroom.site.Config;
import newsroom.site.Excerpt;
import newsroom.site.Localization;
import newsroom.story.Bodies;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.Translation;

/**
 * Keeps the search index in the bucket. The full rebuild writes a base of term shards; each publish,
 * edit and unpublish rewrites only the story's own entry, the few delta shards its terms fall in and
 * the list of stories changed since the base. That work grows with the changes since the last
 * rebuild, never with the site.
 *
 * <p>Changes are applied as read, modify, write of the bucket: the render function runs one batch
 * at a time per stream shard, so two writers of one delta shard would need two stream shards
 * changing at once; the next full rebuild repairs what such a race could lose.
 */
public final class SearchIndexer {
    /** Pieces that change with each publish: the CDN asks the bucket every time. */
    public static final String FRESH = "public, max-age=0, s-maxage=0, must-revalidate";
    /** The base changes only with a full rebuild. */
    public static final String BASE = "public, max-age=60, s-maxage=60";

    static final String JSON_TYPE = "application/json; charset=utf-8";
    /** A term's postings in the base: its newest stories, so no shard outgrows what a reader fetches. */
    static final int MAX_POSTINGS = 400;
    /** Characters of a story's text kept for the excerpt a result shows. */
    static final int TEXT_CHARS = 600;

    static final int TITLE_WEIGHT = 5;
    static final int LEAD_WEIGHT = 2;
    static final int MAX_WEIGHT = 60;

    private final SiteIndex index;
    private final SiteBucket bucket;
    private final Config config;
    private final Map<String, Localization> words = new HashMap<>();

    public SearchIndexer(SiteIndex index, SiteBucket bucket, Config config) {
        this.index = index;
        this.bucket = bucket;
        this.config = config;
        for (String lang : config.languages()) words.put(lang, Localization.of(lang, config.zone()));
    }

    /** What a change of the index wrote: objects put or deleted, and the bytes put. */
    public record Written(int objects, long bytes) {
        Written plus(Written other) {
            return new Written(objects + other.objects, bytes + other.bytes);
        }
    }

    private final class Counter {
        final AtomicInteger objects = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();

        void put(String key, byte[] body, String cacheControl) {
            if (bucket.putIfChanged(key, body, JSON_TYPE, cacheControl) != SiteBucket.Write.UNCHANGED) {
                objects.incrementAndGet();
                bytes.addAndGet(body.length);
            }
        }

        void delete(String key) {
            if (bucket.delete(key)) objects.incrementAndGet();
        }

        Written written() {
            return new Written(objects.get(), bytes.get());
        }
    }

    /** Brings the index up to date with these changes of translations. */
    public Written apply(Collection<Change> changes) {
        Map<String, Set<StoryId>> byLang = new LinkedHashMap<>();
        for (Change c : changes) {
            if (c.touchesPublicSite() && config.languages().contains(c.lang())) {
                byLang.computeIfAbsent(c.lang(), l -> new LinkedHashSet<>()).add(c.id());
            }
        }
        long started = System.nanoTime();
        Counter counter = new Counter();
        byLang.forEach((lang, ids) -> {
            for (StoryId id : ids) reindex(lang, id, counter);
            Set<String> gone = readGone(lang);
            boolean added = false;
            for (StoryId id : ids) added |= gone.add(id.value());
            if (added) counter.put(SearchKeys.gone(lang), goneJson(gone), FRESH);
        });
        Written written = counter.written();
        if (!byLang.isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("stories", byLang.values().stream().mapToInt(Set::size).sum());
            fields.put("objects", written.objects());
            fields.put("bytes", written.bytes());
            fields.put("ms", (System.nanoTime() - started) / 1_000_000);
            Log.line("search-index", fields);
        }
        return written;
    }

    private void reindex(String lang, StoryId id, Counter counter) {
        Optional<Story> story = index.story(id);
        Optional<Translation> shown =
                story.flatMap(s -> s.translation(lang)).filter(t -> t.isPublished() && t.publishedAt() != null);
        String docKey = SearchKeys.doc(lang, id.value());
        Set<String> oldShards =
                bucket.get(docKey).map(SearchIndexer::deltaShardsOf).orElse(Set.of());
        Map<String, Map<String, Integer>> newTerms = new TreeMap<>();
        if (shown.isPresent()) {
            weights(shown.get())
                    .forEach((term, w) -> newTerms.computeIfAbsent(
                                    SearchKeys.shard(term, SearchKeys.DELTA_PREFIX), k -> new TreeMap<>())
                            .put(term, w));
        }
        Set<String> shards = new TreeSet<>(oldShards);
        shards.addAll(newTerms.keySet());
        for (String shard : shards) {
            String key = SearchKeys.delta(lang, shard);
            Postings postings = bucket.get(key).map(Postings::parse).orElseGet(Postings::new);
            postings.remove(id.value());
            long day = shown.map(t -> day(t.publishedAt())).orElse(0L);
            newTerms.getOrDefault(shard, Map.of())
                    .forEach((term, w) -> postings.add(term, new Postings.Posting(id.value(), w, day)));
            if (postings.isEmpty()) counter.delete(key);
            else counter.put(key, postings.toJson(), FRESH);
        }
        if (shown.isPresent()) {
            counter.put(docKey, docJson(id, shown.get(), newTerms.keySet()), FRESH);
        } else {
            counter.delete(docKey);
        }
    }

    /**
     * Builds a language's base from every published story, and empties the delta and the list of
     * changed stories, which the base now holds. Stories are read a hundred at a time, so what is
     * held at once does not grow with the site.
     */
    public Written rebuild(String lang) {
        Base base = base(List.of(lang));
        for (List<Entry> page : index.all(lang)) {
            for (int from = 0; from < page.size(); from += READ_AT_ONCE) {
                List<StoryId> ids = new ArrayList<>();
                for (Entry e : page.subList(from, Math.min(page.size(), from + READ_AT_ONCE))) ids.add(e.id());
                Map<StoryId, Story> stories = index.stories(ids);
                for (StoryId id : ids) {
                    Story story = stories.get(id);
                    if (story != null) base.add(story);
                }
            }
        }
        return base.finish();
    }

    /** Stories read at once by {@link #rebuild}: the table's batch read takes 100 keys. */
    static final int READ_AT_ONCE = 100;

    /**
     * A base for these languages, built from stories handed to it as they are read elsewhere (a
     * whole-site render reads every published story once already): {@link Base#finish} then writes
     * what {@link #rebuild} would.
     */
    public Base base(Collection<String> langs) {
        return new Base(langs);
    }

    /** The base of some languages while it is built; safe to feed from several threads. */
    public final class Base {
        private final List<String> langs;
        private final Counter counter = new Counter();
        private final Map<String, Map<String, Postings>> shards = new HashMap<>();
        private final Map<String, Set<String>> docs = new HashMap<>();
        /** A term's shard key, worked out once: the same terms recur in story after story. */
        private final Map<String, String> shardOfTerm = new HashMap<>();
        /** Each language's stems of the words met so far: a site's vocabulary is far smaller than its text. */
        private final Map<String, Map<String, String>> stemsOf = new java.util.concurrent.ConcurrentHashMap<>();

        private Base(Collection<String> langs) {
            this.langs = List.copyOf(new LinkedHashSet<>(langs));
            for (String lang : this.langs) {
                shards.put(lang, new HashMap<>());
                docs.put(lang, new HashSet<>());
            }
        }

        /** Indexes the story's published translations in these languages; a story seen before is skipped. */
        public void add(Story story) {
            for (String lang : langs) {
                Optional<Translation> t =
                        story.translation(lang).filter(tr -> tr.isPublished() && tr.publishedAt() != null);
                if (t.isEmpty()) continue;
                String docKey = SearchKeys.doc(lang, story.id().value());
                // the terms are worked out outside the lock: that is most of the work
                synchronized (this) {
                    if (docs.get(lang).contains(docKey)) continue;
                }
                String bodyText = Bodies.plainText(t.get().bodyHtml());
                Map<String, Integer> weights = weights(t.get(), bodyText, this::stem);
                byte[] doc = docJson(story.id(), t.get(), bodyText, Set.of());
                long day = day(t.get().publishedAt());
                synchronized (this) {
                    if (!docs.get(lang).add(docKey)) continue;
                    Map<String, Postings> ofLang = shards.get(lang);
                    weights.forEach((term, w) -> ofLang.computeIfAbsent(
                                    shardOfTerm.computeIfAbsent(term, k -> SearchKeys.shard(k, SearchKeys.BASE_PREFIX)),
                                    k -> new Postings())
                            .add(term, new Postings.Posting(story.id().value(), w, day)));
                }
                counter.put(docKey, doc, FRESH);
            }
        }

        private String stem(String lang, String folded) {
            return stemsOf.computeIfAbsent(lang, l -> new java.util.concurrent.ConcurrentHashMap<>())
                    .computeIfAbsent(folded, w -> Analyzer.stem(lang, w));
        }

        /** Writes each language's shards and removes what the base no longer holds. */
        public synchronized Written finish() {
            for (String lang : langs) {
                Set<String> written = new HashSet<>();
                new TreeMap<>(shards.get(lang)).forEach((shard, postings) -> {
                    postings.capEach(MAX_POSTINGS);
                    String key = SearchKeys.base(lang, shard);
                    counter.put(key, postings.toJson(), BASE);
                    written.add(key);
                });
                for (String key : bucket.keys("search/" + lang + "/b/")) {
                    if (!written.contains(key)) counter.delete(key);
                }
                for (String key : bucket.keys("search/" + lang + "/d/")) {
                    if (!docs.get(lang).contains(key)) counter.delete(key);
                }
                for (String key : bucket.keys("search/" + lang + "/x/")) counter.delete(key);
                counter.delete(SearchKeys.gone(lang));
            }
            return counter.written();
        }
    }

    /** Each term of a translation with its weight: title words count most, then the lead's. */
    static Map<String, Integer> weights(Translation t) {
        return weights(t, Bodies.plainText(t.bodyHtml()), Analyzer::stem);
    }

    private static Map<String, Integer> weights(Translation t, String bodyText, Stems stems) {
        Map<String, Integer> weights = new HashMap<>();
        add(weights, t.lang(), t.title(), stems, TITLE_WEIGHT);
        add(weights, t.lang(), t.lead(), stems, LEAD_WEIGHT);
        add(weights, t.lang(), bodyText, stems, 1);
        return weights;
    }

    /** A language's stem of a folded word. */
    private interface Stems {
        String stem(String lang, String folded);
    }

    private static void add(Map<String, Integer> weights, String lang, String text, Stems stems, int weight) {
        for (String word : Analyzer.words(text)) {
            weights.merge(stems.stem(lang, word), weight, (a, b) -> Math.min(MAX_WEIGHT, a + b));
        }
    }

    private static long day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    private byte[] docJson(StoryId id, Translation t, Set<String> deltaShards) {
        return docJson(id, t, Bodies.plainText(t.bodyHtml()), deltaShards);
    }

    private byte[] docJson(StoryId id, Translation t, String bodyText, Set<String> deltaShards) {
        Localization l = words.get(t.lang());
        ObjectNode doc = Postings.JSON.createObjectNode();
        doc.put("id", id.value());
        doc.put("title", t.title());
        doc.put("url", SitePaths.article(t));
        doc.put("date", l.dateTime(t.publishedAt()));
        doc.put("iso", l.isoDateTime(t.publishedAt()));
        doc.put("day", day(t.publishedAt()));
        String lead = t.lead() == null ? "" : t.lead();
        String text = (lead + " " + bodyText).strip();
        doc.put("text", Excerpt.of(text, TEXT_CHARS));
        ArrayNode shards = doc.putArray("shards");
        deltaShards.forEach(shards::add);
        try {
            return Postings.JSON.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> deltaShardsOf(byte[] docJson) {
        Set<String> shards = new TreeSet<>();
        try {
            JsonNode doc = Postings.JSON.readTree(docJson);
            doc.path("shards").forEach(s -> shards.add(s.asText()));
        } catch (IOException e) {
            // an unreadable entry is replaced; postings it named are dropped by the next rebuild
            Log.line("search-unreadable-entry", Map.of("failure", e.toString()));
        }
        return shards;
    }

    private Set<String> readGone(String lang) {
        Set<String> ids = new TreeSet<>();
        bucket.get(SearchKeys.gone(lang)).ifPresent(bytes -> {
            try {
                Postings.JSON.readTree(bytes).path("ids").forEach(n -> ids.add(n.asText()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ids;
    }

    private static byte[] goneJson(Set<String> ids) {
        ObjectNode root = Postings.JSON.createObjectNode();
        ArrayNode arr = root.putArray("ids");
        ids.forEach(arr::add);
        try {
            return Postings.JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
