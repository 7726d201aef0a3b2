package newsroom.render;

import java.util.ArrayList;
import java.util.List;
import newsroom.site.Localization;

/** The site's address without a language: a choice of the languages' home pages. */
final class RootPage {
    private final PageFrame frame;

    RootPage(PageFrame frame) {
        this.frame = frame;
    }

    Output render(Page.Root page) {
        String lang = frame.config().defaultLanguage();
        Localization l = frame.words(lang);
        List<Views.InLanguage> parts = new ArrayList<>();
        for (String other : frame.languages()) {
            Localization w = frame.words(other);
            parts.add(new Views.InLanguage(
                    other,
                    w.word("site.name"),
                    w.word("home.title"),
                    List.of(new Views.Link(w.word("lang.name." + other), SitePaths.home(other)))));
        }
        Views.Multilingual view = new Views.Multilingual(
                // not a translation of the language homes, so no hreflang cluster of its own
                frame.website(
                        lang, l.word("site.name"), l.word("site.name"), SitePaths.root(), frame.homes(lang), List.of()),
                l.word("site.name"),
                parts);
        return new Output.Put(
                SitePaths.key(SitePaths.root()), Templates.html("multilingual.jte", view), Output.HTML, Output.SHORT);
    }
}
