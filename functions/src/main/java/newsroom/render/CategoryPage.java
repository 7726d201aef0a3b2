package newsroom.render;

import java.util.List;
import java.util.Optional;
import newsroom.site.Localization;

/** A category's newest stories in one language; every category has its page, empty or not. */
final class CategoryPage {
    static final int SIZE = 50;

    private final PageFrame frame;
    private final SiteIndex index;

    CategoryPage(PageFrame frame, SiteIndex index) {
        this.frame = frame;
        this.index = index;
    }

    Output render(Page.Category page) {
        String lang = page.lang();
        String category = page.category();
        Localization l = frame.words(lang);
        String path = SitePaths.category(lang, category);
        String title = l.format("category.title", l.word("category." + category));
        Views.Listing view = new Views.Listing(
                frame.website(
                        lang,
                        title,
                        title,
                        path,
                        frame.switcher(lang, other -> SitePaths.category(other, category)),
                        frame.alternates(other -> SitePaths.category(other, category))),
                title,
                frame.teasers(index.inCategory(lang, category, SIZE)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of());
        return new Output.Put(SitePaths.key(path), Templates.html("listing.jte", view), Output.HTML, Output.SHORT);
    }
}
