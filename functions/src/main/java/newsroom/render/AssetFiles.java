package newsroom.render;

import java.util.List;

/** The stylesheet and scripts under their content-hashed names, cached for good. */
final class AssetFiles {
    private final Assets assets;

    AssetFiles(Assets assets) {
        this.assets = assets;
    }

    List<Output> render(Page.Assets page) {
        return List.of(
                file(assets.stylesheetPath(), assets.stylesheet(), "text/css; charset=utf-8"),
                file(assets.scriptPath(), assets.script(), "text/javascript; charset=utf-8"),
                file(assets.prefsScriptPath(), assets.prefsScript(), "text/javascript; charset=utf-8"),
                file(assets.searchScriptPath(), assets.searchScript(), "text/javascript; charset=utf-8"));
    }

    private static Output file(String path, byte[] body, String contentType) {
        return new Output.Put(SitePaths.key(path), body, contentType, Output.IMMUTABLE);
    }
}
