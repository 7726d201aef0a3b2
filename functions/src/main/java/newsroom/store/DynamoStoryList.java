package newsroom.store;

import static newsroom.store.Items.s;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.story.StoryId;
import newsroom.story.StoryOutline;
import newsroom.story.StoryRepository.Due;
import newsroom.story.StoryRepository.Page;
import newsroom.story.StoryRepository.StoryFilter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The staff list and the schedule: stories read from the indexes, as outlines without bodies. */
final class DynamoStoryList {
    /** What the staff list reads of a translation: its outline, without the bodies. */
    private static final Map<String, String> OUTLINE_NAMES =
            DynamoSiteIndex.names(DynamoSiteIndex.TRANSLATION_OUTLINE, List.of());

    private final DynamoDbClient dynamo;
    private final String table;
    private final Backoff backoff;

    DynamoStoryList(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.backoff = backoff;
    }

    Page<StoryOutline> list(StoryFilter filter, Optional<String> cursor, int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":all", s(Items.STORIES));
        if (filter.status().isPresent() && filter.lang().isPresent()) {
            conditions.add("contains(languageStatuses, :languageStatus)");
            values.put(
                    ":languageStatus",
                    s(filter.lang().get() + ":" + filter.status().get().wire()));
        } else {
            filter.status().ifPresent(st -> {
                conditions.add("contains(statuses, :status)");
                values.put(":status", s(st.wire()));
            });
            filter.lang().ifPresent(l -> {
                conditions.add("contains(languages, :lang)");
                values.put(":lang", s(l));
            });
        }
        filter.category().ifPresent(c -> {
            conditions.add("category = :category");
            values.put(":category", s(c));
        });
        List<Map<String, AttributeValue>> metas = new ArrayList<>();
        Map<String, AttributeValue> start =
                cursor.map(DynamoStoryList::decodeCursor).orElse(null);
        Map<String, AttributeValue> last = null;
        // a filter can leave a page short: read on until the page is full or the index ends
        do {
            QueryRequest.Builder query = QueryRequest.builder()
                    .tableName(table)
                    .indexName(Items.GSI3)
                    .keyConditionExpression("GSI3PK = :all")
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    .limit(limit - metas.size())
                    .exclusiveStartKey(start);
            if (!conditions.isEmpty()) query.filterExpression(String.join(" AND ", conditions));
            QueryResponse page = dynamo.query(query.build());
            // the index projects the whole story item: only its translations are left to read
            metas.addAll(page.items());
            last = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            start = last;
        } while (start != null && metas.size() < limit);
        return new Page<>(outlines(metas), Optional.ofNullable(last).map(DynamoStoryList::encodeCursor));
    }

    /**
     * The listed stories with their translations' outlines, read by key together (a hundred keys a
     * request) instead of one query per story: without bodies, neither the HTML nor the source.
     */
    private List<StoryOutline> outlines(List<Map<String, AttributeValue>> metas) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> meta : metas) {
            if (!meta.containsKey(Items.LANGUAGES)) continue;
            for (AttributeValue lang : meta.get(Items.LANGUAGES).l()) {
                keys.add(DynamoStoryRepository.key(meta.get(Items.PK).s(), Items.LANG_PREFIX + lang.s()));
            }
        }
        Map<String, List<Map<String, AttributeValue>>> byStory =
                BatchReads.byPartition(dynamo, table, backoff, keys, OUTLINE_NAMES, "batch get of listed translations");
        List<StoryOutline> stories = new ArrayList<>();
        for (Map<String, AttributeValue> meta : metas) {
            List<Map<String, AttributeValue>> langs =
                    new ArrayList<>(byStory.getOrDefault(meta.get(Items.PK).s(), List.of()));
            // the same order as a query returns them: by sort key
            langs.sort(Comparator.comparing(item -> item.get(Items.SK).s()));
            stories.add(Items.outline(meta, langs));
        }
        return stories;
    }

    List<Due> due(Instant now, int limit) {
        QueryResponse response = dynamo.query(QueryRequest.builder()
                .tableName(table)
                .indexName(Items.GSI1)
                .keyConditionExpression("GSI1PK = :sched AND GSI1SK <= :now")
                .expressionAttributeValues(Map.of(":sched", s(Items.SCHEDULED), ":now", s(Items.sortable(now) + "#~")))
                .limit(limit)
                .build());
        return response.items().stream()
                .map(item -> new Due(
                        new StoryId(item.get(Items.ID).s()),
                        item.get(Items.LANG).s()))
                .toList();
    }

    // the cursor is the index position, opaque to clients
    private static String encodeCursor(Map<String, AttributeValue> key) {
        String raw = key.get(Items.PK).s() + "\n" + key.get(Items.SK).s() + "\n"
                + key.get(Items.GSI3SK).s();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decodeCursor(String cursor) {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 3
                || !parts[0].startsWith("STORY#")
                || !StoryId.isValid(parts[0].substring(6))
                || !parts[1].equals(Items.META)
                || !parts[2].matches("^[0-9T:.Z-]{10,40}#[0-9a-f-]{36}$")) {
            throw new IllegalArgumentException("bad cursor");
        }
        return Map.of(
                Items.PK, s(parts[0]),
                Items.SK, s(parts[1]),
                Items.GSI3PK, s(Items.STORIES),
                Items.GSI3SK, s(parts[2]));
    }
}
