package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import newsroom.render.Assets;
import newsroom.render.Change;
import newsroom.render.FullSite;
import newsroom.render.Page;
import newsroom.render.PageSet;
import newsroom.render.SiteRenderer;
import newsroom.render.SiteWriter;
import newsroom.site.Config;
import newsroom.store.DynamoSiteIndex;
import newsroom.store.DynamoStoryRepository;
import newsroom.story.Actor;
import newsroom.story.BodyFormat;
import newsroom.story.Outcome;
import newsroom.story.Status;
import newsroom.story.Story;
import newsroom.story.StoryInput;
import newsroom.story.StoryService;
import newsroom.story.Translation;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What one publish reads from the table, on DynamoDB Local over HTTP: the same on a site whose
 * stories span 5 months and one whose stories span 120, since the sitemap index reads the months
 * the table keeps instead of walking them (one query per month and language).
 */
class PublishReadsIT {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final CloudTemplate TEMPLATE = CloudTemplate.read(CloudTemplate.locate());
    private static final Actor EDITOR = new Actor("editor", Set.of("editors"));

    @Test
    void onePublishReadsTheSameAtFiveAndAtAHundredAndTwentyMonths() {
        Map<String, Integer> few = readsOfOnePublishInto(5);
        Map<String, Integer> many = readsOfOnePublishInto(120);
        int fewReads = few.values().stream().mapToInt(Integer::intValue).sum();
        int manyReads = many.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                "table reads for one publish in three languages (API and render): %d at 5 months %s, "
                        + "%d at 120 months %s%n",
                fewReads, few, manyReads, many);
        assertEquals(few, many, "reads per publish at 5 and at 120 months");
    }

    /**
     * A site with one story in every language in each of {@code months} months, then one more story
     * published in the newest month: the reads of that publish (the API's and the render's).
     */
    private static Map<String, Integer> readsOfOnePublishInto(int months) {
        LocalCloud cloud = TestStack.get();
        Config config = cloud.config();
        ZoneId zone = config.zone();
        DynamoDbClient dynamo = cloud.dynamo();
        String table = "publish-reads-" + TABLES.incrementAndGet();
        TableDefinition.create(dynamo, TableDefinition.fromTemplate(TEMPLATE, table));
        try {
            ReadCountingDynamo counting = new ReadCountingDynamo(dynamo);
            DynamoStoryRepository repository = new DynamoStoryRepository(counting, table, zone);
            DynamoSiteIndex index = new DynamoSiteIndex(counting, table, repository, config.languages());
            // a new table holds no story: its months are known from the start, as the local stack does
            for (String lang : config.languages()) index.keepMonths(lang, zone, Map.of());
            MovableClock clock = new MovableClock(zone);
            StoryService service = new StoryService(repository, config.languages(), config.categories(), clock);
            ZonedDateTime first = ZonedDateTime.of(2016, 1, 10, 12, 0, 0, 0, zone);
            for (int m = 0; m < months; m++) {
                clock.now = first.plusMonths(m).toInstant();
                publish(service, config, "month-" + m);
            }
            SiteRenderer renderer = new SiteRenderer(index, config, new Assets(), clock);
            SiteWriter writer =
                    new SiteWriter(renderer, new FolderSiteBucket(java.nio.file.Path.of("target", table)), paths -> {});
            // the site as a full rebuild leaves it, which also counts the months again
            List<Page> site = FullSite.pages(index, config);
            writer.write(site);

            clock.now = first.plusMonths(months - 1).plusHours(1).toInstant();
            Story draft = done(service.create(EDITOR, input(config, "one-more")));
            counting.reset();
            Story published = done(service.publish(EDITOR, draft.id(), draft.version(), List.of(), Optional.empty()));
            List<Change> changes = new ArrayList<>();
            for (String lang : config.languages()) {
                Translation before = draft.translation(lang).orElseThrow();
                Translation after = published.translation(lang).orElseThrow();
                changes.add(new Change(
                        published.id(),
                        lang,
                        Optional.of(new Change.State(Status.DRAFT, null, before.slug(), published.category())),
                        Optional.of(new Change.State(
                                Status.PUBLISHED, after.publishedAt(), after.slug(), published.category()))));
            }
            Set<Page> pages = new PageSet(index, config.languages(), zone).dependentPages(changes);
            writer.write(pages);
            return counting.readsByKind();
        } finally {
            dynamo.deleteTable(b -> b.tableName(table));
        }
    }

    private static void publish(StoryService service, Config config, String slug) {
        Story draft = done(service.create(EDITOR, input(config, slug)));
        done(service.publish(EDITOR, draft.id(), draft.version(), List.of(), Optional.empty()));
    }

    private static StoryInput input(Config config, String slug) {
        Map<String, StoryInput.TranslationInput> translations = new LinkedHashMap<>();
        for (String lang : config.languages()) {
            translations.put(
                    lang,
                    new StoryInput.TranslationInput(
                            "Story " + slug + " in " + lang,
                            "What happened, in short.",
                            "Almaty",
                            "The story, as it was written.\n\nA second paragraph.",
                            BodyFormat.MARKDOWN,
                            slug + "-" + lang,
                            null,
                            null));
        }
        return new StoryInput(config.categories().get(0), List.of(), null, null, translations);
    }

    private static Story done(Outcome<Story> outcome) {
        if (outcome instanceof Outcome.Done<Story> d) return d.value();
        throw new AssertionError(outcome);
    }

    private static final class MovableClock extends Clock {
        private final ZoneId zone;
        volatile Instant now = Instant.EPOCH;

        MovableClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
