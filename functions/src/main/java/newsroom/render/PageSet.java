package newsroom.render;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which pages depend on a change. The set is bounded: it does not grow with the number of stories,
 * because lists are kept to their heads and archives to one month.
 */
public final class PageSet {
    private final SiteIndex index;
    private final List<String> languages;
    private final ZoneId zone;

    public PageSet(SiteIndex index, List<String> languages, ZoneId zone) {
        this.index = index;
        this.languages = List.copyOf(languages);
        this.zone = zone;
    }

    /** A language's month, as the archives know it. */
    private record Archive(String lang, YearMonth month) {}

    /** The pages of all changes in a batch, each once. */
    public Set<Page> dependentPages(Collection<Change> changes) {
        Map<Archive, Integer> touched = touchedArchives(changes);
        Set<Page> pages = new LinkedHashSet<>();
        for (Change change : changes) pages.addAll(dependentPages(change, touched));
        return pages;
    }

    public Set<Page> dependentPages(Change change) {
        return dependentPages(List.of(change));
    }

    /**
     * The pages of one change of a batch that is written change by change: the other changes count
     * for whether a month archive appeared or went.
     */
    public Set<Page> dependentPages(Change change, Collection<Change> batch) {
        return dependentPages(change, touchedArchives(batch));
    }

    private Set<Page> dependentPages(Change change, Map<Archive, Integer> touched) {
        Set<Page> pages = new LinkedHashSet<>();
        if (!change.touchesPublicSite()) return pages;
        String lang = change.lang();
        Optional<Change.State> before = change.before().filter(Change.State::published);
        Optional<Change.State> after = change.after().filter(Change.State::published);

        after.ifPresent(a -> pages.add(new Page.Article(lang, change.id())));
        before.filter(b -> after.map(a -> !a.slug().equals(b.slug())).orElse(true))
                .ifPresent(b -> pages.add(new Page.FormerArticle(lang, b.slug())));
        // the language switcher of the story's other translations
        for (String other : languages) {
            if (!other.equals(lang)) pages.add(new Page.Article(other, change.id()));
        }
        for (Optional<Change.State> state : List.of(before, after)) {
            state.ifPresent(s -> {
                // neighbours at the old position now link to each other; at the new one, to this story
                index.olderThan(lang, s.publishedAt(), change.id())
                        .filter(e -> !e.id().equals(change.id()))
                        .ifPresent(e -> pages.add(new Page.Article(lang, e.id())));
                index.newerThan(lang, s.publishedAt(), change.id())
                        .filter(e -> !e.id().equals(change.id()))
                        .ifPresent(e -> pages.add(new Page.Article(lang, e.id())));
                YearMonth month = monthOf(s.publishedAt());
                pages.add(new Page.MonthArchive(lang, month));
                adjacentMonths(lang, month).forEach(m -> pages.add(new Page.MonthArchive(lang, m)));
                if (mayHaveAppearedOrGone(new Archive(lang, month), touched)) {
                    // the same month in the other languages names this archive as its translation
                    for (String other : languages) {
                        if (!other.equals(lang)) pages.add(new Page.MonthArchive(other, month));
                    }
                }
                pages.add(new Page.Category(lang, s.category()));
                pages.add(new Page.MonthSitemap(month));
            });
        }
        pages.add(new Page.Home(lang));
        pages.add(new Page.NewsHead(lang));
        pages.add(new Page.Feed(lang));
        pages.add(new Page.Latest(lang));
        pages.add(new Page.SitemapIndex());
        pages.add(new Page.NewsSitemap());
        return pages;
    }

    /** How many changes of the batch had a published state in each language's month. */
    private Map<Archive, Integer> touchedArchives(Collection<Change> batch) {
        Map<Archive, Integer> touched = new HashMap<>();
        for (Change change : batch) {
            Set<Archive> archives = new LinkedHashSet<>();
            for (Optional<Change.State> state : List.of(change.before(), change.after())) {
                state.filter(Change.State::published)
                        .ifPresent(s -> archives.add(new Archive(change.lang(), monthOf(s.publishedAt()))));
            }
            archives.forEach(a -> touched.merge(a, 1, Integer::sum));
        }
        return touched;
    }

    /**
     * Whether the archive may have just appeared or gone: it holds no more stories now than the batch
     * moved in or out of it. Otherwise it existed before and exists still, and the other languages'
     * links to it stay as they are.
     */
    private boolean mayHaveAppearedOrGone(Archive archive, Map<Archive, Integer> touched) {
        int moved = touched.getOrDefault(archive, 1);
        Instant start = archive.month().atDay(1).atStartOfDay(zone).toInstant();
        Instant end = archive.month().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return index.between(archive.lang(), start, end, moved + 1).size() <= moved;
    }

    /** The nearest months before and after with published stories: their archives link here. */
    private Set<YearMonth> adjacentMonths(String lang, YearMonth month) {
        Set<YearMonth> months = new LinkedHashSet<>();
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        index.olderThan(lang, start, null).ifPresent(e -> months.add(monthOf(e.publishedAt())));
        index.newerThan(lang, end.minusSeconds(1), null).ifPresent(e -> months.add(monthOf(e.publishedAt())));
        months.remove(month);
        return months;
    }

    private YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(zone));
    }
}
