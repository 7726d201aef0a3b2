package newsroom.story;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
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
    public synchronized Optional<Rejection> save(
            Optional<Story> previous, Story updated, List<Revision> changes, List<Revision> superseded) {
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
        List<Revision> history = revisions.computeIfAbsent(updated.id(), k -> new ArrayList<>());
        // as the table keys them: by time, language and version
        history.removeIf(r -> superseded.stream()
                .anyMatch(gone ->
                        gone.at().equals(r.at()) && gone.lang().equals(r.lang()) && gone.version() == r.version()));
        history.addAll(changes);
        pruneRevisions(updated.id());
        writes++;
        return Optional.empty();
    }

    /** Keeps the newest {@link #KEPT_REVISIONS} of each language, as the table does. */
    private void pruneRevisions(StoryId id) {
        List<Revision> all = revisions.get(id);
        Map<String, Long> count = new HashMap<>();
        for (Revision r : all) count.merge(r.lang(), 1L, Long::sum);
        List<Revision> kept = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Revision r : all) {
            long index = seen.merge(r.lang(), 1L, Long::sum);
            if (count.get(r.lang()) - index < KEPT_REVISIONS) kept.add(r);
        }
        revisions.put(id, kept);
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
    public synchronized Page<StoryOutline> list(StoryFilter filter, Optional<String> cursor, int limit) {
        // the staff index's order: newest created first, by the same key the table sorts on
        List<Story> matching = stories.values().stream()
                .filter(story -> matches(story, filter))
                .sorted(Comparator.comparing(InMemoryStories::listKey).reversed())
                .toList();
        int from = 0;
        if (cursor.isPresent()) {
            String after = decodeCursor(cursor.get());
            while (from < matching.size() && listKey(matching.get(from)).compareTo(after) >= 0) from++;
        }
        List<Story> page = matching.subList(from, from + Math.min(limit, matching.size() - from));
        Optional<String> next = from + page.size() < matching.size()
                ? Optional.of(encodeCursor(listKey(page.get(page.size() - 1))))
                : Optional.empty();
        return new Page<>(page.stream().map(StoryOutline::of).toList(), next);
    }

    /** As the table filters: a status and a language together mean that language's status. */
    private static boolean matches(Story story, StoryFilter filter) {
        if (filter.category().isPresent() && !filter.category().get().equals(story.category())) return false;
        if (filter.status().isPresent() && filter.lang().isPresent()) {
            return story.translation(filter.lang().get())
                    .filter(t -> t.status() == filter.status().get())
                    .isPresent();
        }
        if (filter.lang().isPresent() && story.translation(filter.lang().get()).isEmpty()) return false;
        return filter.status().isEmpty()
                || story.translations().values().stream()
                        .anyMatch(t -> t.status() == filter.status().get());
    }

    private static final java.time.format.DateTimeFormatter CREATED = java.time.format.DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    // the table's key: creation time in a fixed width to the millisecond, then the id
    private static String listKey(Story story) {
        return CREATED.format(story.createdAt()) + "#" + story.id().value();
    }

    private static String encodeCursor(String key) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("fake\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (!raw.startsWith("fake\n")) throw new IllegalArgumentException("bad cursor");
        return raw.substring("fake\n".length());
    }

    @Override
    public synchronized List<Due> due(Instant now, int limit) {
        record Scheduled(Instant at, Due due) {}
        List<Scheduled> due = new ArrayList<>();
        for (Story s : stories.values()) {
            for (Translation t : s.translations().values()) {
                if (t.status() == Status.SCHEDULED && !t.publishedAt().isAfter(now))
                    due.add(new Scheduled(t.publishedAt(), new Due(s.id(), t.lang())));
            }
        }
        // the earliest first, as the schedule index reads them
        return due.stream()
                .sorted(Comparator.comparing(Scheduled::at)
                        .thenComparing(d -> d.due().id().value())
                        .thenComparing(d -> d.due().lang()))
                .limit(limit)
                .map(Scheduled::due)
                .toList();
    }
}
