package newsroom.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.story.Picture;
import newsroom.story.PictureCatalog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Pictures as one item each in the table, outside every index. */
public final class DynamoPictureCatalog implements PictureCatalog {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Backoff backoff = Backoff.standard();

    /** What a picture's item holds that {@link PictureItems#picture} reads (with its keys). */
    private static final Map<String, String> NAMES = DynamoSiteIndex.names(
            List.of(Items.PK, Items.SK, Items.SRC, Items.STATUS, Items.REASON, Items.WIDTH, Items.HEIGHT),
            List.of(Items.RENDITIONS, Items.CARD));

    public DynamoPictureCatalog(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void save(Picture picture) {
        dynamo.putItem(b -> b.tableName(table).item(PictureItems.pictureItem(picture, clock.instant())));
    }

    @Override
    public void forget(String src) {
        dynamo.deleteItem(b -> b.tableName(table)
                .key(Map.of(Items.PK, Items.s(Items.PICTURE_PREFIX + src), Items.SK, Items.s(Items.PICTURE))));
    }

    /** A gallery's pictures in one batch read rather than one read each. */
    @Override
    public Map<String, Picture> findAll(Collection<String> srcs) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String src : new LinkedHashSet<>(srcs)) {
            keys.add(Map.of(Items.PK, Items.s(Items.PICTURE_PREFIX + src), Items.SK, Items.s(Items.PICTURE)));
        }
        Map<String, Picture> found = new LinkedHashMap<>();
        if (keys.isEmpty()) return found;
        Map<String, List<Map<String, AttributeValue>>> byPartition =
                BatchReads.byPartition(dynamo, table, backoff, keys, NAMES, "batch get of pictures");
        for (String src : srcs) {
            for (Map<String, AttributeValue> item : byPartition.getOrDefault(Items.PICTURE_PREFIX + src, List.of())) {
                if (Items.PICTURE.equals(Items.str(item, Items.SK))) found.put(src, PictureItems.picture(item));
            }
        }
        return found;
    }

    @Override
    public Optional<Picture> find(String src) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(Map.of(Items.PK, Items.s(Items.PICTURE_PREFIX + src), Items.SK, Items.s(Items.PICTURE))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PictureItems.picture(item));
    }
}
