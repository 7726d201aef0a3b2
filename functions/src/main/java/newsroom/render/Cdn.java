package newsroom.render;

import java.util.Collection;

/** The content delivery network in front of the bucket; told which paths changed. */
public interface Cdn {
    /** The path that stands for every path. */
    String EVERYTHING = "/*";

    /**
     * Invalidates the paths ({@code /*} is every path). Throws {@link Busy} when the CDN asks the
     * caller to come back later; any other exception is a failure of this attempt.
     */
    void invalidate(Collection<String> paths);

    /**
     * The CDN is throttling, or has as many invalidations in progress as it accepts: the paths must
     * be sent again later, never dropped.
     */
    final class Busy extends RuntimeException {
        public Busy(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
