package newsroom.render;

import java.util.List;
import java.util.Optional;

/**
 * The key value store the CDN's URL function reads to send a story's former addresses to its
 * current page (a CloudFront KeyValueStore in AWS). The renderer keeps it; {@link FormerAddresses}
 * says what its keys mean.
 */
public interface Redirects {
    Optional<String> get(String key);

    /** Applies the edits together, in order. */
    void update(List<Edit> edits);

    /** One change to the store. */
    sealed interface Edit {
        record Put(String key, String value) implements Edit {}

        record Remove(String key) implements Edit {}
    }

    /** For a site without a redirect store: nothing is kept, nothing redirects. */
    Redirects NONE = new Redirects() {
        @Override
        public Optional<String> get(String key) {
            return Optional.empty();
        }

        @Override
        public void update(List<Edit> edits) {}
    };
}
