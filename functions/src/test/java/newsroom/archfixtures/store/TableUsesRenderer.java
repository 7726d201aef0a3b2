package newsroom.archfixtures.store;

import newsroom.archfixtures.render.FixtureRenderer;

/** Wrong: an adapter calling a service's workings rather than implementing its port. */
public final class TableUsesRenderer {
    public void render(FixtureRenderer renderer) {
        renderer.render();
    }
}
