package newsroom.archfixtures.store;

import newsroom.archfixtures.render.FixtureBucket;

/** Right: an adapter implementing the renderer's port. */
public final class FixtureS3Bucket implements FixtureBucket {
    @Override
    public void put(String key) {}
}
