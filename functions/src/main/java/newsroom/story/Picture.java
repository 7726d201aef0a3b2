package newsroom.story;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What became of an uploaded image, under the src a story names it by: refused (and why), or the
 * renditions readers get instead of the upload, each an immutable object of known size.
 */
public record Picture(
        String src, Status status, String reason, int width, int height, List<Rendition> renditions, Rendition card) {

    public enum Status {
        READY,
        REFUSED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One stored rendition: where it is served from and its exact pixel size. */
    public record Rendition(String src, int width, int height) {}

    public Picture {
        renditions = renditions == null
                ? List.of()
                : renditions.stream()
                        .sorted(Comparator.comparingInt(Rendition::width))
                        .toList();
    }

    public static Picture refused(String src, String reason) {
        return new Picture(src, Status.REFUSED, reason, 0, 0, List.of(), null);
    }

    public static Picture ready(String src, int width, int height, List<Rendition> renditions, Rendition card) {
        if (renditions.isEmpty()) throw new IllegalArgumentException("a ready picture has renditions");
        return new Picture(src, Status.READY, null, width, height, renditions, card);
    }

    public boolean ready() {
        return status == Status.READY;
    }

    /** The largest rendition: the fallback {@code src} of an {@code <img>}. */
    public Optional<Rendition> largest() {
        return renditions.isEmpty() ? Optional.empty() : Optional.of(renditions.get(renditions.size() - 1));
    }

    /** The smallest rendition at least {@code width} pixels wide, else the largest there is. */
    public Optional<Rendition> atLeast(int width) {
        return renditions.stream().filter(r -> r.width() >= width).findFirst().or(this::largest);
    }
}
