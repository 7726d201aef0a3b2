package newsroom.store;

import static newsroom.store.Items.s;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import newsroom.story.Picture;
import newsroom.story.Rejection;
import newsroom.story.Revision;
import newsroom.story.Status;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryRepository;
import newsroom.story.Translation;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Stories in the single DynamoDB table, written in transactions guarded by the story version. */
public final class DynamoStoryRepository implements StoryRepository {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Backoff backoff;
    private final DynamoRevisions history;
    private final ZoneId zone;
    private final DynamoPictureCatalog pictures;

    /** What the staff list reads of a translation: its outline, without the bodies. */
    private static final Map<String, String> OUTLINE_NAMES =
            DynamoSiteIndex.names(DynamoSiteIndex.TRANSLATION_OUTLINE, List.of());

    /** @param zone the site's time zone, in which the months kept for the sitemap index begin */
    public DynamoStoryRepository(DynamoDbClient dynamo, String table, ZoneId zone) {
        this(dynamo, table, zone, Backoff.standard());
    }

    public DynamoStoryRepository(DynamoDbClient dynamo, String table, ZoneId zone, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.zone = zone;
        this.backoff = backoff;
        this.history = new DynamoRevisions(dynamo, table, backoff);
        this.pictures = new DynamoPictureCatalog(dynamo, table, java.time.Clock.systemUTC());
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
        // lists show the picture's renditions from the translation items: one read per save, none per teaser
        Picture listed = updated.image() == null
                ? null
                : pictures.find(updated.image().src()).filter(Picture::ready).orElse(null);
        for (Translation t : updated.translations().values()) {
            Map<String, AttributeValue> item =
                    PictureItems.withListedPicture(Items.translationItem(updated, t), listed);
            // an unchanged translation is not rewritten, so the stream carries only real changes
            boolean unchanged = previous.flatMap(p -> p.translation(t.lang())
                            .map(b -> PictureItems.withListedPicture(Items.translationItem(p, b), listed)))
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
        int monthsFrom = writes.size();
        writes.addAll(monthsUpdates(previous, Optional.of(updated)));
        Optional<Rejection> rejection = transact(writes, claimAt, monthsFrom);
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
        int monthsFrom = writes.size();
        writes.addAll(monthsUpdates(Optional.of(previous), Optional.empty()));
        Optional<Rejection> rejection = transact(writes, Map.of(), monthsFrom);
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
        List<Map<String, AttributeValue>> metas = new ArrayList<>();
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
                    .limit(limit - metas.size())
                    .exclusiveStartKey(start);
            if (!conditions.isEmpty()) query.filterExpression(String.join(" AND ", conditions));
            QueryResponse page = dynamo.query(query.build());
            // the index projects the whole story item: only its translations are left to read
            metas.addAll(page.items());
            last = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            start = last;
        } while (start != null && metas.size() < limit);
        return new Page<>(outlines(metas), Optional.ofNullable(last).map(DynamoStoryRepository::encodeCursor));
    }

    /**
     * The listed stories with their translations' outlines, read by key together (a hundred keys a
     * request) instead of one query per story: without bodies, neither the HTML nor the source.
     */
    private List<Story> outlines(List<Map<String, AttributeValue>> metas) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> meta : metas) {
            if (!meta.containsKey(Items.LANGUAGES)) continue;
            for (AttributeValue lang : meta.get(Items.LANGUAGES).l()) {
                keys.add(key(meta.get(Items.PK).s(), Items.LANG_PREFIX + lang.s()));
            }
        }
        Map<String, List<Map<String, AttributeValue>>> byStory =
                BatchReads.byPartition(dynamo, table, backoff, keys, OUTLINE_NAMES, "batch get of listed translations");
        List<Story> stories = new ArrayList<>();
        for (Map<String, AttributeValue> meta : metas) {
            List<Map<String, AttributeValue>> langs =
                    new ArrayList<>(byStory.getOrDefault(meta.get(Items.PK).s(), List.of()));
            // the same order as a query returns them: by sort key
            langs.sort(Comparator.comparing(item -> item.get(Items.SK).s()));
            stories.add(Items.story(meta, langs));
        }
        return stories;
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

    /**
     * The change to each language's months: a translation that becomes published counts in its
     * month, one that is withdrawn, deleted or moved to another month no longer counts in its old
     * one. Exact, since the transaction that carries it holds only if the version read is still the
     * stored one; an edit that moves no translation in or out of a month touches no months item.
     */
    private List<TransactWriteItem> monthsUpdates(Optional<Story> previous, Optional<Story> updated) {
        Map<String, Map<YearMonth, Integer>> deltas = new TreeMap<>();
        previous.ifPresent(p -> p.translations()
                .values()
                .forEach(t -> publishedMonth(t)
                        .ifPresent(m -> deltas.computeIfAbsent(t.lang(), l -> new TreeMap<>())
                                .merge(m, -1, Integer::sum))));
        updated.ifPresent(u -> u.translations()
                .values()
                .forEach(t -> publishedMonth(t)
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
                            .key(key(Items.monthsKey(lang), Items.MONTHS))
                            .updateExpression("ADD " + String.join(", ", adds))
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)
                            .build())
                    .build());
        });
        return updates;
    }

    private Optional<YearMonth> publishedMonth(Translation t) {
        if (t.status() != Status.PUBLISHED || t.publishedAt() == null) return Optional.empty();
        return Optional.of(YearMonth.from(t.publishedAt().atZone(zone)));
    }

    private Optional<Rejection> transact(
            List<TransactWriteItem> writes, Map<Integer, Translation> claimAt, int monthsFrom) {
        try {
            // a transaction refused for throttling is tried again after a pause; its conditions still hold
            // it. So is one that met another publish on a months item, which every publish in the language
            // shares: that is no conflict over the story
            backoff.call(
                    "story transaction",
                    e -> Backoff.isThrottling(e) || conflictsOnlyFrom(e, monthsFrom),
                    () -> dynamo.transactWriteItems(b -> b.transactItems(writes)));
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

    private static boolean conflictsOnlyFrom(SdkServiceException e, int monthsFrom) {
        if (!(e instanceof TransactionCanceledException cancelled) || !cancelled.hasCancellationReasons()) {
            return false;
        }
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        boolean conflict = false;
        for (int i = 0; i < reasons.size(); i++) {
            String code = reasons.get(i).code();
            if (code == null || code.equals("None")) continue;
            if (i < monthsFrom || !code.equals("TransactionConflict")) return false;
            conflict = true;
        }
        return conflict;
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
