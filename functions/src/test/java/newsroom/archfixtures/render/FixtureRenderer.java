package newsroom.archfixtures.render;

/** Right: a service over its own port. */
public final class FixtureRenderer {
    private final FixtureBucket bucket;

    public FixtureRenderer(FixtureBucket bucket) {
        this.bucket = bucket;
    }

    public void render() {
        bucket.put("index.html");
    }
}
