package newsroom.image;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import newsroom.story.Picture;
import newsroom.story.PictureCatalog;

/** A fake of the picture catalog. */
final class InMemoryPictures implements PictureCatalog {
    final Map<String, Picture> pictures = new ConcurrentHashMap<>();

    @Override
    public void save(Picture picture) {
        pictures.put(picture.src(), picture);
    }

    @Override
    public void forget(String src) {
        pictures.remove(src);
    }

    @Override
    public Optional<Picture> find(String src) {
        return Optional.ofNullable(pictures.get(src));
    }
}
