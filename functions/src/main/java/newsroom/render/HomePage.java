package newsroom.render;

import java.util.List;
import java.util.Optional;
import newsroom.site.Localization;

/** A language's home page: its newest story as the lead, the next ones, and the way to all news. */
final class HomePage {
    static final int SIZE = 10;

    private final PageFrame frame;
    private final SiteIndex index;

    HomePage(PageFrame frame, SiteIndex index) {
        this.frame = frame;
        this.index = index;
    }

    Output render(Page.Home page) {
        String lang = page.lang();
        Localization l = frame.words(lang);
        String path = SitePaths.home(lang);
        Views.Listing view = new Views.Listing(
                frame.website(
                        lang,
                        l.word("home.title"),
                        l.word("site.name"),
                        path,
                        frame.homes(lang),
                        frame.alternates(SitePaths::home)),
                l.word("home.title"),
                frame.teasers(index.newest(lang, SIZE), true),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new Views.Link(l.word("nav.allNews"), SitePaths.allNews(lang))),
                List.of());
        return new Output.Put(SitePaths.key(path), Templates.html("listing.jte", view), Output.HTML, Output.SHORT);
    }
}
