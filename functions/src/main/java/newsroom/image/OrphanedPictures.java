package newsroom.image;

import java.util.List;
import java.util.Optional;
import newsroom.render.SiteBucket;
import newsroom.story.Picture;
import newsroom.story.PictureCatalog;
import newsroom.story.PictureUses;

/**
 * The pictures of a deleted story that no other story shows: their renditions, their card and
 * the object at their src leave the site, and the catalog forgets them. A picture another story
 * still shows stays whole.
 */
public final class OrphanedPictures {
    private final PictureCatalog catalog;
    private final PictureUses uses;
    private final SiteBucket site;

    public OrphanedPictures(PictureCatalog catalog, PictureUses uses, SiteBucket site) {
        this.catalog = catalog;
        this.uses = uses;
        this.site = site;
    }

    /**
     * Called once the story's uses are gone (they are removed in the transaction that deletes it),
     * so the uses left are other stories'. Safe to repeat: the catalog is forgotten last, so a
     * retry after a failed delete still knows the renditions.
     *
     * @return the pictures removed
     */
    public List<String> afterStoryDeleted(List<String> srcs) {
        List<String> removed = new java.util.ArrayList<>();
        for (String src : srcs) {
            if (!src.startsWith("/media/") || src.contains("..")) continue;
            if (!uses.storiesShowing(src).isEmpty()) continue;
            Optional<Picture> picture = catalog.find(src);
            picture.ifPresent(p -> {
                p.renditions().forEach(r -> site.delete(r.src().substring(1)));
                if (p.card() != null) site.delete(p.card().src().substring(1));
            });
            site.delete(src.substring(1));
            if (picture.isPresent()) catalog.forget(src);
            removed.add(src);
        }
        return removed;
    }
}
