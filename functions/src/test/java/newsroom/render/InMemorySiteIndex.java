package newsroom.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import newsroom.story.InMemoryStories;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryRepository;
import newsroom.story.Translation;

/** The site index over the in-memory story fake, ordered like the published index. */
final class InMemorySiteIndex implements SiteIndex {
  private final InMemoryStories stories;

  InMemorySiteIndex(InMemoryStories stories) {
    this.stories = stories;
  }

  private List<Entry> published(String lang) {
    List<Entry> entries = new ArrayList<>();
    for (Story s :
        stories
            .list(
                new StoryRepository.StoryFilter(
                    Optional.empty(), Optional.empty(), Optional.empty()),
                Optional.empty(),
                Integer.MAX_VALUE)
            .items()) {
      s.translation(lang)
          .filter(Translation::isPublished)
          .ifPresent(
              t ->
                  entries.add(
                      new Entry(
                          s.id(), s.category(), s.image() == null ? null : s.image().src(), t)));
    }
    entries.sort(
        Comparator.comparing((Entry e) -> e.publishedAt())
            .thenComparing(e -> e.id().value())
            .reversed());
    return entries;
  }

  private static int compare(Entry e, Instant at, StoryId id) {
    int byTime = e.publishedAt().compareTo(at);
    if (byTime != 0 || id == null) return byTime == 0 ? 0 : byTime;
    return e.id().value().compareTo(id.value());
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
    return published(lang).stream().limit(limit).toList();
  }

  @Override
  public List<Entry> between(String lang, Instant from, Instant to, int limit) {
    return published(lang).stream()
        .filter(e -> !e.publishedAt().isBefore(from) && e.publishedAt().isBefore(to))
        .limit(limit)
        .toList();
  }

  @Override
  public List<Entry> inCategory(String lang, String category, int limit) {
    return published(lang).stream()
        .filter(e -> e.category().equals(category))
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<Entry> olderThan(String lang, Instant publishedAt, StoryId id) {
    return published(lang).stream()
        .filter(
            e ->
                id == null
                    ? e.publishedAt().isBefore(publishedAt)
                    : compare(e, publishedAt, id) < 0)
        .findFirst();
  }

  @Override
  public Optional<Entry> newerThan(String lang, Instant publishedAt, StoryId id) {
    List<Entry> newer =
        published(lang).stream()
            .filter(
                e ->
                    id == null
                        ? e.publishedAt().isAfter(publishedAt)
                        : compare(e, publishedAt, id) > 0)
            .toList();
    return newer.isEmpty() ? Optional.empty() : Optional.of(newer.get(newer.size() - 1));
  }

  @Override
  public Iterable<List<Entry>> all(String lang) {
    List<Entry> oldestFirst = new ArrayList<>(published(lang));
    java.util.Collections.reverse(oldestFirst);
    return List.of(oldestFirst);
  }
}
