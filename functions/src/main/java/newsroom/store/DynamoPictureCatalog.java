package newsroom.store;

import java.time.Clock;
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

    @Override
    public Optional<Picture> find(String src) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(Map.of(Items.PK, Items.s(Items.PICTURE_PREFIX + src), Items.SK, Items.s(Items.PICTURE))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PictureItems.picture(item));
    }
}
