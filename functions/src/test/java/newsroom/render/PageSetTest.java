package newsroom.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newsroom.story.Actor;
import newsroom.story.BodyFormat;
import newsroom.story.InMemoryStories;
import newsroom.story.Outcome;
import newsroom.story.Status;
import newsroom.story.Story;
import newsroom.story.StoryInput;
import newsroom.story.StoryService;
import newsroom.story.Translation;
import org.junit.jupiter.api.Test;

class PageSetTest {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    final InMemoryStories stories = new InMemoryStories();
    final Actor editor = new Actor("erlan", Set.of("editors"));
    final StoryService service = new StoryService(
            stories,
            List.of("kk", "ru", "en"),
            List.of("city", "health"),
            Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));
    final PageSet pageSet = new PageSet(new InMemorySiteIndex(stories), List.of("kk", "ru", "en"), ALMATY);

    Story publishedAt(String title, Instant at) {
        var t = new StoryInput.TranslationInput(title, "Lead", "Almaty", "Body", BodyFormat.MARKDOWN, null, null, null);
        Story s = ((Outcome.Done<Story>)
                        service.create(editor, new StoryInput("city", List.of(), null, null, Map.of("en", t))))
                .value();
        return ((Outcome.Done<Story>) service.publish(editor, s.id(), 1, List.of(), Optional.of(at))).value();
    }

    static Change.State published(Story s) {
        var t = s.translation("en").orElseThrow();
        return new Change.State(Status.PUBLISHED, t.publishedAt(), t.slug(), s.category());
    }

    @Test
    void publishingWritesNeighbourPagesAndTheListsOfItsLanguage() {
        Story older = publishedAt("Older story", Instant.parse("2026-10-01T05:00:00Z"));
        Story middle = publishedAt("Middle story", Instant.parse("2026-11-01T05:00:00Z"));
        Story newer = publishedAt("Newer story", Instant.parse("2026-11-10T05:00:00Z"));

        Set<Page> pages =
                pageSet.dependentPages(new Change(middle.id(), "en", Optional.empty(), Optional.of(published(middle))));

        assertTrue(pages.contains(new Page.Article("en", middle.id())));
        assertTrue(pages.contains(new Page.Article("en", older.id())), "previous neighbour");
        assertTrue(pages.contains(new Page.Article("en", newer.id())), "next neighbour");
        assertTrue(pages.contains(new Page.Article("ru", middle.id())), "switcher of the translations");
        assertTrue(pages.contains(new Page.MonthArchive("en", YearMonth.of(2026, 11))));
        assertTrue(
                pages.contains(new Page.MonthArchive("en", YearMonth.of(2026, 10))), "archive linking to this month");
        assertTrue(pages.contains(new Page.Category("en", "city")));
        assertTrue(pages.containsAll(List.of(
                new Page.Home("en"),
                new Page.NewsHead("en"),
                new Page.Feed("en"),
                new Page.Latest("en"),
                new Page.NewsSitemap(),
                new Page.SitemapIndex())));
        assertTrue(
                pages.stream()
                        .noneMatch(p -> p instanceof Page.Home h && !h.lang().equals("en")),
                "other languages' lists are untouched");
    }

    @Test
    void pageCountDoesNotGrowWithTheSite() {
        Instant start = Instant.parse("2026-01-01T05:00:00Z");
        for (int i = 0; i < 90; i++) publishedAt("Story " + i, start.plusSeconds(86400L * i));
        Story probe = publishedAt("Probe small", start.plusSeconds(86400L * 45 + 60));
        int small = pageSet.dependentPages(
                        new Change(probe.id(), "en", Optional.empty(), Optional.of(published(probe))))
                .size();
        for (int i = 90; i < 300; i++) publishedAt("Story " + i, start.plusSeconds(86400L * i));
        Story probe2 = publishedAt("Probe large", start.plusSeconds(86400L * 45 + 120));
        int large = pageSet.dependentPages(
                        new Change(probe2.id(), "en", Optional.empty(), Optional.of(published(probe2))))
                .size();
        assertEquals(small, large);
    }

    @Test
    void draftEditsTouchNoPublicPage() {
        Change.State draft = new Change.State(Status.DRAFT, null, "draft", "city");
        assertTrue(pageSet.dependentPages(
                        new Change(newsroom.story.StoryId.random(), "en", Optional.of(draft), Optional.of(draft)))
                .isEmpty());
    }

    @Test
    void unpublishingRemovesThePageAtItsSlug() {
        Story s = publishedAt("Gone soon", Instant.parse("2026-11-05T05:00:00Z"));
        Set<Page> pages = pageSet.dependentPages(new Change(
                s.id(),
                "en",
                Optional.of(published(s)),
                Optional.of(new Change.State(Status.DRAFT, null, "gone-soon", "city"))));
        assertTrue(pages.contains(
                new Page.FormerArticle("en", s.translation("en").orElseThrow().slug())));
    }

    // --- month archives name their translations: the same month in the other languages

    static Change.State state(Translation t, String category) {
        return new Change.State(t.status(), t.publishedAt(), t.slug(), category);
    }

    static Change published(SiteFixture site, int n, String lang) {
        Story story = site.stories.find(SiteFixture.id(n)).orElseThrow();
        Translation t = story.translation(lang).orElseThrow();
        return new Change(
                story.id(),
                lang,
                Optional.of(new Change.State(Status.DRAFT, null, t.slug(), story.category())),
                Optional.of(state(t, story.category())));
    }

    final PageSet fixturePages(SiteFixture site) {
        return new PageSet(site.index, SiteFixture.LANGUAGES, ALMATY);
    }

    @Test
    void firstStoryOfAMonthRewritesThatMonthInTheOtherLanguages() {
        SiteFixture site = SiteFixture.standard();
        site.add(
                30,
                "city",
                null,
                SiteFixture.published("kk", "Қыркүйек", "qyrkuyek", Instant.parse("2020-09-01T06:00:00Z")));
        Set<Page> pages = fixturePages(site).dependentPages(published(site, 30, "kk"));
        assertTrue(pages.contains(new Page.MonthArchive("kk", YearMonth.of(2020, 9))));
        assertTrue(pages.contains(new Page.MonthArchive("ru", YearMonth.of(2020, 9))));
        assertTrue(pages.contains(new Page.MonthArchive("en", YearMonth.of(2020, 9))));
    }

    @Test
    void anotherStoryInAMonthLeavesTheOtherLanguagesArchivesAlone() {
        SiteFixture site = SiteFixture.standard();
        site.add(
                31,
                "city",
                null,
                SiteFixture.published("kk", "Шілде", "shilde", Instant.parse("2020-07-25T06:00:00Z")));
        Set<Page> pages = fixturePages(site).dependentPages(published(site, 31, "kk"));
        assertTrue(pages.contains(new Page.MonthArchive("kk", YearMonth.of(2020, 7))));
        assertFalse(pages.contains(new Page.MonthArchive("ru", YearMonth.of(2020, 7))));
        assertFalse(pages.contains(new Page.MonthArchive("en", YearMonth.of(2020, 7))));
    }

    @Test
    void storiesOpeningAMonthTogetherInOneBatchRewriteTheOtherLanguages() {
        SiteFixture site = SiteFixture.standard();
        for (int n : List.of(32, 33)) {
            site.add(
                    n,
                    "city",
                    null,
                    SiteFixture.published(
                            "kk",
                            "Қыркүйек " + n,
                            "qyrkuyek-" + n,
                            Instant.parse("2020-09-01T06:00:00Z").plusSeconds(n)));
        }
        List<Change> batch = List.of(published(site, 32, "kk"), published(site, 33, "kk"));
        PageSet pageSet = fixturePages(site);
        Page ruSeptember = new Page.MonthArchive("ru", YearMonth.of(2020, 9));
        assertTrue(pageSet.dependentPages(batch).contains(ruSeptember));
        // a batch written change by change, after a failure, still counts its other changes
        assertTrue(pageSet.dependentPages(batch.get(0), batch).contains(ruSeptember));
    }

    @Test
    void lastStoryOfAMonthLeavingRewritesThatMonthInTheOtherLanguages() {
        SiteFixture site = SiteFixture.standard();
        Story story = site.stories.find(SiteFixture.id(5)).orElseThrow();
        Translation kk = story.translation("kk").orElseThrow();
        java.util.Map<String, Translation> translations = new java.util.LinkedHashMap<>(story.translations());
        translations.put("kk", kk.withStatus(Status.DRAFT, null));
        Story unpublished = new Story(
                story.id(),
                story.category(),
                story.tags(),
                story.author(),
                story.image(),
                story.version() + 1,
                story.createdAt(),
                story.createdBy(),
                story.updatedAt(),
                story.updatedBy(),
                translations);
        assertTrue(site.stories.save(Optional.of(story), unpublished, List.of()).isEmpty());
        Set<Page> pages = fixturePages(site)
                .dependentPages(new Change(
                        story.id(),
                        "kk",
                        Optional.of(state(kk, story.category())),
                        Optional.of(new Change.State(Status.DRAFT, null, kk.slug(), story.category()))));
        assertTrue(pages.contains(new Page.MonthArchive("kk", YearMonth.of(2020, 8))), "removed");
        assertTrue(pages.contains(new Page.MonthArchive("ru", YearMonth.of(2020, 8))));
        assertTrue(pages.contains(new Page.MonthArchive("en", YearMonth.of(2020, 8))));
        assertTrue(pages.contains(new Page.FormerArticle("kk", kk.slug())));
    }
}
