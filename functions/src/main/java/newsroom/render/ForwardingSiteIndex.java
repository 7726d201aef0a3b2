package newsroom.render;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import newsroom.story.Story;
import newsroom.story.StoryId;

/** A site index that passes every question on to another: a decorator overrides what it watches. */
public class ForwardingSiteIndex implements SiteIndex {
    private final SiteIndex index;

    public ForwardingSiteIndex(SiteIndex index) {
        this.index = index;
    }

    @Override
    public Optional<Story> story(StoryId id) {
        return index.story(id);
    }

    @Override
    public Map<StoryId, Story> stories(Collection<StoryId> ids) {
        return index.stories(ids);
    }

    @Override
    public Optional<Entry> bySlug(String lang, String slug) {
        return index.bySlug(lang, slug);
    }

    @Override
    public List<Entry> newest(String lang, int limit) {
        return index.newest(lang, limit);
    }

    @Override
    public List<Entry> between(String lang, Instant from, Instant to, int limit) {
        return index.between(lang, from, to, limit);
    }

    @Override
    public List<Entry> inCategory(String lang, String category, int limit) {
        return index.inCategory(lang, category, limit);
    }

    @Override
    public Optional<Entry> olderThan(String lang, Instant publishedAt, StoryId id) {
        return index.olderThan(lang, publishedAt, id);
    }

    @Override
    public Optional<Entry> newerThan(String lang, Instant publishedAt, StoryId id) {
        return index.newerThan(lang, publishedAt, id);
    }

    @Override
    public Iterable<List<Entry>> all(String lang) {
        return index.all(lang);
    }

    @Override
    public Map<String, SortedSet<YearMonth>> keptMonths(Collection<String> langs, ZoneId zone) {
        return index.keptMonths(langs, zone);
    }

    @Override
    public void keepMonths(String lang, ZoneId zone, Map<YearMonth, Integer> counts) {
        index.keepMonths(lang, zone, counts);
    }
}
