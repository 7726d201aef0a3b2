package newsroom.render;

import newsroom.json.JsonArray;
import newsroom.json.JsonObject;

/**
 * A language's newest stories as JSON: readers' browsers put them in an article's latest-news block,
 * so a publish need not rewrite every article.
 */
final class LatestJson {
    private final PageFrame frame;
    private final SiteIndex index;

    LatestJson(PageFrame frame, SiteIndex index) {
        this.frame = frame;
        this.index = index;
    }

    Output render(Page.Latest page) {
        String lang = page.lang();
        JsonObject root = Templates.object();
        root.put("lang", lang);
        JsonArray items = root.putArray("items");
        for (Views.Teaser t : frame.teasers(index.newest(lang, ArticlePage.LATEST_SIZE))) {
            JsonObject item = items.addObject();
            item.put("title", t.title());
            item.put("url", t.href());
            item.put("dateTime", t.dateTime());
            item.put("isoDateTime", t.isoDateTime());
            item.put("excerpt", t.excerpt());
        }
        return new Output.Put(SitePaths.key(SitePaths.latest(lang)), Templates.json(root), Output.JSON, Output.SHORT);
    }
}
