package newsroom.archfixtures.render;

import newsroom.archfixtures.lambda.FixtureRoot;

/** Wrong: a service reaching up into the composition root. */
public final class RendererUsesRoot {
    public Object wiring() {
        return new FixtureRoot();
    }
}
