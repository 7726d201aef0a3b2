package newsroom.render;

import java.util.ArrayList;
import java.util.List;
import newsroom.site.Localization;

/** A language's search page: its script queries the index pieces in the bucket. */
final class SearchPage {
    private final PageFrame frame;

    SearchPage(PageFrame frame) {
        this.frame = frame;
    }

    Output render(Page.Search page) {
        String lang = page.lang();
        Localization l = frame.words(lang);
        List<Views.SearchLanguage> languages = new ArrayList<>();
        for (String other : frame.languagesStartingWith(lang)) {
            languages.add(new Views.SearchLanguage(other, l.word("lang.name." + other)));
        }
        String path = SitePaths.search(lang);
        Views.Search view = new Views.Search(
                frame.website(
                        lang,
                        l.word("search.title"),
                        l.word("search.title"),
                        path,
                        frame.switcher(lang, SitePaths::search),
                        frame.alternates(SitePaths::search)),
                l.word("search.title"),
                frame.assets().searchScriptPath(),
                languages);
        return new Output.Put(SitePaths.key(path), Templates.html("search.jte", view), Output.HTML, Output.SHORT);
    }
}
