package newsroom.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fake of the story store for unit tests: same version rules, kept in a map. */
public final class InMemoryStories implements StoryRepository {
    private final Map<StoryId, Story> stories = new LinkedHashMap<>();
    private final Map<String, StoryId> slugs = new LinkedHashMap<>();
    private final Map<StoryId, List<Revision>> revisions = new LinkedHashMap<>();
    private final Map<StoryId, Tombstone> tombstones = new LinkedHashMap<>();
    private long writes;

    /** How many writes succeeded so far: a view over the stories may keep what it read until then. */
    public synchronized long writes() {
        return writes;
    }

    @Override
    public synchronized Optional<Story> find(StoryId id) {
        return Optional.ofNullable(stories.get(id));
    }

    @Override
    public synchronized Optional<Rejection> save(Optional<Story> previous, Story updated, List<Revision> changes) {
        Story stored = stories.get(updated.id());
        if (previous.isEmpty()
                ? stored != null
                : stored == null || stored.version() != previous.get().version()) {
            return Optional.of(new Rejection.Stale(stored == null ? -1 : stored.version()));
        }
        for (Translation t : updated.translations().values()) {
            StoryId holder = slugs.get(t.lang() + "#" + t.slug());
            if (holder != null && !holder.equals(updated.id()))
                return Optional.of(new Rejection.SlugTaken(t.lang(), t.slug()));
        }
        previous.ifPresent(p -> p.translations().values().forEach(t -> slugs.remove(t.lang() + "#" + t.slug())));
        updated.translations().values().forEach(t -> slugs.put(t.lang() + "#" + t.slug(), updated.id()));
        stories.put(updated.id(), updated);
        revisions.computeIfAbsent(updated.id(), k -> new ArrayList<>()).addAll(changes);
        writes++;
        return Optional.empty();
    }

    @Override
    public synchronized Optional<Rejection> delete(Story previous, Revision revision) {
        Story stored = stories.get(previous.id());
        if (stored == null || stored.version() != previous.version()) return Optional.of(new Rejection.Stale(-1));
        stories.remove(previous.id());
        previous.translations().values().forEach(t -> slugs.remove(t.lang() + "#" + t.slug()));
        revisions.computeIfAbsent(previous.id(), k -> new ArrayList<>()).add(revision);
        tombstones.put(
                previous.id(),
                new Tombstone(
                        previous.id(),
                        revision.at(),
                        revision.by(),
                        revision.at().plus(HISTORY_RETENTION)));
        writes++;
        return Optional.empty();
    }

    @Override
    public synchronized List<Revision> revisions(StoryId id) {
        return revisions.getOrDefault(id, List.of()).stream()
                .map(r -> r.withText(null))
                .toList();
    }

    @Override
    public synchronized Optional<Revision> revision(StoryId id, long version, String lang) {
        return revisions.getOrDefault(id, List.of()).stream()
                .filter(r -> r.version() == version && r.lang().equals(lang))
                .findFirst();
    }

    @Override
    public synchronized Optional<Tombstone> tombstone(StoryId id) {
        return Optional.ofNullable(tombstones.get(id));
    }

    @Override
    public synchronized Page<Story> list(StoryFilter filter, Optional<String> cursor, int limit) {
        List<Story> all = new ArrayList<>(stories.values());
        all.sort(Comparator.comparing(Story::createdAt).reversed());
        return new Page<>(all.stream().limit(limit).toList(), Optional.empty());
    }

    @Override
    public synchronized List<Due> due(Instant now, int limit) {
        List<Due> due = new ArrayList<>();
        for (Story s : stories.values()) {
            for (Translation t : s.translations().values()) {
                if (t.status() == Status.SCHEDULED && !t.publishedAt().isAfter(now)) due.add(new Due(s.id(), t.lang()));
            }
        }
        return due;
    }
}
