package newsroom.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
      Comparator.comparingLong((Entry e) -> second(e.publishedAt()))
          .thenComparing(e -> e.id().value());

  private final SiteIndex source;
  private final Map<String, List<Entry>> oldestFirst;
  private final Map<String, Map<String, Entry>> bySlug;

  private SnapshotIndex(SiteIndex source, Map<String, List<Entry>> oldestFirst) {
    this.source = source;
    this.oldestFirst = oldestFirst;
    this.bySlug = new HashMap<>();
    oldestFirst.forEach(
        (lang, entries) -> {
          Map<String, Entry> slugs = new HashMap<>();
          for (Entry e : entries) slugs.put(e.translation().slug(), e);
          bySlug.put(lang, slugs);
        });
  }

  /** Reads every published entry of these languages from the source, a page of it at a time. */
  public static SnapshotIndex of(SiteIndex source, Collection<String> languages) {
    Map<String, List<Entry>> entries = new HashMap<>();
    for (String lang : languages) {
      List<Entry> all = new ArrayList<>();
      for (List<Entry> page : source.all(lang)) all.addAll(page);
      entries.put(lang, all);
    }
    return of(source, entries);
  }

  /** A snapshot of these entries (in any order); stories are read from the source. */
  public static SnapshotIndex of(SiteIndex source, Map<String, List<Entry>> entries) {
    Map<String, List<Entry>> sorted = new HashMap<>();
    entries.forEach(
        (lang, list) -> {
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

  /**
   * The index of the first entry after the position (second, id); without an id, the first entry
   * after that whole second, or with {@code fromSecond}, the first entry of that second.
   */
  private static int firstAfter(List<Entry> entries, long second, StoryId id, boolean fromSecond) {
    int low = 0;
    int high = entries.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      Entry e = entries.get(mid);
      int c = Long.compare(second(e.publishedAt()), second);
      boolean after;
      if (c != 0) after = c > 0;
      else if (id != null) after = e.id().value().compareTo(id.value()) > 0;
      else after = fromSecond;
      if (after) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** The index of the first entry at or after the position (second, id). */
  private static int firstFrom(List<Entry> entries, long second, StoryId id) {
    int low = 0;
    int high = entries.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      Entry e = entries.get(mid);
      int c = Long.compare(second(e.publishedAt()), second);
      if (c == 0) c = e.id().value().compareTo(id.value());
      if (c >= 0) high = mid;
      else low = mid + 1;
    }
    return low;
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
    int start = firstAfter(all, second(from), null, true);
    // the last whole second before `to`, as the table's range is inclusive at a second's precision
    int end = firstAfter(all, second(to.minusSeconds(1)), null, false);
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
    int before =
        (id == null
                ? firstAfter(all, second(publishedAt), null, true)
                : firstFrom(all, second(publishedAt), id))
            - 1;
    return before < 0 ? Optional.empty() : Optional.of(all.get(before));
  }

  @Override
  public Optional<Entry> newerThan(String lang, Instant publishedAt, StoryId id) {
    List<Entry> all = published(lang);
    int after = firstAfter(all, second(publishedAt), id, false);
    return after >= all.size() ? Optional.empty() : Optional.of(all.get(after));
  }

  @Override
  public Iterable<List<Entry>> all(String lang) {
    return List.of(published(lang));
  }
}
