package newsroom.render;

import java.util.ArrayList;
import java.util.List;
import newsroom.site.Localization;

/**
 * A 404 page in every language, the asked-for one first: the CDN answers a missing path of any
 * language with the one at the root, which speaks the default language first.
 */
final class NotFoundPage {
    private final PageFrame frame;

    NotFoundPage(PageFrame frame) {
        this.frame = frame;
    }

    Output render(Page.NotFound page) {
        return render(page.lang(), SitePaths.notFound(page.lang()));
    }

    Output render(Page.RootNotFound page) {
        return render(frame.config().defaultLanguage(), SitePaths.rootNotFound());
    }

    private Output render(String lang, String path) {
        Localization l = frame.words(lang);
        List<Views.InLanguage> parts = new ArrayList<>();
        for (String other : frame.languagesStartingWith(lang)) {
            Localization w = frame.words(other);
            parts.add(new Views.InLanguage(
                    other,
                    w.word("notFound.title"),
                    w.word("notFound.text"),
                    List.of(
                            new Views.Link(w.word("nav.home"), SitePaths.home(other)),
                            new Views.Link(w.word("nav.allNews"), SitePaths.allNews(other)))));
        }
        Views.Multilingual view = new Views.Multilingual(
                // no path: a 404 page has no canonical address and is not to be indexed
                frame.website(
                        lang, l.word("notFound.title"), l.word("notFound.text"), null, frame.homes(lang), List.of()),
                l.word("notFound.title"),
                parts);
        return new Output.Put(SitePaths.key(path), Templates.html("multilingual.jte", view), Output.HTML, Output.SHORT);
    }
}
