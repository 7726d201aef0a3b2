package newsroom.store;

import static newsroom.store.Items.s;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedSet;
import newsroom.render.Entry;
import newsroom.render.SiteIndex;
import newsroom.story.Excerpts;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryRepository;
import newsroom.story.Translation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The site index on the table's sparse published (GSI1) and category (GSI2) indexes. */
public final class DynamoSiteIndex implements SiteIndex {
    /** What a translation item holds besides its body: its keys and its outline. */
    static final List<String> TRANSLATION_OUTLINE = List.of(
            Items.PK,
            Items.SK,
            Items.ID,
            Items.LANG,
            Items.CATEGORY,
            Items.IMAGE,
            Items.TITLE,
            Items.LEAD,
            Items.DATELINE,
            Items.FORMAT,
            Items.SLUG,
            Items.STATUS,
            Items.PUBLISHED_AT,
            Items.CAPTION,
            Items.IMAGE_ALT,
            Items.UPDATED_AT,
            Items.UPDATED_BY);

    /**
     * What lists read: the outline and the excerpt, exactly what the template projects into GSI1 and
     * GSI2 besides the table's keys.
     */
    private static final Map<String, String> OUTLINE_NAMES =
            names(TRANSLATION_OUTLINE, List.of(Items.EXCERPT, Items.RENDITIONS));

    private static final String OUTLINE_PROJECTION = String.join(", ", OUTLINE_NAMES.keySet());

    /**
     * What pages read of a story's items: the META item's attributes and the translations' outlines
     * with their HTML, but not the bodies' source.
     */
    private static final Map<String, String> PAGE_NAMES = names(
            TRANSLATION_OUTLINE,
            List.of(
                    Items.TAGS,
                    Items.AUTHOR,
                    Items.VERSION,
                    Items.CREATED_AT,
                    Items.CREATED_BY,
                    Items.BODY_HTML,
                    GalleryItems.GALLERY));

    /**
     * Entries per page of {@link #all}. A page is at most 1 MB anyway; the limit keeps each request's
     * work bounded where a store reads a partition from the start key to its end before cutting the
     * page (DynamoDB Local does, which made a whole-site read quadratic in the site's size).
     */
    static final int ALL_PAGE = 250;

    private final DynamoDbClient dynamo;
    private final String table;
    private final StoryRepository stories;
    private final List<String> languages;
    private final Backoff backoff;
    private final DynamoMonths months;

    public DynamoSiteIndex(DynamoDbClient dynamo, String table, StoryRepository stories, List<String> languages) {
        this(dynamo, table, stories, languages, Backoff.standard());
    }

    public DynamoSiteIndex(
            DynamoDbClient dynamo, String table, StoryRepository stories, List<String> languages, Backoff backoff) {
        this.backoff = backoff;
        this.dynamo = dynamo;
        this.table = table;
        this.stories = stories;
        this.languages = List.copyOf(languages);
        this.months = new DynamoMonths(dynamo, table, backoff);
    }

    @Override
    public Optional<Story> story(StoryId id) {
        return stories.find(id);
    }

    /**
     * Reads the stories' items by key, a hundred keys per request (their META item and one per
     * language), instead of one query per story; as pages show them, without the bodies' source.
     */
    @Override
    public Map<StoryId, Story> stories(Collection<StoryId> ids) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (StoryId id : new LinkedHashSet<>(ids)) {
            keys.add(Map.of(Items.PK, s(Items.storyKey(id)), Items.SK, s(Items.META)));
            for (String lang : languages) {
                keys.add(Map.of(Items.PK, s(Items.storyKey(id)), Items.SK, s(Items.LANG_PREFIX + lang)));
            }
        }
        // each story is made from its items on the thread that read them
        Map<String, Story> byStory = BatchReads.byPartition(
                dynamo, table, backoff, keys, PAGE_NAMES, "batch get of story items", DynamoSiteIndex::story);
        Map<StoryId, Story> found = new LinkedHashMap<>();
        for (StoryId id : ids) {
            Story story = byStory.get(Items.storyKey(id));
            if (story != null) found.put(id, story);
        }
        return found;
    }

    /** A story from its META item and its translations' items, or null without the META item. */
    private static Story story(String pk, List<Map<String, AttributeValue>> items) {
        Map<String, AttributeValue> meta = null;
        List<Map<String, AttributeValue>> langs = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            if (item.get(Items.SK).s().equals(Items.META)) meta = item;
            else langs.add(item);
        }
        // the same order as a query returns them: by sort key
        langs.sort(java.util.Comparator.comparing(item -> item.get(Items.SK).s()));
        return meta == null ? null : Items.story(meta, langs);
    }

    @Override
    public Optional<Entry> bySlug(String lang, String slug) {
        Map<String, AttributeValue> claim = dynamo.getItem(b -> b.tableName(table)
                        .key(Map.of(Items.PK, s(Items.slugKey(lang, slug)), Items.SK, s("SLUG")))
                        .consistentRead(true))
                .item();
        if (claim == null || claim.isEmpty()) return Optional.empty();
        return stories.find(new StoryId(claim.get(Items.ID).s()))
                .flatMap(story -> story.translation(lang)
                        .filter(t -> t.isPublished() && t.slug().equals(slug))
                        .map(t -> new Entry(
                                story.id(),
                                story.category(),
                                story.image() == null ? null : story.image().src(),
                                t)));
    }

    @Override
    public List<Entry> newest(String lang, int limit) {
        return published(lang, "GSI1PK = :pk", Map.of(), false, limit);
    }

    @Override
    public List<Entry> between(String lang, Instant from, Instant to, int limit) {
        return published(
                lang,
                "GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to",
                Map.of(":from", s(Items.sortable(from)), ":to", s(Items.sortable(to.minusSeconds(1)) + "#~")),
                false,
                limit);
    }

    @Override
    public List<Entry> inCategory(String lang, String category, int limit) {
        return entries(
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(Items.GSI2)
                        .keyConditionExpression("GSI2PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(Items.categoryKey(lang, category))))
                        .scanIndexForward(false)
                        .projectionExpression(OUTLINE_PROJECTION)
                        .expressionAttributeNames(OUTLINE_NAMES)
                        .build(),
                limit);
    }

    @Override
    public Optional<Entry> olderThan(String lang, Instant publishedAt, StoryId id) {
        return published(
                        lang,
                        "GSI1PK = :pk AND GSI1SK < :at",
                        Map.of(":at", s(position(publishedAt, id, ""))),
                        false,
                        1)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Entry> newerThan(String lang, Instant publishedAt, StoryId id) {
        return published(
                        lang,
                        "GSI1PK = :pk AND GSI1SK > :at",
                        Map.of(":at", s(position(publishedAt, id, "#~"))),
                        true,
                        1)
                .stream()
                .findFirst();
    }

    @Override
    public Iterable<List<Entry>> all(String lang) {
        return () -> new Iterator<>() {
            private Map<String, AttributeValue> start = null;
            private boolean done = false;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public List<Entry> next() {
                if (done) throw new NoSuchElementException();
                QueryResponse page = dynamo.query(QueryRequest.builder()
                        .tableName(table)
                        .indexName(Items.GSI1)
                        .keyConditionExpression("GSI1PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(Items.publishedKey(lang))))
                        .scanIndexForward(true)
                        .projectionExpression(OUTLINE_PROJECTION)
                        .expressionAttributeNames(OUTLINE_NAMES)
                        .limit(ALL_PAGE)
                        .exclusiveStartKey(start)
                        .build());
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey()
                        : null;
                done = start == null;
                return entries(page);
            }
        };
    }

    /**
     * The languages' months items, in one request: a language whose item the last full rebuild did
     * not count in this zone is left out, and walked.
     */
    @Override
    public Map<String, SortedSet<YearMonth>> keptMonths(Collection<String> langs, ZoneId zone) {
        return months.kept(langs, zone);
    }

    /**
     * Replaces the language's months item with these counts. A publish that lands between the walk
     * that counted them and this write is not in them; the next full rebuild counts it.
     */
    @Override
    public void keepMonths(String lang, ZoneId zone, Map<YearMonth, Integer> counts) {
        months.keep(lang, zone, counts);
    }

    /** Placeholders for attribute names, since some of them are reserved words in expressions. */
    static Map<String, String> names(List<String> attributes, List<String> more) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String a : attributes) names.put("#a" + names.size(), a);
        for (String a : more) names.put("#a" + names.size(), a);
        return names;
    }

    /** An index position; without a story id, before (or after, with "#~") that second's stories. */
    private static String position(Instant at, StoryId id, String afterAll) {
        return id == null ? Items.sortable(at) + afterAll : Items.publishedSortKey(at, id);
    }

    private List<Entry> published(
            String lang, String condition, Map<String, AttributeValue> extra, boolean ascending, int limit) {
        return entries(publishedQuery(lang, condition, extra, ascending).build(), limit);
    }

    private QueryRequest.Builder publishedQuery(
            String lang, String condition, Map<String, AttributeValue> extra, boolean ascending) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(extra);
        values.put(":pk", s(Items.publishedKey(lang)));
        return QueryRequest.builder()
                .tableName(table)
                .indexName(Items.GSI1)
                .keyConditionExpression(condition)
                .expressionAttributeValues(values)
                .scanIndexForward(ascending)
                .projectionExpression(OUTLINE_PROJECTION)
                .expressionAttributeNames(OUTLINE_NAMES);
    }

    /**
     * Up to {@code limit} entries: a query answers at most 1 MB, so long lists (a month's archive, a
     * feed of long stories) take several.
     */
    private List<Entry> entries(QueryRequest query, int limit) {
        List<Entry> entries = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(query.toBuilder()
                    .limit(limit - entries.size())
                    .exclusiveStartKey(from)
                    .build());
            entries.addAll(entries(page));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && entries.size() < limit);
        return entries;
    }

    /**
     * Entries from items read without their bodies. An item written before excerpts were stored is
     * read again whole, and its excerpt cut from its body.
     */
    private List<Entry> entries(QueryResponse response) {
        List<Entry> entries = new ArrayList<>(response.items().size());
        for (Map<String, AttributeValue> outline : response.items()) {
            Map<String, AttributeValue> item = outline;
            if (!item.containsKey(Items.EXCERPT)) {
                item = dynamo.getItem(b -> b.tableName(table)
                                .key(Map.of(Items.PK, outline.get(Items.PK), Items.SK, outline.get(Items.SK)))
                                .consistentRead(true))
                        .item();
                if (item == null || item.isEmpty()) continue;
            }
            Translation t = Items.translation(item);
            entries.add(new Entry(
                    new StoryId(item.get(Items.ID).s()),
                    Items.str(item, Items.CATEGORY),
                    Items.str(item, Items.IMAGE),
                    t,
                    item.containsKey(Items.EXCERPT) ? item.get(Items.EXCERPT).s() : Excerpts.of(t),
                    PictureItems.listedPicture(item)));
        }
        return entries;
    }
}
