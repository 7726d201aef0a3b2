package newsroom.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.story.GalleryImage;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A story's gallery on its story item: a list of maps (src, and caption and alt maps keyed by
 * language), so pages read it with the story and its order is the list's.
 */
final class GalleryItems {
    static final String GALLERY = "gallery";
    private static final String CAPTION = "caption";
    private static final String ALT = "alt";

    private GalleryItems() {}

    /** Writes the gallery onto a story item, or leaves an empty one out. */
    static void put(Map<String, AttributeValue> item, List<GalleryImage> gallery) {
        if (gallery.isEmpty()) return;
        item.put(
                GALLERY,
                AttributeValue.fromL(gallery.stream()
                        .map(g -> AttributeValue.fromM(Map.of(
                                Items.SRC, Items.s(g.src()), CAPTION, texts(g.captions()), ALT, texts(g.alts()))))
                        .toList()));
    }

    static List<GalleryImage> gallery(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(GALLERY);
        if (value == null || !value.hasL()) return List.of();
        List<GalleryImage> gallery = new ArrayList<>();
        for (AttributeValue picture : value.l()) {
            Map<String, AttributeValue> m = picture.m();
            gallery.add(new GalleryImage(Items.str(m, Items.SRC), texts(m.get(CAPTION)), texts(m.get(ALT))));
        }
        return gallery;
    }

    /** The srcs of a story item's gallery, in order. */
    static List<String> sources(Map<String, AttributeValue> item) {
        return gallery(item).stream().map(GalleryImage::src).toList();
    }

    private static AttributeValue texts(Map<String, String> byLanguage) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        byLanguage.forEach((lang, text) -> m.put(lang, Items.s(text)));
        return AttributeValue.fromM(m);
    }

    private static Map<String, String> texts(AttributeValue value) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        if (value != null && value.hasM()) value.m().forEach((lang, text) -> byLanguage.put(lang, text.s()));
        return byLanguage;
    }
}
