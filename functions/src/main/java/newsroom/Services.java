package newsroom;

import java.time.Clock;
import newsroom.render.Assets;
import newsroom.render.PageSet;
import newsroom.render.SiteIndex;
import newsroom.render.SiteRenderer;
import newsroom.render.SiteWriter;
import newsroom.site.Config;
import newsroom.store.Cdn;
import newsroom.store.Clients;
import newsroom.store.CloudFrontCdn;
import newsroom.store.DynamoSiteIndex;
import newsroom.store.DynamoStoryRepository;
import newsroom.store.MediaUploads;
import newsroom.store.RebuildQueue;
import newsroom.store.S3MediaUploads;
import newsroom.store.S3SiteBucket;
import newsroom.store.SiteBucket;
import newsroom.store.SqsRebuildQueue;
import newsroom.story.StoryService;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Everything the handlers need, wired once per runtime: in Lambda from the environment. */
public record Services(
    Config config,
    StoryService stories,
    SiteIndex index,
    SiteRenderer renderer,
    SiteWriter writer,
    PageSet pageSet,
    SiteBucket bucket,
    RebuildQueue rebuildQueue,
    MediaUploads media,
    Clock clock) {

  /** The parts that differ between AWS and the local stack. */
  public record Edges(Cdn cdn, RebuildQueue rebuildQueue) {}

  public static Services wire(
      Config config,
      DynamoDbClient dynamo,
      SiteBucket bucket,
      MediaUploads media,
      Edges edges,
      Clock clock) {
    DynamoStoryRepository repository = new DynamoStoryRepository(dynamo, config.tableName());
    SiteIndex index =
        new DynamoSiteIndex(dynamo, config.tableName(), repository, config.languages());
    SiteRenderer renderer = new SiteRenderer(index, config, new Assets(), clock);
    return new Services(
        config,
        new StoryService(repository, config.languages(), config.categories(), clock),
        index,
        renderer,
        new SiteWriter(renderer, bucket, edges.cdn()),
        new PageSet(index, config.languages(), config.zone()),
        bucket,
        edges.rebuildQueue(),
        media,
        clock);
  }

  /** The Lambda runtime's wiring, built on first use and kept for the life of the runtime. */
  public static Services fromEnvironment() {
    return FromEnvironment.INSTANCE;
  }

  private static final class FromEnvironment {
    static final Services INSTANCE = build();

    private static Services build() {
      Config config = Config.fromEnvironment();
      SdkHttpClient http = Clients.httpClient();
      Cdn cdn =
          config
              .distributionId()
              .<Cdn>map(id -> new CloudFrontCdn(Clients.cloudFront(http), id))
              .orElse(paths -> {});
      RebuildQueue queue =
          config
              .rebuildQueueUrl()
              .<RebuildQueue>map(url -> new SqsRebuildQueue(Clients.sqs(config, http), url))
              .orElse(
                  messages -> {
                    throw new IllegalStateException("REBUILD_QUEUE_URL is not set");
                  });
      return wire(
          config,
          Clients.dynamo(config, http),
          new S3SiteBucket(Clients.s3(config, http), config.bucketName()),
          new S3MediaUploads(Clients.presigner(config), config.bucketName()),
          new Edges(cdn, queue),
          Clock.systemUTC());
    }
  }
}
