package newsroom.lambda;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newsroom.render.InMemorySiteIndex;
import newsroom.site.Config;
import newsroom.store.InMemorySiteBucket;
import newsroom.story.Actor;
import newsroom.story.BodyFormat;
import newsroom.story.InMemoryStories;
import newsroom.story.Outcome;
import newsroom.story.Story;
import newsroom.story.StoryInput;
import newsroom.story.StoryService;

/**
 * A site in memory for the handlers' priming tests: one published story and one scheduled story
 * already due, so that the publisher's real path would publish it and the renderer's pages have
 * something to show.
 */
final class PrimingFixture {
    static final Actor EDITOR = new Actor("alice", Set.of("editors"));
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T06:00:00Z"));
    final Config config = Config.from(Map.of("TABLE_NAME", "t", "BUCKET_NAME", "b"));
    final InMemoryStories repository = new InMemoryStories();
    final StoryService stories = new StoryService(repository, config.languages(), config.categories(), clock);
    final InMemorySiteBucket bucket = new InMemorySiteBucket();
    final Wiring wiring = Wiring.of(
            config,
            stories,
            new InMemorySiteIndex(repository),
            () -> bucket,
            () -> (key, type, length, validFor) -> {
                throw new AssertionError("priming signs no upload");
            },
            () -> new Wiring.Edges(
                    paths -> {
                        throw new AssertionError("priming invalidates nothing");
                    },
                    messages -> {
                        throw new AssertionError("priming starts no rebuild");
                    }),
            clock);

    PrimingFixture() {
        Story published = create("Published before the snapshot");
        done(stories.publish(EDITOR, published.id(), published.version(), List.of(), Optional.empty()));
        Story scheduled = create("Due while the snapshot is taken");
        done(stories.publish(
                EDITOR,
                scheduled.id(),
                scheduled.version(),
                List.of(),
                Optional.of(clock.instant().plus(Duration.ofMinutes(5)))));
        clock.advance(Duration.ofMinutes(10));
    }

    private Story create(String title) {
        var en = new StoryInput.TranslationInput(
                title, "A lead.", "Almaty", "Some *body* text.", BodyFormat.MARKDOWN, null, null, null);
        return done(stories.create(EDITOR, new StoryInput("city", List.of(), "Alice", null, Map.of("en", en))));
    }

    static <T> T done(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> d) return d.value();
        throw new AssertionError("refused: " + outcome);
    }

    /** A clock the test moves on, instead of waiting for time to pass. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
