package newsroom.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.story.InMemoryStories;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryRepository;
import newsroom.story.Translation;

/**
 * The site index over the in-memory story fake, ordered like the published index: by publication
 * time, then story id. What it read is kept until the stories change, so sites of thousands of
 * stories render quickly.
 */
final class InMemorySiteIndex implements SiteIndex {
  private static final Comparator<Entry> OLDEST_FIRST =
      Comparator.comparing(Entry::publishedAt).thenComparing(e -> e.id().value());

  private final InMemoryStories stories;
  private long readAt = -1;
  private Map<String, List<Entry>> oldestFirst = Map.of();

  InMemorySiteIndex(InMemoryStories stories) {
    this.stories = stories;
  }

  /** The published entries of a language, oldest first. */
  private synchronized List<Entry> published(String lang) {
    if (readAt != stories.writes()) {
      readAt = stories.writes();
      Map<String, List<Entry>> byLang = new HashMap<>();
      for (Story s :
          stories
              .list(
                  new StoryRepository.StoryFilter(
                      Optional.empty(), Optional.empty(), Optional.empty()),
                  Optional.empty(),
                  Integer.MAX_VALUE)
              .items()) {
        for (Translation t : s.translations().values()) {
          if (!t.isPublished()) continue;
          byLang
              .computeIfAbsent(t.lang(), k -> new ArrayList<>())
              .add(new Entry(s.id(), s.category(), s.image() == null ? null : s.image().src(), t));
        }
      }
      byLang.values().forEach(list -> list.sort(OLDEST_FIRST));
      oldestFirst = byLang;
    }
    return oldestFirst.getOrDefault(lang, List.of());
  }

  private static List<Entry> newestFirst(List<Entry> oldestFirst) {
    List<Entry> copy = new ArrayList<>(oldestFirst);
    Collections.reverse(copy);
    return copy;
  }

  /**
   * The index of the first entry after the position; without an id, after every entry of that
   * instant (or, with {@code atOrAfter}, the first entry of that instant).
   */
  private static int firstAfter(List<Entry> entries, Instant at, StoryId id, boolean atOrAfter) {
    int low = 0;
    int high = entries.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      Entry e = entries.get(mid);
      int c = e.publishedAt().compareTo(at);
      if (c == 0 && id != null) c = e.id().value().compareTo(id.value());
      boolean after = atOrAfter && id == null ? c >= 0 : c > 0;
      if (after) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  @Override
  public Optional<Story> story(StoryId id) {
    return stories.find(id);
  }

  @Override
  public Optional<Entry> bySlug(String lang, String slug) {
    return published(lang).stream().filter(e -> e.translation().slug().equals(slug)).findFirst();
  }

  @Override
  public List<Entry> newest(String lang, int limit) {
    List<Entry> all = published(lang);
    return newestFirst(all.subList(Math.max(0, all.size() - limit), all.size()));
  }

  @Override
  public List<Entry> between(String lang, Instant from, Instant to, int limit) {
    List<Entry> all = published(lang);
    int start = firstAfter(all, from, null, true);
    int end = firstAfter(all, to, null, true);
    if (end <= start) return List.of();
    return newestFirst(all.subList(Math.max(start, end - limit), end));
  }

  @Override
  public List<Entry> inCategory(String lang, String category, int limit) {
    return newestFirst(published(lang)).stream()
        .filter(e -> e.category().equals(category))
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<Entry> olderThan(String lang, Instant publishedAt, StoryId id) {
    List<Entry> all = published(lang);
    int before = firstAfter(all, publishedAt, id, true) - 1;
    if (id != null) {
      // the position itself is not older than itself
      while (before >= 0 && positionEquals(all.get(before), publishedAt, id)) before--;
    }
    return before < 0 ? Optional.empty() : Optional.of(all.get(before));
  }

  @Override
  public Optional<Entry> newerThan(String lang, Instant publishedAt, StoryId id) {
    List<Entry> all = published(lang);
    int after = firstAfter(all, publishedAt, id, false);
    return after >= all.size() ? Optional.empty() : Optional.of(all.get(after));
  }

  private static boolean positionEquals(Entry e, Instant at, StoryId id) {
    return e.publishedAt().equals(at) && e.id().equals(id);
  }

  @Override
  public Iterable<List<Entry>> all(String lang) {
    return List.of(List.copyOf(published(lang)));
  }
}
