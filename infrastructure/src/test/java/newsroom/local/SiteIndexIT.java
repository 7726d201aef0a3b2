package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newsroom.lambda.Wiring;
import newsroom.render.Entry;
import newsroom.render.SiteIndex;
import newsroom.render.SnapshotIndex;
import newsroom.story.Actor;
import newsroom.story.BodyFormat;
import newsroom.story.Outcome;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryInput;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The published index on DynamoDB Local: answers longer than one query's 1 MB, and a snapshot of it
 * in memory that answers as the table does.
 */
class SiteIndexIT {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @Test
    void aMonthOfLongStoriesIsListedWhole() {
        Wiring services = TestStack.get().services();
        Actor editor = new Actor("index-it", Set.of("editors"));
        YearMonth month = YearMonth.of(2003, 3);
        // 12 stories of 60 KB (source and HTML each): about 1.5 MB in the month, past one query's 1 MB
        String body = ("Жаңалық мәтіні. " + "Сөз ".repeat(14)).repeat(1_000).substring(0, 30_000);
        List<StoryId> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            var t = new StoryInput.TranslationInput(
                    "Long index story " + i, "", "", body, BodyFormat.MARKDOWN, null, null, null);
            Story s = ((Outcome.Done<Story>) services.stories()
                            .create(editor, new StoryInput("city", List.of(), null, null, Map.of("kk", t))))
                    .value();
            Instant at = month.atDay(2 + i).atTime(10, 0).atZone(ALMATY).toInstant();
            services.stories().publish(editor, s.id(), s.version(), List.of(), Optional.of(at));
            ids.add(s.id());
        }
        Instant from = month.atDay(1).atStartOfDay(ALMATY).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ALMATY).toInstant();

        List<Entry> listed = services.index().between("kk", from, to, 5000);
        assertEquals(12, listed.size());
        assertEquals(ids.get(11), listed.get(0).id());
        assertEquals(5, services.index().between("kk", from, to, 5).size());
        assertEquals(Set.copyOf(ids), services.index().stories(ids).keySet());
    }

    @Test
    void aSnapshotAnswersAsTheTableDoes() {
        Wiring services = TestStack.get().services();
        Actor editor = new Actor("index-it", Set.of("editors"));
        YearMonth month = YearMonth.of(2004, 7);
        // five stories in one second, two in the next, one a day later: order by second, then id
        Instant second = month.atDay(14).atTime(9, 30).atZone(ALMATY).toInstant();
        List<Instant> times = List.of(
                second,
                second.plusMillis(200),
                second.plusMillis(400),
                second.plusMillis(600),
                second.plusMillis(999),
                second.plusSeconds(1),
                second.plusMillis(1500),
                second.plusSeconds(86_400));
        List<Entry> ours = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            var t = new StoryInput.TranslationInput(
                    "Snapshot story " + i, "", "", "Мәтін " + i + ".", BodyFormat.MARKDOWN, null, null, null);
            Story s = ((Outcome.Done<Story>) services.stories()
                            .create(
                                    editor,
                                    new StoryInput(
                                            i % 2 == 0 ? "city" : "culture", List.of(), null, null, Map.of("kk", t))))
                    .value();
            services.stories().publish(editor, s.id(), s.version(), List.of(), Optional.of(times.get(i)));
        }
        SiteIndex table = services.index();
        SiteIndex snapshot = SnapshotIndex.of(table, services.config().languages());
        Instant from = month.atDay(1).atStartOfDay(ALMATY).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ALMATY).toInstant();
        List<Entry> listed = table.between("kk", from, to, 100);
        assertEquals(times.size(), listed.size());
        assertEquals(ids(listed), ids(snapshot.between("kk", from, to, 100)));
        assertEquals(ids(table.between("kk", from, to, 3)), ids(snapshot.between("kk", from, to, 3)));
        assertEquals(
                ids(table.between("kk", second, second.plusSeconds(1), 100)),
                ids(snapshot.between("kk", second, second.plusSeconds(1), 100)));
        for (Entry e : listed) {
            assertEquals(
                    id(table.olderThan("kk", e.publishedAt(), e.id())),
                    id(snapshot.olderThan("kk", e.publishedAt(), e.id())),
                    "older than " + e.translation().title());
            assertEquals(
                    id(table.newerThan("kk", e.publishedAt(), e.id())),
                    id(snapshot.newerThan("kk", e.publishedAt(), e.id())),
                    "newer than " + e.translation().title());
            assertEquals(
                    id(table.bySlug("kk", e.translation().slug())),
                    id(snapshot.bySlug("kk", e.translation().slug())));
            assertEquals(
                    e.excerpt(),
                    snapshot.bySlug("kk", e.translation().slug()).orElseThrow().excerpt());
        }
        for (Instant at : List.of(second, second.plusSeconds(1), from, to)) {
            assertEquals(id(table.olderThan("kk", at, null)), id(snapshot.olderThan("kk", at, null)));
            assertEquals(id(table.newerThan("kk", at, null)), id(snapshot.newerThan("kk", at, null)));
        }
        assertEquals(ids(table.newest("kk", 10)), ids(snapshot.newest("kk", 10)));
        assertEquals(ids(table.inCategory("kk", "culture", 10)), ids(snapshot.inCategory("kk", "culture", 10)));
    }

    @Test
    void thePublishedIndexesHoldNoBodies() {
        var table = TestStack.get()
                .dynamo()
                .describeTable(b -> b.tableName(LocalCloud.TABLE))
                .table();
        for (var index : table.globalSecondaryIndexes()) {
            if (index.indexName().equals("GSI3")) continue;
            assertEquals("INCLUDE", index.projection().projectionTypeAsString(), index.indexName());
            assertFalse(index.projection().nonKeyAttributes().contains("bodyHtml"), index.indexName());
            assertFalse(index.projection().nonKeyAttributes().contains("bodySource"), index.indexName());
            assertTrue(index.projection().nonKeyAttributes().contains("excerpt"), index.indexName());
        }
    }

    @Test
    void aBodyAsWrittenLivesBesideItsTranslationAndPagesReadNoneOfIt() {
        Wiring services = TestStack.get().services();
        var dynamo = TestStack.get().dynamo();
        Actor editor = new Actor("index-it", Set.of("editors"));
        String source = "Мәтін **қалың** сөзбен.";
        var t = new StoryInput.TranslationInput("Source apart", "", "", source, BodyFormat.MARKDOWN, null, null, null);
        Story story = ((Outcome.Done<Story>) services.stories()
                        .create(editor, new StoryInput("city", List.of(), null, null, Map.of("kk", t))))
                .value();
        String pk = "STORY#" + story.id().value();
        var translation = item(dynamo, pk, "LANG#kk");
        var sourceItem = item(dynamo, pk, "LANG#kk#SOURCE");
        assertFalse(translation.containsKey("bodySource"));
        assertTrue(translation.get("bodyHtml").s().contains("<strong>қалың</strong>"));
        assertEquals(source, sourceItem.get("bodySource").s());
        // the staff API reads the story whole; pages read it without the source
        assertEquals(
                source,
                services.stories()
                        .find(story.id())
                        .orElseThrow()
                        .translation("kk")
                        .orElseThrow()
                        .bodySource());
        var forPages = services.index().stories(List.of(story.id())).get(story.id());
        assertEquals("", forPages.translation("kk").orElseThrow().bodySource());
        assertEquals(
                translation.get("bodyHtml").s(),
                forPages.translation("kk").orElseThrow().bodyHtml());

        // an item written before sources had their own keeps its source through the next write
        var inline = new HashMap<>(translation);
        inline.put("bodySource", AttributeValue.fromS(source));
        dynamo.putItem(b -> b.tableName(LocalCloud.TABLE).item(inline));
        dynamo.deleteItem(b -> b.tableName(LocalCloud.TABLE).key(key(pk, "LANG#kk#SOURCE")));
        Story read = services.stories().find(story.id()).orElseThrow();
        assertEquals(source, read.translation("kk").orElseThrow().bodySource());
        services.stories().publish(editor, story.id(), read.version(), List.of(), Optional.empty());
        assertEquals(
                source, item(dynamo, pk, "LANG#kk#SOURCE").get("bodySource").s());
        assertFalse(item(dynamo, pk, "LANG#kk").containsKey("bodySource"));

        // deleting the story deletes the source with it
        Story published = services.stories().find(story.id()).orElseThrow();
        services.stories().delete(editor, story.id(), published.version());
        assertTrue(item(dynamo, pk, "LANG#kk#SOURCE").isEmpty());
    }

    @Test
    void aLongBodyIsKeptDeflatedAndAnOldOneWrittenAsAStringStillReads() {
        Wiring services = TestStack.get().services();
        var dynamo = TestStack.get().dynamo();
        Actor editor = new Actor("index-it", Set.of("editors"));
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            source.append("Әкімдік жаңа саябақ ашты, тұрғындар ").append(i).append(" ағаш отырғызды.\n\n");
        }
        var t = new StoryInput.TranslationInput(
                "Deflated body", "", "", source.toString(), BodyFormat.MARKDOWN, null, null, null);
        Story story = ((Outcome.Done<Story>) services.stories()
                        .create(editor, new StoryInput("city", List.of(), null, null, Map.of("kk", t))))
                .value();
        String html = story.translation("kk").orElseThrow().bodyHtml();
        String pk = "STORY#" + story.id().value();
        var translation = item(dynamo, pk, "LANG#kk");
        // fewer bytes for the table to bill, parse and carry: a binary attribute, well under the HTML
        AttributeValue stored = translation.get("bodyHtml");
        assertTrue(stored.b() != null, "a body of " + html.length() + " characters is binary: " + stored.type());
        int htmlBytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertTrue(
                stored.b().asByteArray().length < htmlBytes / 2, stored.b().asByteArray().length + " of " + htmlBytes);
        assertEquals(
                html,
                services.stories()
                        .find(story.id())
                        .orElseThrow()
                        .translation("kk")
                        .orElseThrow()
                        .bodyHtml());
        assertEquals(
                html,
                services.index()
                        .stories(List.of(story.id()))
                        .get(story.id())
                        .translation("kk")
                        .orElseThrow()
                        .bodyHtml());

        // an item written before bodies were deflated holds the HTML as a string, and reads as it is
        var old = new HashMap<>(translation);
        old.put("bodyHtml", AttributeValue.fromS(html));
        dynamo.putItem(b -> b.tableName(LocalCloud.TABLE).item(old));
        assertEquals(
                html,
                services.index()
                        .stories(List.of(story.id()))
                        .get(story.id())
                        .translation("kk")
                        .orElseThrow()
                        .bodyHtml());
        assertEquals(
                html,
                services.stories()
                        .find(story.id())
                        .orElseThrow()
                        .translation("kk")
                        .orElseThrow()
                        .bodyHtml());
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(
                "PK", AttributeValue.fromS(pk),
                "SK", AttributeValue.fromS(sk));
    }

    private static Map<String, AttributeValue> item(DynamoDbClient dynamo, String pk, String sk) {
        return dynamo.getItem(
                        b -> b.tableName(LocalCloud.TABLE).key(key(pk, sk)).consistentRead(true))
                .item();
    }

    private static List<String> ids(List<Entry> entries) {
        return entries.stream().map(e -> e.id().value()).toList();
    }

    private static String id(Optional<Entry> entry) {
        return entry.map(e -> e.id().value()).orElse("none");
    }
}
