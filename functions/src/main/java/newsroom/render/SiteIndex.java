package newsroom.render;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import newsroom.story.Story;
import newsroom.story.StoryId;

/** What the renderer reads: published translations in publication order, per language. */
public interface SiteIndex {

  Optional<Story> story(StoryId id);

  /** The published translation that holds this slug in this language, if any. */
  Optional<Entry> bySlug(String lang, String slug);

  /** Newest first. */
  List<Entry> newest(String lang, int limit);

  /** Newest first, published in [from, to). */
  List<Entry> between(String lang, Instant from, Instant to, int limit);

  /** Newest first, in the category. */
  List<Entry> inCategory(String lang, String category, int limit);

  /** The nearest entry published before the position (publishedAt, id), if any. */
  Optional<Entry> olderThan(String lang, Instant publishedAt, StoryId id);

  /** The nearest entry published after the position (publishedAt, id), if any. */
  Optional<Entry> newerThan(String lang, Instant publishedAt, StoryId id);

  /** Every published entry of a language, oldest first, one page of the index at a time. */
  Iterable<List<Entry>> all(String lang);
}
