package newsroom.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StoryRepository} does, run against the in-memory fake and the DynamoDB
 * repository alike, so that the unit tests' fake cannot drift from the real store: writes guarded
 * by the version read (create only if absent), slugs held by one story per language, deletes that
 * leave a tombstone and the history, revisions, the staff list's filters and cursors, and the
 * scheduled translations that are due.
 */
public abstract class StoryRepositoryContract {
    protected static final Instant T0 = Instant.parse("2026-11-20T06:00:00Z");

    private StoryRepository stories;

    /** A repository with nothing in it, of the kind under test. */
    protected abstract StoryRepository emptyRepository();

    @BeforeEach
    protected void startEmpty() {
        stories = emptyRepository();
    }

    @Test
    protected void aCreatedStoryIsFoundAsWritten() {
        Story story = story("city", T0, draft("en", "tram-returns"), draft("ru", "tramvai-vernetsya"));

        assertEquals(Optional.empty(), stories.save(Optional.empty(), story, created(story)));

        assertEquals(Optional.of(story), stories.find(story.id()));
        assertEquals(Optional.empty(), stories.find(StoryId.random()));
    }

    @Test
    protected void aStorysGalleryIsFoundInItsOrderWithItsWordsPerLanguage() {
        Story plain = story("city", T0, draft("en", "gallery-story"), draft("kk", "galereya"));
        List<GalleryImage> gallery = List.of(
                new GalleryImage(
                        "/media/2026/11/b.jpg",
                        Map.of("en", "The bridge", "kk", "Көпір"),
                        Map.of("en", "A bridge over the river")),
                new GalleryImage("/media/2026/11/a.jpg", Map.of(), Map.of("kk", "Өзен")));
        Story story = new Story(
                plain.id(),
                plain.category(),
                plain.tags(),
                plain.author(),
                new Image("/media/2026/11/lead.jpg"),
                gallery,
                plain.version(),
                plain.createdAt(),
                plain.createdBy(),
                plain.updatedAt(),
                plain.updatedBy(),
                plain.translations());

        assertEquals(Optional.empty(), stories.save(Optional.empty(), story, created(story)));

        assertEquals(gallery, stories.find(story.id()).orElseThrow().gallery());
        Story without = next(story, draft("en", "gallery-story"));
        assertEquals(Optional.empty(), stories.save(Optional.of(story), without, List.of()));
        assertEquals(
                List.of(), stories.find(story.id()).orElseThrow().gallery(), "a replace without a gallery has none");
    }

    @Test
    protected void creatingAStoryThatExistsIsStaleAndChangesNothing() {
        Story story = saved(story("city", T0, draft("en", "first")));
        Story again = story(story.id(), 1, "health", T0, draft("en", "second"));

        assertInstanceOf(
                Rejection.Stale.class,
                stories.save(Optional.empty(), again, List.of()).orElseThrow());

        assertEquals(Optional.of(story), stories.find(story.id()));
    }

    @Test
    protected void aWriteOnTheVersionReadIsTakenAndOneOnAnOlderVersionIsStale() {
        Story v1 = saved(story("city", T0, draft("en", "budget")));
        Story v2 = next(v1, draft("en", "budget").withStatus(Status.PUBLISHED, T0));
        Story late = next(v1, draft("en", "budget-late"));

        assertEquals(Optional.empty(), stories.save(Optional.of(v1), v2, List.of(revision(v2, "en", "publish"))));
        assertInstanceOf(
                Rejection.Stale.class,
                stories.save(Optional.of(v1), late, List.of()).orElseThrow());

        assertEquals(Optional.of(v2), stories.find(v1.id()));
    }

    @Test
    protected void aWriteOnAStoryThatIsNotThereIsStale() {
        Story never = story("city", T0, draft("en", "never-created"));

        assertInstanceOf(
                Rejection.Stale.class,
                stories.save(Optional.of(never), next(never, draft("en", "never-created")), List.of())
                        .orElseThrow());

        assertEquals(Optional.empty(), stories.find(never.id()));
    }

    @Test
    protected void aSlugIsHeldByOneStoryInEachLanguage() {
        saved(story("city", T0, draft("en", "park-opens")));
        Story other = story("city", T0.plusSeconds(60), draft("en", "park-opens"));

        assertEquals(
                Optional.of(new Rejection.SlugTaken("en", "park-opens")),
                stories.save(Optional.empty(), other, created(other)));
        assertEquals(Optional.empty(), stories.find(other.id()));

        Story inRussian = story("city", T0.plusSeconds(120), draft("ru", "park-opens"));
        assertEquals(Optional.empty(), stories.save(Optional.empty(), inRussian, created(inRussian)));
    }

    @Test
    protected void aStoryKeepsItsSlugAcrossWritesAndASlugItLetsGoIsFreeForAnother() {
        Story v1 = saved(story("city", T0, draft("en", "old-name"), draft("ru", "staroe")));
        Story v2 = next(v1, draft("en", "old-name").withStatus(Status.PUBLISHED, T0), draft("ru", "staroe"));
        assertEquals(Optional.empty(), stories.save(Optional.of(v1), v2, List.of()));
        Story v3 = next(v2, draft("en", "new-name"));
        assertEquals(Optional.empty(), stories.save(Optional.of(v2), v3, List.of()));

        Story renamedAway = story("city", T0.plusSeconds(60), draft("en", "old-name"), draft("ru", "staroe"));
        assertEquals(Optional.empty(), stories.save(Optional.empty(), renamedAway, created(renamedAway)));

        Story taken = story("city", T0.plusSeconds(120), draft("en", "new-name"));
        assertEquals(
                Optional.of(new Rejection.SlugTaken("en", "new-name")),
                stories.save(Optional.empty(), taken, List.of()));
    }

    @Test
    protected void deletingTheVersionReadLeavesATombstoneAndTheHistoryAndFreesTheSlugs() {
        Story story = saved(story("city", T0, draft("en", "to-delete")));
        Revision deletion = new Revision(T0.plusSeconds(30), "*", "delete", "erlan", 2);

        assertEquals(Optional.empty(), stories.delete(story, deletion));

        assertEquals(Optional.empty(), stories.find(story.id()));
        assertEquals(
                Optional.of(new StoryRepository.Tombstone(
                        story.id(), deletion.at(), "erlan", deletion.at().plus(StoryRepository.HISTORY_RETENTION))),
                stories.tombstone(story.id()));
        List<Revision> history = stories.revisions(story.id());
        assertEquals(deletion, history.get(history.size() - 1));
        assertEquals("create", history.get(0).action());
        Story successor = story("city", T0.plusSeconds(60), draft("en", "to-delete"));
        assertEquals(Optional.empty(), stories.save(Optional.empty(), successor, List.of()));
        assertEquals(Optional.empty(), stories.tombstone(successor.id()));
    }

    @Test
    protected void deletingAnOlderVersionIsStaleAndKeepsTheStory() {
        Story v1 = saved(story("city", T0, draft("en", "kept")));
        Story v2 = next(v1, draft("en", "kept-too"));
        assertEquals(Optional.empty(), stories.save(Optional.of(v1), v2, List.of()));

        assertInstanceOf(
                Rejection.Stale.class,
                stories.delete(v1, new Revision(T0.plusSeconds(30), "*", "delete", "erlan", 2))
                        .orElseThrow());

        assertEquals(Optional.of(v2), stories.find(v1.id()));
        assertEquals(Optional.empty(), stories.tombstone(v1.id()));
    }

    @Test
    protected void revisionsAreListedOldestFirstWithoutTextsAndReadOneByOneWithThem() {
        Story v1 = saved(story("city", T0, draft("en", "rev"), draft("ru", "rev")));
        Story v2 = next(v1, draft("en", "rev-2"), draft("ru", "rev"));
        Revision edit = revision(v2, "en", "edit");
        assertEquals(Optional.empty(), stories.save(Optional.of(v1), v2, List.of(edit)));

        List<Revision> listed = stories.revisions(v1.id());

        List<Revision> expected = new ArrayList<>(created(v1));
        expected.add(edit);
        assertEquals(expected.stream().map(r -> r.withText(null)).toList(), listed);
        assertEquals(Optional.of(edit), stories.revision(v1.id(), 2, "en"));
        assertEquals(
                "rev-2", stories.revision(v1.id(), 2, "en").orElseThrow().text().slug());
        assertEquals(Optional.empty(), stories.revision(v1.id(), 2, "ru"));
        assertEquals(List.of(), stories.revisions(StoryId.random()));
    }

    @Test
    protected void aRevisionCarriedOnReplacesTheOneItContinuesInTheSameWrite() {
        Story v1 = saved(story("city", T0, draft("en", "run"), draft("ru", "run")));
        Story v2 = next(v1, draft("en", "run-2"), draft("ru", "run"));
        Revision first = revision(v2, "en", "edit");
        assertEquals(Optional.empty(), stories.save(Optional.of(v1), v2, List.of(first)));
        Revision listed = stories.revisions(v1.id()).get(2);

        Story v3 = next(v2, draft("en", "run-3"), draft("ru", "run"));
        Revision carried = listed.continuedAs(revision(v3, "en", "edit"));
        // on a version that moved on, nothing happens: neither the revision nor its predecessor goes
        assertInstanceOf(
                Rejection.Stale.class,
                stories.save(Optional.of(v1), v3, List.of(carried), List.of(listed))
                        .orElseThrow());
        assertEquals(Optional.of(first), stories.revision(v1.id(), 2, "en"));

        assertEquals(Optional.empty(), stories.save(Optional.of(v2), v3, List.of(carried), List.of(listed)));

        List<Revision> history = stories.revisions(v1.id());
        List<Revision> expected = new ArrayList<>(created(v1));
        expected.add(carried);
        assertEquals(expected.stream().map(r -> r.withText(null)).toList(), history);
        Revision kept = stories.revision(v1.id(), 3, "en").orElseThrow();
        assertEquals("run-3", kept.text().slug(), "the newest words");
        assertEquals(first.at(), kept.startedAt(), "begun at the first save");
        assertEquals(v3.createdAt().plusSeconds(3), kept.at(), "at the newest save");
        assertEquals(Optional.empty(), stories.revision(v1.id(), 2, "en"), "one revision, not two");
    }

    @Test
    protected void onlyTheNewestRevisionsOfEachLanguageAreKept() {
        Story story = saved(story("city", T0, draft("en", "busy"), draft("ru", "busy")));
        int edits = StoryRepository.KEPT_REVISIONS + 1;
        for (int i = 0; i < edits; i++) {
            Story updated = next(story, draft("en", "busy"), draft("ru", "busy"));
            assertEquals(
                    Optional.empty(),
                    stories.save(Optional.of(story), updated, List.of(revision(updated, "en", "edit"))));
            story = updated;
        }

        List<Revision> kept = stories.revisions(story.id());

        List<Revision> english =
                kept.stream().filter(r -> r.lang().equals("en")).toList();
        assertEquals(StoryRepository.KEPT_REVISIONS, english.size());
        assertEquals(story.version(), english.get(english.size() - 1).version(), "the newest is kept");
        assertEquals(
                story.version() - StoryRepository.KEPT_REVISIONS + 1,
                english.get(0).version());
        assertEquals(1, kept.stream().filter(r -> r.lang().equals("ru")).count(), "other languages keep theirs");
    }

    @Test
    protected void theListIsNewestFirstAndFiltersByStatusLanguageAndCategory() {
        Story draftCity = saved(story("city", T0, draft("en", "a"), draft("ru", "a")));
        Story publishedRu = saved(story(
                "city", T0.plusSeconds(60), draft("en", "b"), draft("ru", "b").withStatus(Status.PUBLISHED, T0)));
        Story scheduledEn = saved(story("health", T0.plusSeconds(120), scheduled("en", "c", T0.plusSeconds(3600))));
        Story kazakh = saved(story("health", T0.plusSeconds(180), draft("kk", "d")));

        assertEquals(ids(kazakh, scheduledEn, publishedRu, draftCity), listed(filter(null, null, null)));
        assertEquals(ids(scheduledEn, publishedRu, draftCity), listed(filter(null, "en", null)));
        assertEquals(ids(publishedRu), listed(filter(Status.PUBLISHED, null, null)));
        assertEquals(ids(kazakh, publishedRu, draftCity), listed(filter(Status.DRAFT, null, null)));
        // status and language together: that language's status, not any translation's
        assertEquals(ids(publishedRu, draftCity), listed(filter(Status.DRAFT, "en", null)));
        assertEquals(ids(draftCity), listed(filter(Status.DRAFT, "ru", null)));
        assertEquals(ids(kazakh, scheduledEn), listed(filter(null, null, "health")));
        assertEquals(ids(scheduledEn), listed(filter(Status.SCHEDULED, null, "health")));
        assertEquals(List.of(), listed(filter(Status.PUBLISHED, "kk", null)));
    }

    @Test
    protected void aListedStoryCarriesItsTranslationsOutlinesAsWritten() {
        Story story = saved(
                story("city", T0, draft("en", "outline"), draft("ru", "outline").withStatus(Status.PUBLISHED, T0)));

        StoryOutline listed = stories.list(filter(null, null, null), Optional.empty(), 10)
                .items()
                .get(0);

        // everything but the bodies, exactly as a whole read of the story gives it
        assertEquals(StoryOutline.of(stories.find(story.id()).orElseThrow()), listed);
        assertEquals(StoryOutline.of(story), listed);
    }

    @Test
    protected void aStoryCreatedOnAWholeSecondIsListedAfterOneCreatedLaterInThatSecond() {
        Story onTheSecond = saved(story("city", T0, draft("en", "on-the-second")));
        Story later = saved(story("city", T0.plusMillis(235), draft("en", "later-that-second")));

        assertEquals(
                List.of(later.id(), onTheSecond.id()),
                stories.list(filter(null, null, null), Optional.empty(), 10).items().stream()
                        .map(StoryOutline::id)
                        .toList());
    }

    @Test
    protected void cursorsWalkEveryMatchingStoryOnceAndAShortPageIsTheLast() {
        List<Story> newestFirst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // every third story is in another category: a filtered page is read on until it is full
            Story s = saved(story(i % 3 == 0 ? "health" : "city", T0.plusSeconds(60L * i), draft("en", "walk-" + i)));
            newestFirst.add(0, s);
        }
        for (StoryRepository.StoryFilter filter : List.of(filter(null, null, null), filter(null, null, "city"))) {
            List<String> expected = newestFirst.stream()
                    .filter(s -> filter.category().map(s.category()::equals).orElse(true))
                    .map(s -> s.id().value())
                    .toList();
            for (int limit : List.of(1, 3, expected.size(), expected.size() + 1)) {
                List<String> walked = new ArrayList<>();
                Optional<String> cursor = Optional.empty();
                int pages = 0;
                do {
                    StoryRepository.Page<StoryOutline> page = stories.list(filter, cursor, limit);
                    assertTrue(page.items().size() <= limit, "a page holds at most the limit");
                    if (page.items().size() < limit) {
                        assertEquals(Optional.empty(), page.nextCursor(), "a short page is the last");
                    }
                    page.items().forEach(s -> walked.add(s.id().value()));
                    cursor = page.nextCursor();
                    assertTrue(++pages <= expected.size() + 1, "the walk ends");
                } while (cursor.isPresent());
                assertEquals(expected, walked, filter + " by " + limit);
            }
        }
    }

    @Test
    protected void aCursorTheRepositoryDidNotIssueIsRefused() {
        saved(story("city", T0, draft("en", "one")));

        assertThrows(
                IllegalArgumentException.class,
                () -> stories.list(filter(null, null, null), Optional.of("bm90LWEtY3Vyc29y"), 10));
    }

    @Test
    protected void dueAreTheScheduledTranslationsWhoseTimeHasComeEarliestFirst() {
        Story early = saved(story("city", T0, scheduled("en", "early", T0.plusSeconds(600)), draft("ru", "early")));
        Story late = saved(story(
                "city",
                T0.plusSeconds(60),
                scheduled("ru", "late", T0.plusSeconds(1200)),
                draft("en", "late").withStatus(Status.PUBLISHED, T0)));

        assertEquals(List.of(), stories.due(T0.plusSeconds(599), 100));
        assertEquals(List.of(new StoryRepository.Due(early.id(), "en")), stories.due(T0.plusSeconds(600), 100));
        assertEquals(
                List.of(new StoryRepository.Due(early.id(), "en"), new StoryRepository.Due(late.id(), "ru")),
                stories.due(T0.plus(Duration.ofDays(1)), 100));
        assertEquals(List.of(new StoryRepository.Due(early.id(), "en")), stories.due(T0.plus(Duration.ofDays(1)), 1));
    }

    // --- stories as the service writes them: whole-second publication times, millisecond others

    private Story saved(Story story) {
        assertEquals(Optional.empty(), stories.save(Optional.empty(), story, created(story)));
        return story;
    }

    private List<String> listed(StoryRepository.StoryFilter filter) {
        return stories.list(filter, Optional.empty(), 100).items().stream()
                .map(s -> s.id().value())
                .toList();
    }

    private static List<String> ids(Story... in) {
        return java.util.Arrays.stream(in).map(s -> s.id().value()).toList();
    }

    private static StoryRepository.StoryFilter filter(Status status, String lang, String category) {
        return new StoryRepository.StoryFilter(
                Optional.ofNullable(status), Optional.ofNullable(lang), Optional.ofNullable(category));
    }

    private static Story story(String category, Instant createdAt, Translation... translations) {
        return story(StoryId.random(), 1, category, createdAt, translations);
    }

    private static Story story(StoryId id, long version, String category, Instant at, Translation... translations) {
        Map<String, Translation> byLang = new LinkedHashMap<>();
        for (Translation t : translations) byLang.put(t.lang(), t);
        return new Story(
                id, category, List.of("roads"), "Aliya", null, version, at, "aliya", at.plusMillis(5), "aliya", byLang);
    }

    /** The story's next version, with these translations. */
    private static Story next(Story story, Translation... translations) {
        return story(story.id(), story.version() + 1, story.category(), story.createdAt(), translations);
    }

    private static Translation draft(String lang, String slug) {
        return new Translation(
                lang,
                "Title " + slug,
                "Lead.",
                "Almaty",
                "Body of **" + slug + "**.",
                BodyFormat.MARKDOWN,
                "<p>Body of <strong>" + slug + "</strong>.</p>",
                slug,
                Status.DRAFT,
                null,
                null,
                null,
                T0.plusMillis(250),
                "aliya");
    }

    private static Translation scheduled(String lang, String slug, Instant at) {
        return draft(lang, slug).withStatus(Status.SCHEDULED, at);
    }

    private static List<Revision> created(Story story) {
        return story.translations().values().stream()
                .map(t ->
                        new Revision(story.createdAt(), t.lang(), "create", story.createdBy(), 1, Revision.Text.of(t)))
                .toList();
    }

    private static Revision revision(Story story, String lang, String action) {
        Translation t = story.translation(lang).orElseThrow();
        return new Revision(
                story.createdAt().plusSeconds(story.version()),
                lang,
                action,
                "erlan",
                story.version(),
                Revision.Text.of(t));
    }
}
