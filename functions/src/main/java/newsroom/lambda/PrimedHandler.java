package newsroom.lambda;

/**
 * A handler that SnapStart's snapshot should hold warm: before the checkpoint it runs its own path
 * on synthetic input ({@link #prime}), reading what it may and writing nothing. After a restore
 * there is nothing to renew: the clients hold no connection across a snapshot that they do not
 * reopen.
 */
interface PrimedHandler extends org.crac.Resource {
    /** Runs the handler's path once without its writes; returns how much it did, or -1 when a step failed. */
    int prime();

    @Override
    default void beforeCheckpoint(org.crac.Context<? extends org.crac.Resource> context) {
        prime();
    }

    @Override
    default void afterRestore(org.crac.Context<? extends org.crac.Resource> context) {}
}
