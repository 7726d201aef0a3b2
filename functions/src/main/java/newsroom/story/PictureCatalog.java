package newsroom.story;

import java.util.Optional;

/** Where the outcome of processing an upload is kept, by the src the upload was granted under. */
public interface PictureCatalog {
    /** A catalog that knows no pictures: pages then show images as they were uploaded. */
    PictureCatalog NONE = new PictureCatalog() {
        @Override
        public void save(Picture picture) {
            throw new UnsupportedOperationException("this catalog keeps nothing");
        }

        @Override
        public Optional<Picture> find(String src) {
            return Optional.empty();
        }
    };

    void save(Picture picture);

    Optional<Picture> find(String src);
}
