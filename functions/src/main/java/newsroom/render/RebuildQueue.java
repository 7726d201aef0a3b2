package newsroom.render;

import java.util.List;

/** Where a full rebuild's work is fanned out: each message names a batch of pages to render. */
public interface RebuildQueue {
    void send(List<String> messages);
}
