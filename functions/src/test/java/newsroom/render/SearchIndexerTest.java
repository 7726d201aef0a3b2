package newsroom.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import newsroom.search.SearchIndexer;
import newsroom.search.SearchKeys;
import newsroom.store.InMemorySiteBucket;
import newsroom.story.Status;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.Translation;
import org.junit.jupiter.api.Test;

class SearchIndexerTest {
    static final Instant AT = Instant.parse("2020-08-05T05:00:00Z");

    static Change published(StoryId id, String lang) {
        return new Change(id, lang, Optional.empty(), Optional.of(new Change.State(Status.PUBLISHED, AT, "s", "city")));
    }

    static Change unpublished(StoryId id, String lang) {
        return new Change(id, lang, Optional.of(new Change.State(Status.PUBLISHED, AT, "s", "city")), Optional.empty());
    }

    static String text(InMemorySiteBucket bucket, String key) {
        return bucket.get(key).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
    }

    @Test
    void aPublishedStoryEntersTheDeltaAndLeavesItWhenUnpublished() {
        SiteFixture site = SiteFixture.standard();
        InMemorySiteBucket bucket = new InMemorySiteBucket();
        SearchIndexer indexer = new SearchIndexer(site.index, bucket, SiteFixture.CONFIG);
        indexer.rebuild("ru");
        String baseKey = SearchKeys.base("ru", SearchKeys.shard("бюджет", 3));
        assertTrue(text(bucket, baseKey).contains("\"бюджет\""), "the base holds the old stories' terms");

        Story story = site.add(
                8,
                "health",
                null,
                SiteFixture.published("ru", "В Алматы открылась новая больница", "novaya-bolnica", AT));
        indexer.apply(List.of(published(story.id(), "ru")));
        String delta = text(bucket, SearchKeys.delta("ru", SearchKeys.shard("больниц", 1)));
        assertTrue(delta.contains("\"больниц\":[[\"" + story.id().value()), delta);
        assertTrue(text(bucket, SearchKeys.doc("ru", story.id().value())).contains("новая больница"));
        assertTrue(text(bucket, SearchKeys.gone("ru")).contains(story.id().value()));

        Translation t = story.translation("ru").orElseThrow();
        Story withdrawn = new Story(
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
                java.util.Map.of("ru", t.withStatus(Status.DRAFT, null)));
        site.stories.save(Optional.of(story), withdrawn, List.of());
        indexer.apply(List.of(unpublished(story.id(), "ru")));
        assertFalse(
                text(bucket, SearchKeys.delta("ru", SearchKeys.shard("больниц", 1)))
                        .contains(story.id().value()),
                "no delta posting names the withdrawn story");
        assertTrue(bucket.get(SearchKeys.doc("ru", story.id().value())).isEmpty());
        assertTrue(text(bucket, SearchKeys.gone("ru")).contains(story.id().value()), "its base postings stay ignored");

        // the next full rebuild folds everything into the base and empties the delta
        indexer.rebuild("ru");
        assertTrue(bucket.keys("search/ru/x/").isEmpty());
        assertTrue(bucket.get(SearchKeys.gone("ru")).isEmpty());
    }

    @Test
    void bytesWrittenPerPublishDoNotGrowWithTheSite() {
        SearchIndexer.Written small = publishOneInto(siteOf(20));
        SearchIndexer.Written large = publishOneInto(siteOf(400));
        assertTrue(small.bytes() > 0);
        assertEquals(small, large);
    }

    static SiteFixture siteOf(int stories) {
        SiteFixture site = new SiteFixture();
        String[] words = {"больница", "школа", "парк", "дорога", "автобус", "бюджет", "театр", "музей", "сквер"};
        for (int n = 1; n <= stories; n++) {
            String title = "Новость " + n + ": " + words[n % words.length] + " и " + words[(n * 7) % words.length];
            site.add(n, "city", null, SiteFixture.published("ru", title, "news-" + n, AT.minusSeconds(3600L * n)));
        }
        return site;
    }

    static SearchIndexer.Written publishOneInto(SiteFixture site) {
        InMemorySiteBucket bucket = new InMemorySiteBucket();
        SearchIndexer indexer = new SearchIndexer(site.index, bucket, SiteFixture.CONFIG);
        SearchIndexer.Written base = indexer.rebuild("ru");
        assertTrue(base.objects() > 0);
        Story story =
                site.add(9000, "health", null, SiteFixture.published("ru", "Новая больница открылась", "novaya", AT));
        return indexer.apply(List.of(published(story.id(), "ru")));
    }
}
