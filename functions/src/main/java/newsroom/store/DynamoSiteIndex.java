package newsroom.store;

import static newsroom.store.Items.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import newsroom.render.Entry;
import newsroom.render.SiteIndex;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The site index on the table's sparse published (GSI1) and category (GSI2) indexes. */
public final class DynamoSiteIndex implements SiteIndex {
  private final DynamoDbClient dynamo;
  private final String table;
  private final StoryRepository stories;

  public DynamoSiteIndex(DynamoDbClient dynamo, String table, StoryRepository stories) {
    this.dynamo = dynamo;
    this.table = table;
    this.stories = stories;
  }

  @Override
  public Optional<Story> story(StoryId id) {
    return stories.find(id);
  }

  @Override
  public Optional<Entry> bySlug(String lang, String slug) {
    Map<String, AttributeValue> claim =
        dynamo
            .getItem(
                b ->
                    b.tableName(table)
                        .key(Map.of(Items.PK, s(Items.slugKey(lang, slug)), Items.SK, s("SLUG")))
                        .consistentRead(true))
            .item();
    if (claim == null || claim.isEmpty()) return Optional.empty();
    return stories
        .find(new StoryId(claim.get(Items.ID).s()))
        .flatMap(
            story ->
                story
                    .translation(lang)
                    .filter(t -> t.isPublished() && t.slug().equals(slug))
                    .map(
                        t ->
                            new Entry(
                                story.id(),
                                story.category(),
                                story.image() == null ? null : story.image().src(),
                                t)));
  }

  @Override
  public List<Entry> newest(String lang, int limit) {
    return entries(published(lang, "GSI1PK = :pk", Map.of(), false, limit));
  }

  @Override
  public List<Entry> between(String lang, Instant from, Instant to, int limit) {
    return entries(
        published(
            lang,
            "GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to",
            Map.of(
                ":from",
                s(Items.sortable(from)),
                ":to",
                s(Items.sortable(to.minusSeconds(1)) + "#~")),
            false,
            limit));
  }

  @Override
  public List<Entry> inCategory(String lang, String category, int limit) {
    return entries(
        dynamo.query(
            QueryRequest.builder()
                .tableName(table)
                .indexName(Items.GSI2)
                .keyConditionExpression("GSI2PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(Items.categoryKey(lang, category))))
                .scanIndexForward(false)
                .limit(limit)
                .build()));
  }

  @Override
  public Optional<Entry> olderThan(String lang, Instant publishedAt, StoryId id) {
    return entries(
            published(
                lang,
                "GSI1PK = :pk AND GSI1SK < :at",
                Map.of(":at", s(position(publishedAt, id, ""))),
                false,
                1))
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Entry> newerThan(String lang, Instant publishedAt, StoryId id) {
    return entries(
            published(
                lang,
                "GSI1PK = :pk AND GSI1SK > :at",
                Map.of(":at", s(position(publishedAt, id, "#~"))),
                true,
                1))
        .stream()
        .findFirst();
  }

  @Override
  public Iterable<List<Entry>> all(String lang) {
    return () ->
        new Iterator<>() {
          private Map<String, AttributeValue> start = null;
          private boolean done = false;

          @Override
          public boolean hasNext() {
            return !done;
          }

          @Override
          public List<Entry> next() {
            if (done) throw new NoSuchElementException();
            QueryResponse page =
                dynamo.query(
                    QueryRequest.builder()
                        .tableName(table)
                        .indexName(Items.GSI1)
                        .keyConditionExpression("GSI1PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(Items.publishedKey(lang))))
                        .scanIndexForward(true)
                        .exclusiveStartKey(start)
                        .build());
            start =
                page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? page.lastEvaluatedKey()
                    : null;
            done = start == null;
            return entries(page);
          }
        };
  }

  /** An index position; without a story id, before (or after, with "#~") that second's stories. */
  private static String position(Instant at, StoryId id, String afterAll) {
    return id == null ? Items.sortable(at) + afterAll : Items.publishedSortKey(at, id);
  }

  private QueryResponse published(
      String lang,
      String condition,
      Map<String, AttributeValue> extra,
      boolean ascending,
      int limit) {
    Map<String, AttributeValue> values = new java.util.HashMap<>(extra);
    values.put(":pk", s(Items.publishedKey(lang)));
    return dynamo.query(
        QueryRequest.builder()
            .tableName(table)
            .indexName(Items.GSI1)
            .keyConditionExpression(condition)
            .expressionAttributeValues(values)
            .scanIndexForward(ascending)
            .limit(limit)
            .build());
  }

  private static List<Entry> entries(QueryResponse response) {
    List<Entry> entries = new ArrayList<>(response.items().size());
    for (Map<String, AttributeValue> item : response.items()) {
      entries.add(
          new Entry(
              new StoryId(item.get(Items.ID).s()),
              Items.str(item, Items.CATEGORY),
              Items.str(item, Items.IMAGE),
              Items.translation(item)));
    }
    return entries;
  }
}
