package newsroom.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One message of the invalidation queue: which attempt it is and the paths, one a line. A queue
 * message holds up to {@value #PATHS_PER_MESSAGE} paths, far inside SQS's 256 KB.
 */
public record InvalidationMessage(int attempt, List<String> paths) {
    public static final int PATHS_PER_MESSAGE = 500;
    private static final String ATTEMPT = "attempt ";

    public InvalidationMessage {
        paths = List.copyOf(paths);
    }

    public String encode() {
        StringBuilder body = new StringBuilder(ATTEMPT).append(attempt).append('\n');
        for (String path : paths) body.append(path).append('\n');
        return body.toString();
    }

    /** Reads a message body; lines that are not paths are ignored rather than sent to the CDN. */
    public static InvalidationMessage decode(String body) {
        int attempt = 0;
        List<String> paths = new ArrayList<>();
        for (String line : (body == null ? "" : body).split("\n")) {
            String l = line.strip();
            if (l.startsWith(ATTEMPT)) {
                try {
                    attempt = Math.max(0, Integer.parseInt(l.substring(ATTEMPT.length())));
                } catch (NumberFormatException e) {
                    attempt = 0;
                }
            } else if (l.startsWith("/")) {
                paths.add(l);
            }
        }
        return new InvalidationMessage(attempt, paths);
    }

    /** The paths as messages of at most {@value #PATHS_PER_MESSAGE} paths each. */
    public static List<String> bodies(Collection<String> paths, int attempt) {
        List<String> all = List.copyOf(paths);
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PATHS_PER_MESSAGE) {
            bodies.add(new InvalidationMessage(
                            attempt, all.subList(from, Math.min(all.size(), from + PATHS_PER_MESSAGE)))
                    .encode());
        }
        return bodies;
    }
}
