package newsroom.story;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where stories are kept. Every write is conditional on the version the writer read. */
public interface StoryRepository {
    /** Revisions kept per translation; older ones are pruned. */
    int KEPT_REVISIONS = 50;

    /** How long a deleted story's history stays readable, behind its tombstone. */
    Duration HISTORY_RETENTION = Duration.ofDays(90);

    Optional<Story> find(StoryId id);

    /**
     * Writes {@code updated} in one transaction: the story, its translations, slug claims and one
     * revision per changed language. {@code previous} is the state the caller read (empty for a new
     * story); the write fails with {@link Rejection.Stale} if the stored version moved on since.
     */
    default Optional<Rejection> save(Optional<Story> previous, Story updated, List<Revision> revisions) {
        return save(previous, updated, revisions, List.of());
    }

    /**
     * As {@link #save(Optional, Story, List)}, removing in the same transaction the revisions (as
     * listed) in {@code superseded}: those that revisions of this write carry on (an autosave run).
     */
    Optional<Rejection> save(
            Optional<Story> previous, Story updated, List<Revision> revisions, List<Revision> superseded);

    /**
     * Removes a story, its translations and slug claims, if still at the version read; leaves a
     * tombstone, and its history, readable for {@link #HISTORY_RETENTION}.
     */
    Optional<Rejection> delete(Story previous, Revision revision);

    /** The story's revisions, oldest first, without their texts. */
    List<Revision> revisions(StoryId id);

    /** One revision with its text, if kept. */
    Optional<Revision> revision(StoryId id, long version, String lang);

    /** The mark a deleted story leaves while its history is kept. */
    Optional<Tombstone> tombstone(StoryId id);

    record Tombstone(StoryId id, Instant deletedAt, String deletedBy, Instant expiresAt) {}

    /** Stories as lists show them, newest created first, without their bodies. */
    Page<StoryOutline> list(StoryFilter filter, Optional<String> cursor, int limit);

    /** Scheduled translations whose time has come, as (story, language) pairs. */
    List<Due> due(Instant now, int limit);

    record Due(StoryId id, String lang) {}

    record StoryFilter(Optional<Status> status, Optional<String> lang, Optional<String> category) {}

    record Page<T>(List<T> items, Optional<String> nextCursor) {}
}
