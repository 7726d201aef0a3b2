package newsroom.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.story.InMemoryStories;
import newsroom.story.Picture;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryRepository;
import newsroom.story.Translation;

/**
 * The site index over the in-memory story fake: a {@link SnapshotIndex} of its published
 * translations, taken again whenever the stories change, so sites of thousands of stories render
 * quickly.
 */
public final class InMemorySiteIndex implements SiteIndex {
    private final InMemoryStories stories;
    private final Map<String, Picture> pictures = new HashMap<>();
    private long readAt = -1;
    private SnapshotIndex snapshot;

    public InMemorySiteIndex(InMemoryStories stories) {
        this.stories = stories;
    }

    /**
     * Lists {@code picture} with the translations of stories that name its src, as the table's
     * translation items carry the renditions of a picture processed before they were written.
     */
    public synchronized void listPicture(Picture picture) {
        pictures.put(picture.src(), picture);
        readAt = -1;
    }

    private synchronized SnapshotIndex current() {
        if (readAt != stories.writes()) {
            readAt = stories.writes();
            Map<String, List<Entry>> byLang = new HashMap<>();
            for (Story s : stories
                    .list(
                            new StoryRepository.StoryFilter(Optional.empty(), Optional.empty(), Optional.empty()),
                            Optional.empty(),
                            Integer.MAX_VALUE)
                    .items()
                    .stream()
                    .flatMap(outline -> stories.find(outline.id()).stream())
                    .toList()) {
                for (Translation t : s.translations().values()) {
                    if (!t.isPublished()) continue;
                    byLang.computeIfAbsent(t.lang(), k -> new ArrayList<>())
                            .add(new Entry(
                                    s.id(),
                                    s.category(),
                                    s.image() == null ? null : s.image().src(),
                                    t,
                                    newsroom.story.Excerpts.of(t),
                                    s.image() == null
                                            ? null
                                            : pictures.get(s.image().src())));
                }
            }
            snapshot = SnapshotIndex.of(this, byLang);
        }
        return snapshot;
    }

    @Override
    public Optional<Story> story(StoryId id) {
        return stories.find(id);
    }

    @Override
    public Optional<Entry> bySlug(String lang, String slug) {
        return current().bySlug(lang, slug);
    }

    @Override
    public List<Entry> newest(String lang, int limit) {
        return current().newest(lang, limit);
    }

    @Override
    public List<Entry> between(String lang, Instant from, Instant to, int limit) {
        return current().between(lang, from, to, limit);
    }

    @Override
    public List<Entry> inCategory(String lang, String category, int limit) {
        return current().inCategory(lang, category, limit);
    }

    @Override
    public Optional<Entry> olderThan(String lang, Instant publishedAt, StoryId id) {
        return current().olderThan(lang, publishedAt, id);
    }

    @Override
    public Optional<Entry> newerThan(String lang, Instant publishedAt, StoryId id) {
        return current().newerThan(lang, publishedAt, id);
    }

    @Override
    public Iterable<List<Entry>> all(String lang) {
        return current().all(lang);
    }
}
