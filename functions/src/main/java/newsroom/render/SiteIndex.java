package newsroom.render;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import newsroom.story.Story;
import newsroom.story.StoryId;

/**
 * What the renderer reads: published translations in publication order, per language. Entries in
 * answers other than {@link #story} may come without their body (empty source and HTML); their
 * excerpt is always there.
 */
public interface SiteIndex {

    Optional<Story> story(StoryId id);

    /**
     * The stories among these ids that exist, as their pages show them: a store may read them
     * together, and leave out the bodies' source.
     */
    default Map<StoryId, Story> stories(Collection<StoryId> ids) {
        Map<StoryId, Story> found = new LinkedHashMap<>();
        for (StoryId id : ids) story(id).ifPresent(s -> found.put(id, s));
        return found;
    }

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

    /**
     * The months (in {@code zone}) in which each of these languages has published stories, for the
     * languages whose months the store keeps up to date; a language it does not answer for is found
     * by walking the index. The default keeps none.
     */
    default Map<String, SortedSet<YearMonth>> keptMonths(Collection<String> langs, ZoneId zone) {
        return Map.of();
    }

    /**
     * Hands a store that keeps months the count of a language's published stories per month, as a
     * walk of the whole index found them (a full rebuild's plan): from then on its months are kept
     * with every change. The default keeps nothing.
     */
    default void keepMonths(String lang, ZoneId zone, Map<YearMonth, Integer> counts) {}
}
