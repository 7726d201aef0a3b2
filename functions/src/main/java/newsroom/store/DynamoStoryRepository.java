package newsroom.store;

import static newsroom.store.Items.s;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newsroom.story.Rejection;
import newsroom.story.Revision;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryRepository;
import newsroom.story.Translation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Stories in the single DynamoDB table, written in transactions guarded by the story version. */
public final class DynamoStoryRepository implements StoryRepository {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Backoff backoff;
    private final DynamoRevisions history;

    public DynamoStoryRepository(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Backoff.standard());
    }

    public DynamoStoryRepository(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.backoff = backoff;
        this.history = new DynamoRevisions(dynamo, table, backoff);
    }

    @Override
    public Optional<Story> find(StoryId id) {
        // LANG#.. (translations and their sources) sorts before META, which sorts before REV#..: one
        // query reads the story whole, in as many pages as its items fill (a page holds at most 1 MB)
        Map<String, AttributeValue> meta = null;
        List<Map<String, AttributeValue>> langs = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("PK = :pk AND SK <= :meta")
                    .expressionAttributeValues(Map.of(":pk", s(Items.storyKey(id)), ":meta", s(Items.META)))
                    .consistentRead(true)
                    .exclusiveStartKey(start)
                    .build());
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = item.get(Items.SK).s();
                if (sk.equals(Items.META)) meta = item;
                else if (sk.startsWith(Items.LANG_PREFIX)) langs.add(item);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return meta == null ? Optional.empty() : Optional.of(Items.story(meta, langs));
    }

    @Override
    public Optional<Rejection> save(
            Optional<Story> previous, Story updated, List<Revision> revisions, List<Revision> superseded) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Put.Builder meta = Put.builder().tableName(table).item(Items.storyItem(updated));
        if (previous.isEmpty()) {
            meta.conditionExpression("attribute_not_exists(PK)");
        } else {
            meta.conditionExpression("version = :read")
                    .expressionAttributeValues(
                            Map.of(":read", Items.n(previous.get().version())));
        }
        writes.add(TransactWriteItem.builder().put(meta.build()).build());

        Map<Integer, Translation> claimAt = new HashMap<>();
        Set<String> keptClaims = new HashSet<>();
        for (Translation t : updated.translations().values()) {
            Map<String, AttributeValue> item = Items.translationItem(updated, t);
            // an unchanged translation is not rewritten, so the stream carries only real changes
            boolean unchanged = previous.flatMap(p -> p.translation(t.lang()).map(b -> Items.translationItem(p, b)))
                    .filter(item::equals)
                    .isPresent();
            if (!unchanged) {
                writes.add(TransactWriteItem.builder()
                        .put(Put.builder().tableName(table).item(item).build())
                        .build());
            }
            boolean sameSource = previous.flatMap(p -> p.translation(t.lang()))
                    .filter(b -> b.bodySource().equals(t.bodySource()))
                    .isPresent();
            // written with its translation too: an item from before sources had their own holds it inline
            if (!sameSource || !unchanged) {
                writes.add(TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(table)
                                .item(Items.sourceItem(updated, t))
                                .build())
                        .build());
            }
        }
        for (Translation t : updated.translations().values()) {
            String claim = Items.slugKey(t.lang(), t.slug());
            keptClaims.add(claim);
            boolean alreadyHeld = previous.flatMap(p -> p.translation(t.lang()))
                    .map(Translation::slug)
                    .filter(t.slug()::equals)
                    .isPresent();
            if (alreadyHeld) continue;
            claimAt.put(writes.size(), t);
            writes.add(TransactWriteItem.builder()
                    .put(Put.builder()
                            .tableName(table)
                            .item(Map.of(
                                    Items.PK, s(claim),
                                    Items.SK, s("SLUG"),
                                    Items.ID, s(updated.id().value())))
                            .conditionExpression("attribute_not_exists(PK) OR id = :id")
                            .expressionAttributeValues(
                                    Map.of(":id", s(updated.id().value())))
                            .build())
                    .build());
        }
        if (previous.isPresent()) {
            for (Translation t : previous.get().translations().values()) {
                if (!updated.translations().containsKey(t.lang())) {
                    writes.add(deleteItem(Items.storyKey(updated.id()), Items.LANG_PREFIX + t.lang()));
                    writes.add(deleteItem(Items.storyKey(updated.id()), Items.sourceKey(t.lang())));
                }
                String claim = Items.slugKey(t.lang(), t.slug());
                if (!keptClaims.contains(claim)) writes.add(deleteItem(claim, "SLUG"));
            }
        }
        for (Revision r : revisions) {
            writes.add(TransactWriteItem.builder()
                    .put(Put.builder()
                            .tableName(table)
                            .item(Items.revisionItem(updated.id(), r))
                            .build())
                    .build());
        }
        // a revision carried on moves to its newest save's key, in the same transaction: the history
        // never shows the run twice, nor loses it if the write fails
        for (Revision r : superseded) writes.add(deleteItem(Items.storyKey(updated.id()), Items.revisionKey(r)));
        Optional<Rejection> rejection = transact(writes, claimAt);
        if (rejection.isEmpty()) history.prune(updated.id());
        return rejection;
    }

    @Override
    public Optional<Rejection> delete(Story previous, Revision revision) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder()
                .delete(Delete.builder()
                        .tableName(table)
                        .key(key(Items.storyKey(previous.id()), Items.META))
                        .conditionExpression("version = :read")
                        .expressionAttributeValues(Map.of(":read", Items.n(previous.version())))
                        .build())
                .build());
        for (Translation t : previous.translations().values()) {
            writes.add(deleteItem(Items.storyKey(previous.id()), Items.LANG_PREFIX + t.lang()));
            writes.add(deleteItem(Items.storyKey(previous.id()), Items.sourceKey(t.lang())));
            writes.add(deleteItem(Items.slugKey(t.lang(), t.slug()), "SLUG"));
        }
        writes.add(TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(Items.revisionItem(previous.id(), revision))
                        .build())
                .build());
        Instant expires = revision.at().plus(HISTORY_RETENTION);
        writes.add(TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(Items.tombstoneItem(previous.id(), revision.at(), revision.by(), expires))
                        .build())
                .build());
        Optional<Rejection> rejection = transact(writes, Map.of());
        if (rejection.isEmpty()) history.expire(previous.id(), expires);
        return rejection;
    }

    @Override
    public Optional<Tombstone> tombstone(StoryId id) {
        return history.tombstone(id);
    }

    @Override
    public Optional<Revision> revision(StoryId id, long version, String lang) {
        return history.revision(id, version, lang);
    }

    @Override
    public List<Revision> revisions(StoryId id) {
        return history.revisions(id);
    }

    @Override
    public Page<Story> list(StoryFilter filter, Optional<String> cursor, int limit) {
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
        List<Story> stories = new ArrayList<>();
        Map<String, AttributeValue> start =
                cursor.map(DynamoStoryRepository::decodeCursor).orElse(null);
        Map<String, AttributeValue> last = null;
        // a filter can leave a page short: read on until the page is full or the index ends
        do {
            QueryRequest.Builder query = QueryRequest.builder()
                    .tableName(table)
                    .indexName(Items.GSI3)
                    .keyConditionExpression("GSI3PK = :all")
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    .limit(limit - stories.size())
                    .exclusiveStartKey(start);
            if (!conditions.isEmpty()) query.filterExpression(String.join(" AND ", conditions));
            QueryResponse page = dynamo.query(query.build());
            for (Map<String, AttributeValue> meta : page.items()) {
                find(new StoryId(meta.get(Items.ID).s())).ifPresent(stories::add);
            }
            last = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            start = last;
        } while (start != null && stories.size() < limit);
        return new Page<>(stories, Optional.ofNullable(last).map(DynamoStoryRepository::encodeCursor));
    }

    @Override
    public List<Due> due(Instant now, int limit) {
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

    private Optional<Rejection> transact(List<TransactWriteItem> writes, Map<Integer, Translation> claimAt) {
        try {
            // a transaction refused for throttling is tried again after a pause; its conditions still hold it
            backoff.call("story transaction", () -> dynamo.transactWriteItems(b -> b.transactItems(writes)));
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            // another writer's transaction on the same items at the same moment: to the client this
            // is the same as a version that moved on — read again and reapply
            if (reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()))) {
                return Optional.of(new Rejection.Stale(-1));
            }
            for (int i = 0; i < reasons.size(); i++) {
                if (!"ConditionalCheckFailed".equals(reasons.get(i).code())) continue;
                if (i == 0) return Optional.of(new Rejection.Stale(-1));
                Translation t = claimAt.get(i);
                if (t != null) return Optional.of(new Rejection.SlugTaken(t.lang(), t.slug()));
            }
            throw e;
        }
    }

    private TransactWriteItem deleteItem(String pk, String sk) {
        return TransactWriteItem.builder()
                .delete(Delete.builder().tableName(table).key(key(pk, sk)).build())
                .build();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Items.PK, s(pk), Items.SK, s(sk));
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
