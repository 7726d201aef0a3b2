package newsroom.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import newsroom.story.Story;
import newsroom.story.StoryId;

/**
 * The published index held in memory, read once: what a whole-site render asks of it (neighbours,
 * lists, archives, sitemaps) is answered without a request, in the table's order (publication
 * second, then story id). Stories, with their bodies, are still read from the source, so a snapshot
 * holds only outlines and excerpts.
 */
public final class SnapshotIndex implements SiteIndex {
    private static final Comparator<Entry> ORDER =
            Comparator.comparingLong((Entry e) -> second(e.publishedAt())).thenComparing(e -> e.id().value());

    private final SiteIndex source;
    private final Map<String, List<Entry>> oldestFirst;
    private final Map<String, Map<String, Entry>> bySlug;

    private SnapshotIndex(SiteIndex source, Map<String, List<Entry>> oldestFirst) {
        this.source = source;
        this.oldestFirst = oldestFirst;
        this.bySlug = new HashMap<>();
        oldestFirst.forEach((lang, entries) -> {
            Map<String, Entry> slugs = new HashMap<>();
            for (Entry e : entries) slugs.put(e.translation().slug(), e);
            bySlug.put(lang, slugs);
        });
    }

    /** Reads every published entry of these languages from the source, a page of it at a time. */
    public static SnapshotIndex of(SiteIndex source, Collection<String> languages) {
        // the languages' index pages are read side by side: each read waits mostly on the table
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, languages.size()), r -> {
            Thread t = new Thread(r, "index-read");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<List<Entry>>> reads = new LinkedHashMap<>();
            for (String lang : languages) {
                reads.put(lang, readers.submit(() -> {
                    List<Entry> all = new ArrayList<>();
                    for (List<Entry> page : source.all(lang)) all.addAll(page);
                    return all;
                }));
            }
            Map<String, List<Entry>> entries = new HashMap<>();
            for (Map.Entry<String, Future<List<Entry>>> read : reads.entrySet()) {
                entries.put(read.getKey(), done(read.getValue()));
            }
            return of(source, entries);
        } finally {
            readers.shutdownNow();
        }
    }

    private static <T> T done(Future<T> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the index", e);
        }
    }

    /** A snapshot of these entries (in any order); stories are read from the source. */
    public static SnapshotIndex of(SiteIndex source, Map<String, List<Entry>> entries) {
        Map<String, List<Entry>> sorted = new HashMap<>();
        entries.forEach((lang, list) -> {
            List<Entry> copy = new ArrayList<>(list);
            copy.sort(ORDER);
            sorted.put(lang, List.copyOf(copy));
        });
        return new SnapshotIndex(source, sorted);
    }

    /** The index keeps publication times to the second. */
    private static long second(Instant at) {
        return at.getEpochSecond();
    }

    private List<Entry> published(String lang) {
        return oldestFirst.getOrDefault(lang, List.of());
    }

    /** The index of the first entry for which {@code reached} holds, the entries being in order. */
    private static int first(List<Entry> entries, Predicate<Entry> reached) {
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (reached.test(entries.get(mid))) high = mid;
            else low = mid + 1;
        }
        return low;
    }

    /** How an entry stands to the position (second, id): its sign. */
    private static int compare(Entry e, long second, StoryId id) {
        int c = Long.compare(second(e.publishedAt()), second);
        return c != 0 ? c : e.id().value().compareTo(id.value());
    }

    /** The index of the first entry published in or after that second. */
    private static int fromSecond(List<Entry> entries, long second) {
        return first(entries, e -> second(e.publishedAt()) >= second);
    }

    /** The index of the first entry published after that whole second. */
    private static int afterSecond(List<Entry> entries, long second) {
        return first(entries, e -> second(e.publishedAt()) > second);
    }

    private static List<Entry> newestFirst(List<Entry> oldestFirst) {
        List<Entry> copy = new ArrayList<>(oldestFirst);
        Collections.reverse(copy);
        return copy;
    }

    @Override
    public Optional<Story> story(StoryId id) {
        return source.story(id);
    }

    @Override
    public Map<StoryId, Story> stories(Collection<StoryId> ids) {
        return source.stories(ids);
    }

    @Override
    public Optional<Entry> bySlug(String lang, String slug) {
        return Optional.ofNullable(bySlug.getOrDefault(lang, Map.of()).get(slug));
    }

    @Override
    public List<Entry> newest(String lang, int limit) {
        List<Entry> all = published(lang);
        return newestFirst(all.subList(Math.max(0, all.size() - limit), all.size()));
    }

    @Override
    public List<Entry> between(String lang, Instant from, Instant to, int limit) {
        List<Entry> all = published(lang);
        int start = fromSecond(all, second(from));
        // the last whole second before `to`, as the table's range is inclusive at a second's precision
        int end = afterSecond(all, second(to.minusSeconds(1)));
        if (end <= start) return List.of();
        return newestFirst(all.subList(Math.max(start, end - limit), end));
    }

    @Override
    public List<Entry> inCategory(String lang, String category, int limit) {
        List<Entry> all = published(lang);
        List<Entry> found = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && found.size() < limit; i--) {
            if (all.get(i).category().equals(category)) found.add(all.get(i));
        }
        return found;
    }

    @Override
    public Optional<Entry> olderThan(String lang, Instant publishedAt, StoryId id) {
        List<Entry> all = published(lang);
        long second = second(publishedAt);
        int before = (id == null ? fromSecond(all, second) : first(all, e -> compare(e, second, id) >= 0)) - 1;
        return before < 0 ? Optional.empty() : Optional.of(all.get(before));
    }

    @Override
    public Optional<Entry> newerThan(String lang, Instant publishedAt, StoryId id) {
        List<Entry> all = published(lang);
        long second = second(publishedAt);
        int after = id == null ? afterSecond(all, second) : first(all, e -> compare(e, second, id) > 0);
        return after >= all.size() ? Optional.empty() : Optional.of(all.get(after));
    }

    @Override
    public Iterable<List<Entry>> all(String lang) {
        return List.of(published(lang));
    }
}
