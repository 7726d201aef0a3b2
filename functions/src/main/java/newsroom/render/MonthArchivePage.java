package newsroom.render;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import newsroom.site.Localization;

/**
 * A language's stories of one month, leading to the nearest months before and after that have
 * stories; a month without stories has no page.
 */
final class MonthArchivePage {
    /** More stories than a newsroom publishes in a month in one language. */
    static final int LIMIT = 5000;

    private final PageFrame frame;
    private final SiteIndex index;

    MonthArchivePage(PageFrame frame, SiteIndex index) {
        this.frame = frame;
        this.index = index;
    }

    Output render(Page.MonthArchive page) {
        String lang = page.lang();
        YearMonth month = page.month();
        Localization l = frame.words(lang);
        String path = SitePaths.month(lang, month);
        Instant start = frame.startOf(month);
        Instant end = frame.startOf(month.plusMonths(1));
        List<Entry> items = index.between(lang, start, end, LIMIT);
        if (items.isEmpty()) return new Output.Remove(SitePaths.key(path));
        Optional<Views.Link> older = index.olderThan(lang, start, null).map(this::monthLink);
        Optional<Views.Link> newer =
                index.newerThan(lang, end.minusSeconds(1), null).map(this::monthLink);
        String title = l.format("month.archive.title", l.monthTitle(month));
        // the same month in another language exists only if something was published there then
        List<String> withArchive = new ArrayList<>();
        for (String other : frame.languages()) {
            if (other.equals(lang) || !index.between(other, start, end, 1).isEmpty()) {
                withArchive.add(other);
            }
        }
        SitePaths paths = frame.paths();
        List<Views.Switch> switcher = new ArrayList<>();
        List<Views.Alternate> alternates = new ArrayList<>();
        for (String other : frame.languages()) {
            boolean exists = withArchive.contains(other);
            switcher.add(frame.switchTo(other, exists ? SitePaths.month(other, month) : SitePaths.home(other), lang));
            if (exists) {
                alternates.add(new Views.Alternate(other, paths.url(SitePaths.month(other, month))));
            }
        }
        String defaultLanguage = frame.config().defaultLanguage();
        if (withArchive.contains(defaultLanguage)) {
            alternates.add(new Views.Alternate("x-default", paths.url(SitePaths.month(defaultLanguage, month))));
        }
        Views.Listing view = new Views.Listing(
                frame.website(lang, title, title, path, switcher, alternates),
                title,
                frame.teasers(items),
                older,
                newer,
                Optional.empty(),
                List.of());
        return new Output.Put(SitePaths.key(path), Templates.html("listing.jte", view), Output.HTML, Output.SHORT);
    }

    /** A link to the archive of the month an entry was published in, named by that month. */
    private Views.Link monthLink(Entry e) {
        YearMonth month = frame.monthOf(e);
        return frame.monthLink(e.lang(), month, frame.words(e.lang()).monthTitle(month));
    }
}
