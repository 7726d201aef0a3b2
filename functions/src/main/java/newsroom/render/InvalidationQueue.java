package newsroom.render;

import java.time.Duration;
import java.util.Collection;

/**
 * Where the intent to invalidate paths is recorded, durably, before the write it is for: a queue
 * that the invalidation function drains into the CDN, coalesced and retried until the CDN has
 * accepted every path.
 */
public interface InvalidationQueue {
    /**
     * Records paths to invalidate. They are delivered only after the queue's delay, which outlasts
     * the invocation that records them, so the write they are for has landed (or never will) first.
     */
    void record(Collection<String> paths);

    /**
     * Sends paths back to be tried again, as attempt {@code attempt}, no sooner than {@code delay}
     * (a queue without delays records them again).
     */
    default void retry(Collection<String> paths, int attempt, Duration delay) {
        record(paths);
    }
}
