package newsroom.render;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.Translation;

/**
 * The site index as seen by one batch of pages: each question is asked of the table once, since the
 * pages of a batch share neighbours, list heads and stories. Before rendering, the batch's stories
 * are read together, and where it holds a run of one language's articles (a full rebuild or an
 * export), the stretch of the index they span is read at once, without bodies, and answers their
 * neighbours.
 */
final class BatchIndex implements SiteIndex {
    /** Articles of one language from which one range read pays for their neighbour queries. */
    static final int STRETCH_MIN_ARTICLES = 8;

    private static final Comparator<Position> ORDER =
            Comparator.comparing(Position::at).thenComparing(p -> p.id().value());

    private final SiteIndex index;

    /** Each question's answer, or the answer still being read by the page that asked first. */
    private final Map<Question, CompletableFuture<Object>> answers = new ConcurrentHashMap<>();

    private final Map<String, Stretch> stretches = new HashMap<>();

    BatchIndex(SiteIndex index) {
        this.index = index;
    }

    /** A place in a language's publication order, at the index's precision of a second. */
    private record Position(Instant at, StoryId id) {
        static Position of(Instant publishedAt, StoryId id) {
            return new Position(publishedAt.truncatedTo(ChronoUnit.SECONDS), id);
        }

        static Position of(Entry e) {
            return of(e.publishedAt(), e.id());
        }
    }

    /**
     * Every entry of a language between two positions (inclusive), in publication order, with the
     * entry just outside each end; neighbours of positions within [first, last] are answered here.
     */
    private record Stretch(Position first, Position last, List<Entry> entries) {
        boolean covers(Position p) {
            return ORDER.compare(first, p) <= 0 && ORDER.compare(p, last) <= 0;
        }

        Optional<Entry> olderThan(Position p) {
            Entry found = null;
            for (Entry e : entries) {
                if (ORDER.compare(Position.of(e), p) < 0) found = e;
                else break;
            }
            return Optional.ofNullable(found);
        }

        Optional<Entry> newerThan(Position p) {
            for (Entry e : entries) {
                if (ORDER.compare(Position.of(e), p) > 0) return Optional.of(e);
            }
            return Optional.empty();
        }
    }

    /** Reads what the pages will ask for in as few requests as the index allows. */
    void prefetch(Collection<Page> pages) {
        Set<StoryId> ids = new LinkedHashSet<>();
        for (Page page : pages) {
            if (page instanceof Page.Article a) ids.add(a.id());
        }
        if (ids.size() < 2) return;
        Map<StoryId, Story> found = index.stories(ids);
        for (StoryId id : ids) {
            answers.put(
                    new Question("story", id), CompletableFuture.completedFuture(Optional.ofNullable(found.get(id))));
        }
        Map<String, List<Position>> byLanguage = new HashMap<>();
        for (Page page : pages) {
            if (!(page instanceof Page.Article a)) continue;
            Story story = found.get(a.id());
            if (story == null) continue;
            story.translation(a.lang())
                    .filter(Translation::isPublished)
                    .ifPresent(t -> byLanguage
                            .computeIfAbsent(a.lang(), l -> new ArrayList<>())
                            .add(Position.of(t.publishedAt(), a.id())));
        }
        byLanguage.forEach((lang, positions) -> {
            if (positions.size() >= STRETCH_MIN_ARTICLES) readStretch(lang, positions);
        });
    }

    private void readStretch(String lang, List<Position> positions) {
        positions.sort(ORDER);
        Position first = positions.get(0);
        Position last = positions.get(positions.size() - 1);
        Optional<Entry> before = index.olderThan(lang, first.at(), first.id());
        Optional<Entry> after = index.newerThan(lang, last.at(), last.id());
        Instant from = before.map(e -> Position.of(e).at()).orElse(first.at());
        Instant to = after.map(e -> Position.of(e).at()).orElse(last.at()).plusSeconds(1);
        // articles far apart (a translation published long after the others) would make the stretch
        // long: past a few entries per article, the neighbours are asked one by one instead
        int enough = positions.size() * 2 + 2;
        List<Entry> entries = new ArrayList<>(index.between(lang, from, to, enough + 1));
        if (entries.size() > enough) return;
        entries.sort(Comparator.comparing(Position::of, ORDER));
        stretches.put(lang, new Stretch(first, last, entries));
    }

    private record Question(String method, Object... args) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Question q && q.method.equals(method) && java.util.Arrays.equals(q.args, args);
        }

        @Override
        public int hashCode() {
            return method.hashCode() * 31 + java.util.Arrays.hashCode(args);
        }
    }

    /**
     * The answer to a question, read once per batch: pages rendered side by side that ask the same
     * question while it is being read wait for that read instead of making their own.
     */
    @SuppressWarnings("unchecked")
    private <T> T ask(Supplier<T> answer, String method, Object... args) {
        Question question = new Question(method, args);
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> known = answers.putIfAbsent(question, mine);
        if (known != null) {
            try {
                return (T) known.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) throw failure;
                throw e;
            }
        }
        try {
            T fresh = answer.get();
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException | Error e) {
            // a failed read is not kept: the pages waiting for it fail with it, later ones ask again
            answers.remove(question, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    @Override
    public Optional<Story> story(StoryId id) {
        return ask(() -> index.story(id), "story", id);
    }

    @Override
    public Map<StoryId, Story> stories(Collection<StoryId> ids) {
        return index.stories(ids);
    }

    @Override
    public Optional<Entry> bySlug(String lang, String slug) {
        return ask(() -> index.bySlug(lang, slug), "bySlug", lang, slug);
    }

    @Override
    public List<Entry> newest(String lang, int limit) {
        return ask(() -> index.newest(lang, limit), "newest", lang, limit);
    }

    /**
     * Kept: a month's archive and the month's sitemap ask for the same list, and lists are outlines
     * (about a kilobyte an entry).
     */
    @Override
    public List<Entry> between(String lang, Instant from, Instant to, int limit) {
        return ask(() -> index.between(lang, from, to, limit), "between", lang, from, to, limit);
    }

    @Override
    public List<Entry> inCategory(String lang, String category, int limit) {
        return ask(() -> index.inCategory(lang, category, limit), "inCategory", lang, category, limit);
    }

    @Override
    public Optional<Entry> olderThan(String lang, Instant publishedAt, StoryId id) {
        Stretch stretch = stretches.get(lang);
        if (stretch != null && id != null && stretch.covers(Position.of(publishedAt, id))) {
            return stretch.olderThan(Position.of(publishedAt, id));
        }
        return ask(() -> index.olderThan(lang, publishedAt, id), "olderThan", lang, publishedAt, id);
    }

    @Override
    public Optional<Entry> newerThan(String lang, Instant publishedAt, StoryId id) {
        Stretch stretch = stretches.get(lang);
        if (stretch != null && id != null && stretch.covers(Position.of(publishedAt, id))) {
            return stretch.newerThan(Position.of(publishedAt, id));
        }
        return ask(() -> index.newerThan(lang, publishedAt, id), "newerThan", lang, publishedAt, id);
    }

    @Override
    public Iterable<List<Entry>> all(String lang) {
        return index.all(lang);
    }

    @Override
    public Map<String, SortedSet<YearMonth>> keptMonths(Collection<String> langs, ZoneId zone) {
        return ask(() -> index.keptMonths(langs, zone), "keptMonths", List.copyOf(langs), zone);
    }

    @Override
    public void keepMonths(String lang, ZoneId zone, Map<YearMonth, Integer> counts) {
        index.keepMonths(lang, zone, counts);
    }
}
