package newsroom.render;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import newsroom.story.Story;
import newsroom.story.StoryId;

/** A site index that passes every question on: tests override what they watch. */
class ForwardingIndex implements SiteIndex {
    private final SiteIndex index;

    ForwardingIndex(SiteIndex index) {
        this.index = index;
    }

    @Override
    public Optional<Story> story(StoryId id) {
        return index.story(id);
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
}
