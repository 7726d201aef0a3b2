package newsroom.image;

import java.util.List;
import java.util.Optional;
import newsroom.render.InvalidationQueue;
import newsroom.render.SiteBucket;
import newsroom.story.Picture;
import newsroom.story.PictureCatalog;
import newsroom.story.PictureUses;

/**
 * The pictures of a deleted story that no other story shows: their renditions, their card and
 * the object at their src leave the site and the CDN, and the catalog forgets them. A picture another story
 * still shows stays whole.
 */
public final class OrphanedPictures {
    private final PictureCatalog catalog;
    private final PictureUses uses;
    private final SiteBucket site;
    private final InvalidationQueue invalidations;

    public OrphanedPictures(
            PictureCatalog catalog, PictureUses uses, SiteBucket site, InvalidationQueue invalidations) {
        this.catalog = catalog;
        this.uses = uses;
        this.site = site;
        this.invalidations = invalidations;
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
            List<String> paths = new java.util.ArrayList<>();
            paths.add(src);
            picture.ifPresent(p -> {
                p.renditions().forEach(r -> paths.add(r.src()));
                if (p.card() != null) paths.add(p.card().src());
            });
            // the files are cached for a year at the edge: the intent to drop them there is recorded
            // before they go, as for any page
            invalidations.record(paths);
            paths.forEach(path -> site.delete(path.substring(1)));
            if (picture.isPresent()) catalog.forget(src);
            removed.add(src);
        }
        return removed;
    }
}
