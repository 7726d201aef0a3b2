package newsroom.story;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where stories are kept. Every write is conditional on the version the writer read. */
public interface StoryRepository {

    Optional<Story> find(StoryId id);

    /**
     * Writes {@code updated} in one transaction: the story, its translations, slug claims and one
     * revision per changed language. {@code previous} is the state the caller read (empty for a new
     * story); the write fails with {@link Rejection.Stale} if the stored version moved on since.
     */
    Optional<Rejection> save(Optional<Story> previous, Story updated, List<Revision> revisions);

    /** Removes a story, its translations and slug claims, if still at the version read. */
    Optional<Rejection> delete(Story previous, Revision revision);

    List<Revision> revisions(StoryId id);

    Page<Story> list(StoryFilter filter, Optional<String> cursor, int limit);

    /** Scheduled translations whose time has come, as (story, language) pairs. */
    List<Due> due(Instant now, int limit);

    record Due(StoryId id, String lang) {}

    record StoryFilter(Optional<Status> status, Optional<String> lang, Optional<String> category) {}

    record Page<T>(List<T> items, Optional<String> nextCursor) {}
}
