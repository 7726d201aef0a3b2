package newsroom.store;

import static newsroom.store.Items.s;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import newsroom.story.Status;
import newsroom.story.Story;
import newsroom.story.Translation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The per-language months items a story's write changes: how many stories each month holds, kept
 * in the write's own transaction so the sitemap index and All news need not walk the months, and
 * read in one request.
 */
final class DynamoMonths {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Backoff backoff;

    DynamoMonths(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.backoff = backoff;
    }

    /**
     * The change to each language's months: a translation that becomes published counts in its
     * month, one that is withdrawn, deleted or moved to another month no longer counts in its old
     * one. Exact, since the transaction that carries it holds only if the version read is still the
     * stored one; an edit that moves no translation in or out of a month touches no months item.
     */
    List<TransactWriteItem> updates(Optional<Story> previous, Optional<Story> updated, ZoneId zone) {
        Map<String, Map<YearMonth, Integer>> deltas = new TreeMap<>();
        previous.ifPresent(p -> p.translations()
                .values()
                .forEach(t -> publishedMonth(t, zone)
                        .ifPresent(m -> deltas.computeIfAbsent(t.lang(), l -> new TreeMap<>())
                                .merge(m, -1, Integer::sum))));
        updated.ifPresent(u -> u.translations()
                .values()
                .forEach(t -> publishedMonth(t, zone)
                        .ifPresent(m -> deltas.computeIfAbsent(t.lang(), l -> new TreeMap<>())
                                .merge(m, 1, Integer::sum))));
        List<TransactWriteItem> updates = new ArrayList<>();
        deltas.forEach((lang, months) -> {
            List<String> adds = new ArrayList<>();
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            months.forEach((month, delta) -> {
                if (delta == 0) return;
                String at = Integer.toString(adds.size());
                adds.add("#m" + at + " :d" + at);
                names.put("#m" + at, month.toString());
                values.put(":d" + at, Items.n(delta));
            });
            if (adds.isEmpty()) return;
            updates.add(TransactWriteItem.builder()
                    .update(Update.builder()
                            .tableName(table)
                            .key(DynamoStoryRepository.key(Items.monthsKey(lang), Items.MONTHS))
                            .updateExpression("ADD " + String.join(", ", adds))
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)
                            .build())
                    .build());
        });
        return updates;
    }

    private static Optional<YearMonth> publishedMonth(Translation t, ZoneId zone) {
        if (t.status() != Status.PUBLISHED || t.publishedAt() == null) return Optional.empty();
        return Optional.of(YearMonth.from(t.publishedAt().atZone(zone)));
    }

    /**
     * The languages' months items, in one request: a language whose item the last full rebuild did
     * not count in this zone is left out, and walked.
     */
    Map<String, SortedSet<YearMonth>> kept(Collection<String> langs, ZoneId zone) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String lang : new LinkedHashSet<>(langs)) {
            keys.add(DynamoStoryRepository.key(Items.monthsKey(lang), Items.MONTHS));
        }
        if (keys.isEmpty()) return Map.of();
        Map<String, SortedSet<YearMonth>> kept = new HashMap<>();
        backoff.drain(
                "batch get of months",
                Map.of(
                        table,
                        KeysAndAttributes.builder()
                                .keys(keys)
                                .consistentRead(true)
                                .build()),
                request -> {
                    BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(request));
                    for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                        if (!zone.getId().equals(Items.str(item, Items.ZONE))) continue;
                        SortedSet<YearMonth> months = new TreeSet<>();
                        item.forEach((name, value) -> {
                            if (value.n() == null || Long.parseLong(value.n()) <= 0) return;
                            try {
                                months.add(YearMonth.parse(name));
                            } catch (DateTimeParseException notAMonth) {
                                // another attribute of the item
                            }
                        });
                        kept.put(item.get(Items.PK).s().substring(Items.MONTHS_PREFIX.length()), months);
                    }
                    return response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                },
                Map::isEmpty);
        return kept;
    }

    /**
     * Replaces the language's months item with these counts. A publish that lands between the walk
     * that counted them and this write is not in them; the next full rebuild counts it.
     */
    void keep(String lang, ZoneId zone, Map<YearMonth, Integer> counts) {
        Map<String, AttributeValue> item =
                new HashMap<>(DynamoStoryRepository.key(Items.monthsKey(lang), Items.MONTHS));
        item.put(Items.ZONE, s(zone.getId()));
        counts.forEach((month, count) -> item.put(month.toString(), Items.n(count)));
        backoff.call(
                "months of " + lang,
                () -> dynamo.putItem(b -> b.tableName(table).item(item)));
    }
}
