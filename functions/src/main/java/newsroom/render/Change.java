package newsroom.render;

import java.time.Instant;
import java.util.Optional;
import newsroom.story.Status;
import newsroom.story.StoryId;

/** One translation's change as the stream reports it: its state before and after. */
public record Change(StoryId id, String lang, Optional<State> before, Optional<State> after) {

    /** What of a translation decides which pages depend on it. */
    public record State(Status status, Instant publishedAt, String slug, String category) {
        public boolean published() {
            return status == Status.PUBLISHED && publishedAt != null;
        }
    }

    public boolean touchesPublicSite() {
        return before.filter(State::published).isPresent()
                || after.filter(State::published).isPresent();
    }
}
