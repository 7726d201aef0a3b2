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

        @Override
        public void forget(String src) {}
    };

    void save(Picture picture);

    Optional<Picture> find(String src);

    /** Drops the picture's record, once its files are gone: a page must not name renditions that are not there. */
    void forget(String src);

    /** The pictures known among these srcs, by src; a store may read them together. */
    default java.util.Map<String, Picture> findAll(java.util.Collection<String> srcs) {
        java.util.Map<String, Picture> found = new java.util.LinkedHashMap<>();
        for (String src : srcs) find(src).ifPresent(p -> found.put(src, p));
        return found;
    }
}
