package newsroom.store;

import java.util.Collection;

/** The content delivery network in front of the bucket; told which paths changed. */
public interface Cdn {
    void invalidate(Collection<String> paths);
}
