package newsroom.story;

import java.util.Set;

/**
 * Which stories show which uploaded picture (a picture may be shown by several), kept with every
 * save and delete of a story: asked when a picture becomes ready, so the stories already showing
 * it show its renditions, and when a story is deleted, so a picture no other story shows goes too.
 */
public interface PictureUses {
    /** Uses that are not kept: no story learns of a picture that became ready after its save. */
    PictureUses NONE = new PictureUses() {
        @Override
        public Set<StoryId> storiesShowing(String src) {
            return Set.of();
        }

        @Override
        public void showReady(Picture picture) {}
    };

    Set<StoryId> storiesShowing(String src);

    /**
     * Tells every story that shows this ready picture: their translations list its renditions and
     * their pages are rendered again, as after an edit.
     */
    void showReady(Picture picture);
}
