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
import newsroom.store.InMemorySiteBucket;
import newsroom.story.Actor;
import newsroom.story.BodyFormat;
import newsroom.story.Outcome;
import newsroom.story.Status;
import newsroom.story.Story;
import newsroom.story.StoryInput;
import newsroom.story.StoryService;
import newsroom.story.Translation;
import org.junit.jupiter.api.Test;

/**
 * What one publish costs in bucket writes, on a site of 10 and of 10,000 stories: the same, since a
 * publish re-renders only the pages that depend on the story.
 */
class PublishCostTest {
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final List<String> CATEGORIES = List.of("city", "health", "education", "transport", "culture", "economy");

    /**
     * A publish of a story in kk, ru and en writes, per language, its page (new), its older
     * neighbour's page (now with »»), the month archive, the category page, the home page, "All
     * news", the feed and latest.json: 8 × 3 = 24; and for the whole site the month's sitemap and the
     * news sitemap: 26. Everything else it renders (the neighbour month's archive, the sitemap index)
     * comes out byte for byte the same and is not written.
     */
    static final int OBJECTS_WRITTEN_PER_PUBLISH = 26;

    /** Only the neighbour's pages were cached by readers before: one invalidation per language. */
    static final int PATHS_INVALIDATED_PER_PUBLISH = 3;

    /**
     * What one publish did. The pages rendered may differ by the archives of neighbouring months,
     * which a small site lacks; they come out unchanged and are not written.
     */
    record Cost(int stories, long written, int invalidated, int pagesRendered) {}

    @Test
    void onePublishWritesTheSameObjectsAtTenAndAtTenThousandStories() {
        Cost small = publishOneMoreInto(10);
        Cost large = publishOneMoreInto(10_000);
        System.out.printf(
                "objects written for one publish: %d at %,d stories, %d at %,d stories "
                        + "(%d and %d pages rendered, %d and %d paths invalidated)%n",
                small.written(),
                small.stories(),
                large.written(),
                large.stories(),
                small.pagesRendered(),
                large.pagesRendered(),
                small.invalidated(),
                large.invalidated());
        assertEquals(OBJECTS_WRITTEN_PER_PUBLISH, small.written(), "at 10 stories");
        assertEquals(OBJECTS_WRITTEN_PER_PUBLISH, large.written(), "at 10,000 stories");
        assertEquals(PATHS_INVALIDATED_PER_PUBLISH, small.invalidated());
        assertEquals(PATHS_INVALIDATED_PER_PUBLISH, large.invalidated());
    }

    /**
     * A site of {@code stories} stories in three languages, published an hour apart up to an hour ago
     * and rendered whole into the bucket; then one more story is published now.
     */
    static Cost publishOneMoreInto(int stories) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SiteFixture site = new SiteFixture(clock);
        for (int n = 1; n <= stories; n++) {
            Instant at = NOW.minusSeconds(3600L * n);
            List<Translation> translations = new ArrayList<>();
            for (String lang : SiteFixture.LANGUAGES) {
                translations.add(SiteFixture.published(lang, "Story " + n + " " + lang, "story-" + n + "-" + lang, at));
            }
            site.add(n, CATEGORIES.get(n % CATEGORIES.size()), null, translations.toArray(Translation[]::new));
        }
        InMemorySiteBucket bucket = new InMemorySiteBucket();
        List<String> invalidated = new ArrayList<>();
        SiteWriter writer = new SiteWriter(site.renderer, bucket, invalidated::addAll);
        writer.write(FullSite.pages(site.index, SiteFixture.CONFIG));
        invalidated.clear();

        StoryService service =
                new StoryService(site.stories, SiteFixture.LANGUAGES, CATEGORIES, Clock.fixed(NOW, ZoneOffset.UTC));
        Actor editor = new Actor("editor", Set.of("editors"));
        Map<String, StoryInput.TranslationInput> input = new java.util.LinkedHashMap<>();
        for (String lang : SiteFixture.LANGUAGES) {
            input.put(
                    lang,
                    new StoryInput.TranslationInput(
                            "One more " + lang,
                            SiteFixture.LEADS.get(lang),
                            SiteFixture.DATELINES.get(lang),
                            SiteFixture.BODIES.get(lang),
                            BodyFormat.MARKDOWN,
                            "one-more-" + lang,
                            null,
                            null));
        }
        Story draft = done(service.create(editor, new StoryInput("city", List.of(), null, null, input)));
        Story published = done(service.publish(editor, draft.id(), draft.version(), List.of(), Optional.empty()));

        // what the stream reports: each translation went from draft to published
        List<Change> changes = new ArrayList<>();
        for (String lang : SiteFixture.LANGUAGES) {
            Translation before = draft.translation(lang).orElseThrow();
            Translation after = published.translation(lang).orElseThrow();
            changes.add(new Change(
                    published.id(),
                    lang,
                    Optional.of(new Change.State(Status.DRAFT, null, before.slug(), "city")),
                    Optional.of(new Change.State(Status.PUBLISHED, after.publishedAt(), after.slug(), "city"))));
        }
        long putsBefore = bucket.puts() + bucket.deletes();
        Set<Page> pages = new PageSet(site.index, SiteFixture.LANGUAGES, SiteFixture.ALMATY).dependentPages(changes);
        SiteWriter.Result result = writer.write(pages);
        long written = bucket.puts() + bucket.deletes() - putsBefore;
        assertEquals(written, result.written() + result.removed(), "the writer counts what it wrote");
        return new Cost(stories, written, invalidated.size(), pages.size());
    }

    private static Story done(Outcome<Story> outcome) {
        if (outcome instanceof Outcome.Done<Story> d) return d.value();
        throw new AssertionError(outcome);
    }
}
