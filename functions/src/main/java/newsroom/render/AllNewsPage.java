package newsroom.render;

import java.util.List;
import java.util.Optional;
import newsroom.site.Localization;

/** "All news" of a language: the newest stories, the head of the month archives. */
final class AllNewsPage {
    static final int SIZE = 20;

    private final PageFrame frame;
    private final SiteIndex index;

    AllNewsPage(PageFrame frame, SiteIndex index) {
        this.frame = frame;
        this.index = index;
    }

    Output render(Page.NewsHead page) {
        String lang = page.lang();
        Localization l = frame.words(lang);
        // one more than shown: "Older news" leads to the month of the first story left out, so it
        // appears only when there is something older, and its archive exists
        List<Entry> newest = index.newest(lang, SIZE + 1);
        List<Entry> items = newest.subList(0, Math.min(SIZE, newest.size()));
        Optional<Views.Link> older = newest.size() <= SIZE
                ? Optional.empty()
                : Optional.of(frame.monthLink(lang, frame.monthOf(newest.get(SIZE)), l.word("nav.olderNews")));
        String path = SitePaths.allNews(lang);
        Views.Listing view = new Views.Listing(
                frame.website(
                        lang,
                        l.word("news.title"),
                        l.word("news.title"),
                        path,
                        frame.switcher(lang, SitePaths::allNews),
                        frame.alternates(SitePaths::allNews)),
                l.word("news.title"),
                frame.teasers(items),
                older,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                // every month with stories, as the sitemap index knows them
                Sitemaps.months(index, frame, lang).stream()
                        .map(m -> frame.monthLink(lang, m, l.monthTitle(m)))
                        .toList());
        return new Output.Put(SitePaths.key(path), Templates.html("listing.jte", view), Output.HTML, Output.SHORT);
    }
}
