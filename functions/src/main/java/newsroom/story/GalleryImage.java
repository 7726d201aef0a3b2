package newsroom.story;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One picture of a story's gallery: where it lives on the site, and per language what its caption
 * says and what a reader who cannot see it is told instead. Unlike the lead image's words, which
 * belong to each translation, a gallery's words are kept with the picture they describe, so that
 * reordering the gallery moves them along in every language at once.
 */
public record GalleryImage(String src, Map<String, String> captions, Map<String, String> alts) {
    /** More pictures than this would make an article no one scrolls through; and items have a size limit. */
    public static final int MAX_PER_STORY = 20;

    public GalleryImage {
        captions = present(captions);
        alts = present(alts);
    }

    public Optional<String> caption(String lang) {
        return Optional.ofNullable(captions.get(lang));
    }

    public Optional<String> alt(String lang) {
        return Optional.ofNullable(alts.get(lang));
    }

    /** Blank words are no words: kept out, so "has a caption" means one a reader can read. */
    private static Map<String, String> present(Map<String, String> texts) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (texts != null) {
            texts.forEach((lang, text) -> {
                if (text != null && !text.isBlank()) kept.put(lang, text.strip());
            });
        }
        return Collections.unmodifiableMap(kept);
    }
}
