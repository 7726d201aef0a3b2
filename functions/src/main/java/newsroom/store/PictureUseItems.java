package newsroom.store;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.story.Story;
import newsroom.story.StoryId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item that records that a story shows a picture: in the picture's partition ({@code
 * MEDIA#<src>}, sort key {@code USE#<story id>}), beside the picture's own item, so one query
 * finds every story that shows it. Written and removed in the transaction that saves or deletes
 * the story, so the record and the story never disagree.
 */
final class PictureUseItems {
    static final String USE_PREFIX = "USE#";

    private PictureUseItems() {}

    static Map<String, AttributeValue> useItem(String src, StoryId id) {
        Map<String, AttributeValue> item = new HashMap<>(key(src, id));
        item.put(Items.TYPE, Items.s("picture-use"));
        item.put(Items.SRC, Items.s(src));
        item.put(Items.ID, Items.s(id.value()));
        return item;
    }

    static Map<String, AttributeValue> key(String src, StoryId id) {
        return Map.of(
                Items.PK, Items.s(Items.PICTURE_PREFIX + src),
                Items.SK, Items.s(USE_PREFIX + id.value()));
    }

    /** The pictures a story shows: its image and its gallery's, each once. */
    static Set<String> sources(Story story) {
        return story == null ? Set.of() : new LinkedHashSet<>(story.pictureSources());
    }

    /** The pictures {@code after} shows that {@code before} did not. */
    static Set<String> added(Story before, Story after) {
        Set<String> added = new LinkedHashSet<>(sources(after));
        added.removeAll(sources(before));
        return added;
    }

    /** The pictures {@code before} showed that {@code after} (null: deleted) no longer does. */
    static Set<String> removed(Story before, Story after) {
        Set<String> removed = new LinkedHashSet<>(sources(before));
        removed.removeAll(sources(after));
        return removed;
    }

    /** The pictures a story item names (image and gallery), as a removed item in the stream shows them. */
    static List<String> sources(Map<String, AttributeValue> storyItem) {
        Set<String> sources = new LinkedHashSet<>();
        String image = Items.str(storyItem, Items.IMAGE);
        if (image != null) sources.add(image);
        sources.addAll(GalleryItems.sources(storyItem));
        return List.copyOf(sources);
    }
}
