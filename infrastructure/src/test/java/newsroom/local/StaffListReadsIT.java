package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newsroom.site.Config;
import newsroom.store.DynamoStoryRepository;
import newsroom.story.Actor;
import newsroom.story.BodyFormat;
import newsroom.story.Outcome;
import newsroom.story.Story;
import newsroom.story.StoryInput;
import newsroom.story.StoryOutline;
import newsroom.story.StoryRepository;
import newsroom.story.StoryService;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The staff list reads the index page and then the listed stories' translations together, without
 * their bodies: the same number of table reads for a page of 3 stories as for a page of 30.
 */
class StaffListReadsIT {
    private static final CloudTemplate TEMPLATE = CloudTemplate.read(CloudTemplate.locate());
    private static final Actor EDITOR = new Actor("editor", Set.of("editors"));

    @Test
    void aPageOfThirtyReadsAsMuchAsAPageOfThree() {
        LocalCloud cloud = TestStack.get();
        Config config = cloud.config();
        DynamoDbClient dynamo = cloud.dynamo();
        String table = "staff-list-reads";
        TableDefinition.create(dynamo, TableDefinition.fromTemplate(TEMPLATE, table));
        try {
            ReadCountingDynamo counting = new ReadCountingDynamo(dynamo);
            DynamoStoryRepository repository = new DynamoStoryRepository(counting, table, config.zone());
            StoryService service = new StoryService(
                    repository,
                    config.languages(),
                    config.categories(),
                    Clock.fixed(Instant.parse("2026-11-20T06:00:00Z"), ZoneOffset.UTC));
            for (int i = 0; i < 30; i++) done(service.create(EDITOR, input(config, "listed-" + i)));
            StoryRepository.StoryFilter all =
                    new StoryRepository.StoryFilter(Optional.empty(), Optional.empty(), Optional.empty());

            counting.reset();
            List<StoryOutline> three = service.list(all, Optional.empty(), 3).items();
            Map<String, Integer> threeReads = counting.readsByKind();
            counting.reset();
            List<StoryOutline> thirty = service.list(all, Optional.empty(), 30).items();
            Map<String, Integer> thirtyReads = counting.readsByKind();

            System.out.printf("staff list reads: %s for 3 stories, %s for 30%n", threeReads, thirtyReads);
            assertEquals(3, three.size());
            assertEquals(30, thirty.size());
            for (StoryOutline s : thirty)
                assertEquals(config.languages().size(), s.translations().size(), s.toString());
            // the index page, then one batch of every listed translation (up to 100 keys a request)
            assertEquals(Map.of("Query GSI3", 1, "BatchGetItem", 1), threeReads);
            assertEquals(threeReads, thirtyReads);
        } finally {
            dynamo.deleteTable(b -> b.tableName(table));
        }
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
                            "The story, as it was written.",
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
}
