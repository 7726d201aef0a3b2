package newsroom.archfixtures.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import newsroom.archfixtures.render.FixtureRenderer;
import newsroom.archfixtures.store.FixtureS3Bucket;

/** Right: the composition root wires a store adapter into a service and may see Lambda types. */
public final class FixtureRoot {
    public FixtureRenderer wire(Context context) {
        return new FixtureRenderer(new FixtureS3Bucket());
    }
}
