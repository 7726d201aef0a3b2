package newsroom.store;

import static newsroom.store.Items.CARD;
import static newsroom.store.Items.HEIGHT;
import static newsroom.store.Items.PICTURE;
import static newsroom.store.Items.PICTURE_PREFIX;
import static newsroom.store.Items.PK;
import static newsroom.store.Items.REASON;
import static newsroom.store.Items.RENDITIONS;
import static newsroom.store.Items.SK;
import static newsroom.store.Items.SRC;
import static newsroom.store.Items.STATUS;
import static newsroom.store.Items.TYPE;
import static newsroom.store.Items.UPDATED_AT;
import static newsroom.store.Items.WIDTH;
import static newsroom.store.Items.n;
import static newsroom.store.Items.s;
import static newsroom.store.Items.sortable;
import static newsroom.store.Items.str;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import newsroom.story.Picture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The item of an uploaded picture, in the table's layout that {@link Items} names. */
final class PictureItems {
    private PictureItems() {}

    static Map<String, AttributeValue> pictureItem(Picture picture, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(PICTURE_PREFIX + picture.src()));
        item.put(SK, s(PICTURE));
        item.put(TYPE, s("picture"));
        item.put(SRC, s(picture.src()));
        item.put(STATUS, s(picture.status().wire()));
        item.put(UPDATED_AT, s(sortable(at)));
        if (picture.reason() != null) item.put(REASON, s(picture.reason()));
        if (picture.ready()) {
            item.put(WIDTH, n(picture.width()));
            item.put(HEIGHT, n(picture.height()));
            item.put(
                    RENDITIONS,
                    AttributeValue.fromL(picture.renditions().stream()
                            .map(PictureItems::rendition)
                            .toList()));
            if (picture.card() != null) item.put(CARD, rendition(picture.card()));
        }
        return item;
    }

    static Picture picture(Map<String, AttributeValue> item) {
        String src = str(item, SRC);
        if (Picture.Status.REFUSED.wire().equals(str(item, STATUS))) return Picture.refused(src, str(item, REASON));
        return Picture.ready(
                src,
                Integer.parseInt(item.get(WIDTH).n()),
                Integer.parseInt(item.get(HEIGHT).n()),
                item.get(RENDITIONS).l().stream().map(v -> rendition(v.m())).toList(),
                item.containsKey(CARD) ? rendition(item.get(CARD).m()) : null);
    }

    private static AttributeValue rendition(Picture.Rendition r) {
        return AttributeValue.fromM(Map.of(SRC, s(r.src()), WIDTH, n(r.width()), HEIGHT, n(r.height())));
    }

    private static Picture.Rendition rendition(Map<String, AttributeValue> m) {
        return new Picture.Rendition(
                str(m, SRC),
                Integer.parseInt(m.get(WIDTH).n()),
                Integer.parseInt(m.get(HEIGHT).n()));
    }
}
