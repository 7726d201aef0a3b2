package newsroom.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import newsroom.story.Actor;
import newsroom.story.BodyFormat;
import newsroom.story.InMemoryStories;
import newsroom.story.Outcome;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryInput;
import newsroom.story.StoryService;
import org.junit.jupiter.api.Test;

class BatchIndexTest {
    final InMemoryStories stories = new InMemoryStories();
    final StoryService service = new StoryService(
            stories,
            List.of("kk", "ru", "en"),
            List.of("city"),
            Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));
    final Actor editor = new Actor("erlan", Set.of("editors"));

    Story publishedAt(String title, Instant at) {
        var t = new StoryInput.TranslationInput(title, "Lead", "Almaty", "Body", BodyFormat.MARKDOWN, null, null, null);
        Story s = ((Outcome.Done<Story>)
                        service.create(editor, new StoryInput("city", List.of(), null, null, Map.of("en", t))))
                .value();
        return ((Outcome.Done<Story>) service.publish(editor, s.id(), 1, List.of(), Optional.of(at))).value();
    }

    /** Counts what reaches the index underneath. */
    static final class Counting extends ForwardingSiteIndex {
        final AtomicInteger neighbourQueries = new AtomicInteger();
        final AtomicInteger listQueries = new AtomicInteger();

        @Override
        public List<Entry> between(String lang, Instant from, Instant to, int limit) {
            listQueries.incrementAndGet();
            try {
                // slow enough that the other pages ask while it is being read
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.between(lang, from, to, limit);
        }

        Counting(SiteIndex index) {
            super(index);
        }

        @Override
        public Optional<Entry> olderThan(String lang, Instant at, StoryId id) {
            neighbourQueries.incrementAndGet();
            return super.olderThan(lang, at, id);
        }

        @Override
        public Optional<Entry> newerThan(String lang, Instant at, StoryId id) {
            neighbourQueries.incrementAndGet();
            return super.newerThan(lang, at, id);
        }
    }

    @Test
    void aRunOfArticlesGetsTheSameNeighboursFromOneStretchOfTheIndex() {
        Instant start = Instant.parse("2025-03-01T05:00:00Z");
        List<Story> all = new ArrayList<>();
        // two stories in the same second, as the index's precision allows
        for (int i = 0; i < 40; i++) {
            all.add(publishedAt("Story " + i, start.plusSeconds(3600L * (i / 2 * 2))));
        }
        SiteIndex plain = new InMemorySiteIndex(stories);
        Counting counting = new Counting(plain);
        BatchIndex batch = new BatchIndex(counting);
        List<Page> run = new ArrayList<>();
        List<Story> ordered = new ArrayList<>(all);
        ordered.sort(java.util.Comparator.comparing(
                        (Story s) -> s.translation("en").orElseThrow().publishedAt())
                .thenComparing(s -> s.id().value()));
        for (Story s : ordered.subList(10, 30)) run.add(new Page.Article("en", s.id()));
        batch.prefetch(run);
        int afterPrefetch = counting.neighbourQueries.get();
        for (Story s : ordered.subList(10, 30)) {
            Instant at = s.translation("en").orElseThrow().publishedAt();
            assertEquals(plain.olderThan("en", at, s.id()), batch.olderThan("en", at, s.id()));
            assertEquals(plain.newerThan("en", at, s.id()), batch.newerThan("en", at, s.id()));
            assertEquals(plain.story(s.id()), batch.story(s.id()));
        }
        assertEquals(afterPrefetch, counting.neighbourQueries.get());
    }

    @Test
    void positionsOutsideTheStretchAreAskedOfTheIndex() {
        Instant start = Instant.parse("2025-03-01T05:00:00Z");
        List<Story> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) all.add(publishedAt("Story " + i, start.plusSeconds(60L * i)));
        SiteIndex plain = new InMemorySiteIndex(stories);
        BatchIndex batch = new BatchIndex(plain);
        List<Page> run = new ArrayList<>();
        for (Story s : all.subList(5, 15)) run.add(new Page.Article("en", s.id()));
        batch.prefetch(run);
        for (Story s : List.of(all.get(0), all.get(4), all.get(15), all.get(19))) {
            Instant at = s.translation("en").orElseThrow().publishedAt();
            assertEquals(plain.olderThan("en", at, s.id()), batch.olderThan("en", at, s.id()));
            assertEquals(plain.newerThan("en", at, s.id()), batch.newerThan("en", at, s.id()));
        }
    }

    @Test
    void pagesAskingTheSameListTogetherShareOneRead() throws Exception {
        Story a = publishedAt("First", Instant.parse("2026-10-03T05:00:00Z"));
        publishedAt("Second", Instant.parse("2026-10-09T05:00:00Z"));
        Counting counting = new Counting(new InMemorySiteIndex(stories));
        BatchIndex batch = new BatchIndex(counting);
        Instant from = Instant.parse("2026-10-01T00:00:00Z");
        Instant to = Instant.parse("2026-11-01T00:00:00Z");
        List<Thread> pages = new ArrayList<>();
        List<List<Entry>> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 6; i++) {
            Thread page = new Thread(() -> answers.add(batch.between("en", from, to, 5000)));
            pages.add(page);
            page.start();
        }
        for (Thread page : pages) page.join();
        assertEquals(1, counting.listQueries.get());
        assertEquals(6, answers.size());
        for (List<Entry> answer : answers) {
            assertEquals(2, answer.size());
            assertEquals(a.id(), answer.get(1).id());
        }
    }
}
