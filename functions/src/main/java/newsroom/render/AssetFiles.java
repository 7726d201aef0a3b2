package newsroom.render;

import java.util.List;

/** The stylesheet, scripts and emblem under their content-hashed names, cached for good, and the favicon. */
final class AssetFiles {
    private final Assets assets;

    AssetFiles(Assets assets) {
        this.assets = assets;
    }

    List<Output> render(Page.Assets page) {
        return List.copyOf(assets.outputs());
    }
}
