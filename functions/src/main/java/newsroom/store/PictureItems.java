package newsroom.store;

import static newsroom.store.Items.CARD;
import static newsroom.store.Items.HEIGHT;
import static newsroom.store.Items.IMAGE;
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

    /**
     * A translation item with its story's picture's renditions beside the image's src, for lists:
     * the published indexes project them, so a teaser's image costs no read of its own.
     */
    static Map<String, AttributeValue> withListedPicture(Map<String, AttributeValue> item, Picture picture) {
        if (picture == null || !picture.ready() || !picture.src().equals(str(item, IMAGE))) return item;
        Map<String, AttributeValue> listed = new HashMap<>(item);
        listed.put(
                RENDITIONS,
                AttributeValue.fromL(picture.renditions().stream()
                        .map(PictureItems::rendition)
                        .toList()));
        return listed;
    }

    /** The renditions a translation item lists for its story's picture, as {@link #withListedPicture} writes them. */
    static AttributeValue listedRenditions(Picture picture) {
        return AttributeValue.fromL(
                picture.renditions().stream().map(PictureItems::rendition).toList());
    }

    /** The picture a translation item lists, if it carries renditions (its size: the largest's). */
    static Picture listedPicture(Map<String, AttributeValue> item) {
        if (!item.containsKey(IMAGE) || !item.containsKey(RENDITIONS)) return null;
        var renditions =
                item.get(RENDITIONS).l().stream().map(v -> rendition(v.m())).toList();
        if (renditions.isEmpty()) return null;
        Picture.Rendition largest = renditions.stream()
                .max(java.util.Comparator.comparingInt(Picture.Rendition::width))
                .orElseThrow();
        return Picture.ready(str(item, IMAGE), largest.width(), largest.height(), renditions, null);
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
