package newsroom.render;

/**
 * Which batches of a full rebuild are still to be written, kept outside the function so that the
 * batch that finishes a rebuild knows it, however the batches are spread over invocations.
 */
public interface RebuildProgress {
    /** Starts a rebuild of {@code batches} batches (again, from the start, for a retried plan). */
    void start(String rebuild, int batches);

    /**
     * Marks a batch written; true when no batch of the rebuild is left. Asked again for the same
     * batch (a retried message) it answers the same, so the last batch's retry still ends the
     * rebuild.
     */
    boolean finish(String rebuild, int batch);
}
