package newsroom.store;

import static newsroom.store.Items.s;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newsroom.story.Picture;
import newsroom.story.Rejection;
import newsroom.story.Revision;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryOutline;
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

/** Stories in the single DynamoDB table, written in transactions guarded by the story version. */
public final class DynamoStoryRepository implements StoryRepository {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Backoff backoff;
    private final DynamoRevisions history;
    private final ZoneId zone;
    private final DynamoPictureCatalog pictures;
    private final DynamoPictureUses uses;
    private final DynamoStoryList lists;
    private final DynamoMonths months;

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
        this.uses = new DynamoPictureUses(dynamo, table);
        this.lists = new DynamoStoryList(dynamo, table, backoff);
        this.months = new DynamoMonths(dynamo, table, backoff);
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
                            .item(RevisionItems.revisionItem(updated.id(), r))
                            .build())
                    .build());
        }
        // a revision carried on moves to its newest save's key, in the same transaction: the history
        // never shows the run twice, nor loses it if the write fails
        for (Revision r : superseded)
            writes.add(deleteItem(Items.storyKey(updated.id()), RevisionItems.revisionKey(r)));
        // which stories show which picture changes in the same transaction as the story itself
        for (String src : PictureUseItems.added(previous.orElse(null), updated)) {
            writes.add(TransactWriteItem.builder()
                    .put(Put.builder()
                            .tableName(table)
                            .item(PictureUseItems.useItem(src, updated.id()))
                            .build())
                    .build());
        }
        for (String src : PictureUseItems.removed(previous.orElse(null), updated)) {
            writes.add(TransactWriteItem.builder()
                    .delete(Delete.builder()
                            .tableName(table)
                            .key(PictureUseItems.key(src, updated.id()))
                            .build())
                    .build());
        }
        int monthsFrom = writes.size();
        writes.addAll(months.updates(previous, Optional.of(updated), zone));
        Optional<Rejection> rejection = transact(writes, claimAt, monthsFrom);
        if (rejection.isEmpty()) {
            history.prune(updated.id());
            if (updated.image() != null && listed == null)
                listWhenReadyMeanwhile(updated.image().src());
        }
        return rejection;
    }

    /**
     * The picture was not ready when the save read the catalog; if it became ready before the
     * save's use of it was recorded, the image function found no story to tell, so the save tells
     * them now (the function records the picture before it looks for uses: one of the two sees the
     * other).
     */
    private void listWhenReadyMeanwhile(String src) {
        pictures.find(src).filter(Picture::ready).ifPresent(uses::showReady);
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
                        .item(RevisionItems.revisionItem(previous.id(), revision))
                        .build())
                .build());
        Instant expires = revision.at().plus(HISTORY_RETENTION);
        writes.add(TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(RevisionItems.tombstoneItem(previous.id(), revision.at(), revision.by(), expires))
                        .build())
                .build());
        for (String src : PictureUseItems.sources(previous)) {
            writes.add(TransactWriteItem.builder()
                    .delete(Delete.builder()
                            .tableName(table)
                            .key(PictureUseItems.key(src, previous.id()))
                            .build())
                    .build());
        }
        int monthsFrom = writes.size();
        writes.addAll(months.updates(Optional.of(previous), Optional.empty(), zone));
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
    public Page<StoryOutline> list(StoryFilter filter, Optional<String> cursor, int limit) {
        return lists.list(filter, cursor, limit);
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return lists.due(now, limit);
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
}
