package newsroom.local;

import java.util.ArrayList;
import java.util.List;

/**
 * What a part of the stack started, closed in the reverse order: a later part may use an earlier
 * one while it stops. A failure to close one does not keep the others open.
 */
final class Closer implements AutoCloseable {
    private final List<AutoCloseable> started = new ArrayList<>();

    <T extends AutoCloseable> T add(T closeable) {
        started.add(closeable);
        return closeable;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("closing: " + e.getClass().getSimpleName());
            }
        }
        started.clear();
    }
}
