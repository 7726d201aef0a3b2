package newsroom.render;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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

  /** The pages of all changes in a batch, each once. */
  public Set<Page> dependentPages(Collection<Change> changes) {
    Set<Page> pages = new LinkedHashSet<>();
    for (Change change : changes) pages.addAll(dependentPages(change));
    return pages;
  }

  public Set<Page> dependentPages(Change change) {
    Set<Page> pages = new LinkedHashSet<>();
    if (!change.touchesPublicSite()) return pages;
    String lang = change.lang();
    Optional<Change.State> before = change.before().filter(Change.State::published);
    Optional<Change.State> after = change.after().filter(Change.State::published);

    after.ifPresent(a -> pages.add(new Page.Article(lang, change.id())));
    before
        .filter(b -> after.map(a -> !a.slug().equals(b.slug())).orElse(true))
        .ifPresent(b -> pages.add(new Page.FormerArticle(lang, b.slug())));
    // the language switcher of the story's other translations
    for (String other : languages) {
      if (!other.equals(lang)) pages.add(new Page.Article(other, change.id()));
    }
    for (Optional<Change.State> state : List.of(before, after)) {
      state.ifPresent(
          s -> {
            // neighbours at the old position now link to each other; at the new one, to this story
            index
                .olderThan(lang, s.publishedAt(), change.id())
                .filter(e -> !e.id().equals(change.id()))
                .ifPresent(e -> pages.add(new Page.Article(lang, e.id())));
            index
                .newerThan(lang, s.publishedAt(), change.id())
                .filter(e -> !e.id().equals(change.id()))
                .ifPresent(e -> pages.add(new Page.Article(lang, e.id())));
            YearMonth month = YearMonth.from(s.publishedAt().atZone(zone));
            pages.add(new Page.MonthArchive(lang, month));
            adjacentMonths(lang, month).forEach(m -> pages.add(new Page.MonthArchive(lang, m)));
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

  /** The nearest months before and after with published stories: their archives link here. */
  private Set<YearMonth> adjacentMonths(String lang, YearMonth month) {
    Set<YearMonth> months = new LinkedHashSet<>();
    Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    index.olderThan(lang, start, null).ifPresent(e -> months.add(monthOf(e)));
    index.newerThan(lang, end.minusSeconds(1), null).ifPresent(e -> months.add(monthOf(e)));
    months.remove(month);
    return months;
  }

  private YearMonth monthOf(Entry e) {
    return YearMonth.from(e.publishedAt().atZone(zone));
  }
}
