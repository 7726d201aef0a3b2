package newsroom.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.store.InMemorySiteBucket;
import newsroom.story.Picture;
import newsroom.story.PictureUses;
import newsroom.story.StoryId;
import org.junit.jupiter.api.Test;

/** A deleted story's pictures leave the site only when no other story shows them. */
class OrphanedPicturesTest {
    static final String SHARED = "/media/2026/12/shared.jpg";
    static final String OWN = "/media/2026/12/own.jpg";

    final InMemorySiteBucket site = new InMemorySiteBucket();
    final InMemoryPictures pictures = new InMemoryPictures();
    final Map<String, Set<StoryId>> showing = new HashMap<>();
    final List<Picture> toldReady = new ArrayList<>();
    final PictureUses uses = new PictureUses() {
        @Override
        public Set<StoryId> storiesShowing(String src) {
            return showing.getOrDefault(src, Set.of());
        }

        @Override
        public void showReady(Picture picture) {
            toldReady.add(picture);
        }
    };
    final List<String> invalidated = new ArrayList<>();
    final OrphanedPictures orphans = new OrphanedPictures(pictures, uses, site, invalidated::addAll);

    Picture stored(String src) {
        String folder = src.substring(1, src.lastIndexOf('.')) + "/";
        Picture picture = Picture.ready(
                src,
                1000,
                750,
                List.of(
                        new Picture.Rendition("/" + folder + "480w-a.jpg", 480, 360),
                        new Picture.Rendition("/" + folder + "1000w-b.jpg", 1000, 750)),
                new Picture.Rendition("/" + folder + "card-c.jpg", 1000, 525));
        site.putIfChanged(src.substring(1), new byte[] {1}, "image/jpeg", "public");
        picture.renditions()
                .forEach(r -> site.putIfChanged(r.src().substring(1), new byte[] {1}, "image/jpeg", "public"));
        site.putIfChanged(picture.card().src().substring(1), new byte[] {1}, "image/jpeg", "public");
        pictures.save(picture);
        return picture;
    }

    @Test
    void aPictureNoOtherStoryShowsGoesWithItsRenditionsAndRecord() {
        stored(SHARED);
        stored(OWN);
        showing.put(SHARED, Set.of(StoryId.random()));

        assertEquals(List.of(OWN), orphans.afterStoryDeleted(List.of(SHARED, OWN)));

        assertEquals(List.of(), site.keys("media/2026/12/own"));
        assertEquals(
                List.of(
                        OWN,
                        "/media/2026/12/own/480w-a.jpg",
                        "/media/2026/12/own/1000w-b.jpg",
                        "/media/2026/12/own/card-c.jpg"),
                invalidated,
                "the CDN is told to drop every file of it");
        assertTrue(pictures.find(OWN).isEmpty(), "the catalog forgets it");
        assertEquals(4, site.keys("media/2026/12/shared").size(), "the shared picture stays whole");
        assertTrue(pictures.find(SHARED).isPresent());
    }

    @Test
    void anUnprocessedPictureLosesItsObjectAndPathsOutsideMediaAreLeftAlone() {
        site.putIfChanged("media/2026/12/pending.jpg", new byte[] {1}, "image/jpeg", "public");
        site.putIfChanged("index.html", new byte[] {1}, "text/html", "public");

        orphans.afterStoryDeleted(List.of("/media/2026/12/pending.jpg", "/index.html", "/media/../index.html"));

        assertEquals(List.of(), site.keys("media/"));
        assertEquals(List.of("index.html"), site.keys("index"));
    }
}
