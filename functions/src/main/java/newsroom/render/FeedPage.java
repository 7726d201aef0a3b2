package newsroom.render;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import newsroom.site.Localization;
import newsroom.story.Translation;

/** A language's RSS 2.0 feed of its newest stories, with absolute links. */
final class FeedPage {
    static final int SIZE = 50;

    private final PageFrame frame;
    private final SiteIndex index;

    FeedPage(PageFrame frame, SiteIndex index) {
        this.frame = frame;
        this.index = index;
    }

    Output render(Page.Feed page) {
        String lang = page.lang();
        Localization l = frame.words(lang);
        SitePaths paths = frame.paths();
        List<Views.FeedItem> items = new ArrayList<>();
        for (Entry e : index.newest(lang, SIZE)) {
            Translation t = e.translation();
            items.add(new Views.FeedItem(
                    t.title(),
                    paths.url(SitePaths.article(t)),
                    t.lead().isEmpty() ? e.excerpt() : t.lead(),
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(t.publishedAt().atOffset(ZoneOffset.UTC)),
                    e.id().value() + "/" + lang));
        }
        Views.Feed feed = new Views.Feed(
                l.word("feed.title"),
                paths.url(SitePaths.home(lang)),
                paths.url(SitePaths.feed(lang)),
                l.word("feed.description"),
                lang,
                items);
        return new Output.Put(SitePaths.key(SitePaths.feed(lang)), Xml.feed(feed), Output.RSS, Output.SHORT);
    }
}
