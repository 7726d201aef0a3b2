package newsroom.lambda;

import java.util.function.IntSupplier;
import newsroom.story.StoryId;

/**
 * What the handlers' SnapStart checkpoint hooks share. Each hook runs its handler's own path on
 * synthetic input that reads what it may and writes nothing, so that the snapshot holds the path's
 * classes loaded and initialised; a failure (no table, no network while the snapshot is taken) is
 * left to the first request, which meets it again and answers for it.
 */
final class Priming {
    /** A story id that no story has: what priming asks for. */
    static final StoryId NOBODY = new StoryId("00000000-0000-4000-8000-000000000000");

    private Priming() {}

    /** The step's count, or -1 when it failed. */
    static int step(IntSupplier step) {
        try {
            return step.getAsInt();
        } catch (RuntimeException ignored) {
            // the first request meets it again and answers for it
            return -1;
        }
    }
}
