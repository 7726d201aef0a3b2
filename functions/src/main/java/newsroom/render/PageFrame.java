package newsroom.render;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import newsroom.site.Config;
import newsroom.site.Localization;
import newsroom.story.Picture;
import newsroom.story.Story;
import newsroom.story.Translation;

/**
 * What every page of the site has, whatever its kind: the head (title, description, canonical URL,
 * hreflang alternates, stylesheet and scripts), the header (today's date, the categories), the
 * language switcher and the words of each language. It reads nothing from the index, so one frame
 * serves every batch.
 */
final class PageFrame {
    private final Config config;
    private final Assets assets;
    private final SitePaths paths;
    private final Map<String, Localization> words = new LinkedHashMap<>();
    private final Map<String, Views.Calendar> calendars = new LinkedHashMap<>();

    PageFrame(Config config, Assets assets) {
        this.config = config;
        this.assets = assets;
        this.paths = new SitePaths(config.siteUrl());
        for (String lang : config.languages()) {
            Localization l = Localization.of(lang, config.zone());
            words.put(lang, l);
            calendars.put(lang, calendar(l));
        }
    }

    Config config() {
        return config;
    }

    Assets assets() {
        return assets;
    }

    SitePaths paths() {
        return paths;
    }

    List<String> languages() {
        return config.languages();
    }

    ZoneId zone() {
        return config.zone();
    }

    Localization words(String lang) {
        return words.get(lang);
    }

    /**
     * The header date's pattern, found by writing a known day with the language's own pattern and
     * naming its parts; a pattern whose parts cannot be found leaves the header date out.
     */
    static Views.Calendar calendar(Localization l) {
        // Saturday, 15 August 2020: no part of it can be mistaken for another
        LocalDate sample = LocalDate.of(2020, 8, 15);
        String weekday = DateTimeFormatter.ofPattern("EEEE", l.locale()).format(sample);
        String month = DateTimeFormatter.ofPattern("MMMM", l.locale()).format(sample);
        String pattern = l.headerDate(sample)
                .replace("2020", "{y}")
                .replace(weekday, "{w}")
                .replace(month, "{m}")
                .replace("15", "{d}");
        boolean complete = pattern.contains("{y}")
                && pattern.contains("{w}")
                && pattern.contains("{m}")
                && pattern.contains("{d}");
        List<String> weekdays = new ArrayList<>();
        LocalDate monday = LocalDate.of(2020, 8, 10);
        for (int i = 0; i < 7; i++) {
            weekdays.add(DateTimeFormatter.ofPattern("EEEE", l.locale()).format(monday.plusDays(i)));
        }
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(DateTimeFormatter.ofPattern("MMMM", l.locale()).format(LocalDate.of(2020, m, 1)));
        }
        return new Views.Calendar(
                complete ? pattern : "",
                String.join(",", weekdays),
                String.join(",", months),
                l.zone().getId());
    }

    /** The frame of a page that is not an article: an Open Graph "website" without an image. */
    Views.Frame website(
            String lang,
            String title,
            String description,
            String path,
            List<Views.Switch> switcher,
            List<Views.Alternate> alternates) {
        return frame(lang, title, description, path, switcher, alternates, "website", null, 0, 0, null);
    }

    /** A page's frame; a page without a path (the 404 pages) has no canonical URL. */
    Views.Frame frame(
            String lang,
            String title,
            String description,
            String path,
            List<Views.Switch> switcher,
            List<Views.Alternate> alternates,
            String ogType,
            String imageUrl,
            int imageWidth,
            int imageHeight,
            String jsonLd) {
        Localization l = words.get(lang);
        List<Views.Link> categories = new ArrayList<>();
        for (String c : config.categories()) categories.add(categoryLink(lang, c));
        return new Views.Frame(
                lang,
                l,
                title,
                description,
                path == null ? null : paths.url(path),
                switcher,
                alternates,
                assets.stylesheetPath(),
                assets.scriptPath(),
                assets.prefsScriptPath(),
                calendars.get(lang),
                categories,
                ogType,
                imageUrl,
                imageWidth,
                imageHeight,
                jsonLd);
    }

    /** The switcher of an article: the same story in each language, else that language's home. */
    List<Views.Switch> switcher(Story story, String current) {
        List<Views.Switch> switches = new ArrayList<>();
        for (String lang : config.languages()) {
            String href = story.translation(lang)
                    .filter(Translation::isPublished)
                    .map(SitePaths::article)
                    .orElse(SitePaths.home(lang));
            switches.add(switchTo(lang, href, current));
        }
        return switches;
    }

    /** The switcher of a page every language has: the same page in each. */
    List<Views.Switch> switcher(String current, Function<String, String> samePageIn) {
        List<Views.Switch> switches = new ArrayList<>();
        for (String lang : config.languages()) switches.add(switchTo(lang, samePageIn.apply(lang), current));
        return switches;
    }

    /** The switcher that leads to each language's home. */
    List<Views.Switch> homes(String current) {
        return switcher(current, SitePaths::home);
    }

    /** The alternates of a page every language has, the default language's for x-default. */
    List<Views.Alternate> alternates(Function<String, String> samePageIn) {
        List<Views.Alternate> alternates = new ArrayList<>();
        for (String lang : config.languages()) {
            alternates.add(new Views.Alternate(lang, paths.url(samePageIn.apply(lang))));
        }
        alternates.add(new Views.Alternate("x-default", paths.url(samePageIn.apply(config.defaultLanguage()))));
        return alternates;
    }

    /** One entry of a switcher, named in its own language. */
    Views.Switch switchTo(String lang, String href, String current) {
        Localization w = words.get(lang);
        return new Views.Switch(lang, w.word("lang." + lang), w.word("lang.name." + lang), href, lang.equals(current));
    }

    Views.Link categoryLink(String lang, String category) {
        return new Views.Link(words.get(lang).word("category." + category), SitePaths.category(lang, category));
    }

    Views.Link monthLink(String lang, YearMonth month, String label) {
        return new Views.Link(label, SitePaths.month(lang, month));
    }

    /**
     * How wide a teaser's image is shown (site.css): a card's width in the grid from 40rem, a
     * thumbnail beside the text below it, so a phone takes the smallest rendition.
     */
    static final String TEASER_IMAGE_SIZES = "(min-width: 40rem) 22rem, 6.5rem";

    /** How wide the lead's image is shown (site.css): beside its text from 60rem, else the column. */
    static final String LEAD_IMAGE_SIZES = "(min-width: 72rem) 42rem, (min-width: 60rem) 58vw, calc(100vw - 2rem)";

    /** The widths a teaser offers: enough for a card on a dense screen, nothing a list does not need. */
    static final int TEASER_MAX_WIDTH = 960;

    /** The stories' articles in a list, with their pictures' small renditions. */
    List<Views.Teaser> teasers(List<Entry> entries) {
        return teasers(entries, false);
    }

    /** As {@link #teasers(List)}, the first shown as the lead: its picture large and loaded at once. */
    List<Views.Teaser> teasers(List<Entry> entries, boolean firstLeads) {
        List<Views.Teaser> teasers = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Translation t = e.translation();
            Localization l = words.get(t.lang());
            boolean lead = firstLeads && teasers.isEmpty();
            Optional<Views.Figure> image = e.listedPicture()
                    .map(p -> lead
                            ? Views.Figure.of(p.renditions(), altText(t), null, LEAD_IMAGE_SIZES)
                            : Views.Figure.of(small(p.renditions()), altText(t), null, TEASER_IMAGE_SIZES));
            teasers.add(new Views.Teaser(
                    t.title(),
                    SitePaths.article(t),
                    l.dateTime(t.publishedAt()),
                    l.isoDateTime(t.publishedAt()),
                    e.excerpt(),
                    image,
                    lead));
        }
        return teasers;
    }

    /** The renditions up to a teaser's widest, or the narrowest where all are wider. */
    private static List<Picture.Rendition> small(List<Picture.Rendition> renditions) {
        List<Picture.Rendition> small =
                renditions.stream().filter(r -> r.width() <= TEASER_MAX_WIDTH).toList();
        return small.isEmpty() ? List.of(renditions.get(0)) : small;
    }

    /** An image's text alternative: the one staff gave, else its caption, which describes it. */
    static String altText(Translation t) {
        if (t.imageAlt() != null && !t.imageAlt().isBlank()) return t.imageAlt();
        return t.caption() == null ? "" : t.caption();
    }

    /** The site's languages, this one first. */
    List<String> languagesStartingWith(String first) {
        List<String> ordered = new ArrayList<>();
        ordered.add(first);
        for (String other : config.languages()) if (!other.equals(first)) ordered.add(other);
        return ordered;
    }

    YearMonth monthOf(Entry e) {
        return YearMonth.from(e.publishedAt().atZone(config.zone()));
    }

    /** The first instant of a month in the site's time zone. */
    Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(config.zone()).toInstant();
    }
}
