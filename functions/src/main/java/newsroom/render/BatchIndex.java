package newsroom.render;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import newsroom.story.Story;
import newsroom.story.StoryId;

/**
 * The site index as seen by one batch of pages: each question is asked of the table once, since the
 * pages of a batch share neighbours, list heads and stories.
 */
final class BatchIndex implements SiteIndex {
  private final SiteIndex index;
  private final Map<Object, Object> answers = new ConcurrentHashMap<>();

  BatchIndex(SiteIndex index) {
    this.index = index;
  }

  private record Question(String method, Object... args) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Question q
          && q.method.equals(method)
          && java.util.Arrays.equals(q.args, args);
    }

    @Override
    public int hashCode() {
      return method.hashCode() * 31 + java.util.Arrays.hashCode(args);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T ask(Supplier<T> answer, String method, Object... args) {
    Question question = new Question(method, args);
    Object known = answers.get(question);
    if (known != null) return (T) known;
    T fresh = answer.get();
    answers.put(question, fresh);
    return fresh;
  }

  @Override
  public Optional<Story> story(StoryId id) {
    return ask(() -> index.story(id), "story", id);
  }

  @Override
  public Optional<Entry> bySlug(String lang, String slug) {
    return ask(() -> index.bySlug(lang, slug), "bySlug", lang, slug);
  }

  @Override
  public List<Entry> newest(String lang, int limit) {
    return ask(() -> index.newest(lang, limit), "newest", lang, limit);
  }

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
    return ask(() -> index.olderThan(lang, publishedAt, id), "olderThan", lang, publishedAt, id);
  }

  @Override
  public Optional<Entry> newerThan(String lang, Instant publishedAt, StoryId id) {
    return ask(() -> index.newerThan(lang, publishedAt, id), "newerThan", lang, publishedAt, id);
  }

  @Override
  public Iterable<List<Entry>> all(String lang) {
    return index.all(lang);
  }
}
