package newsroom.render;

import java.util.List;
import java.util.Optional;
import newsroom.site.Localization;

/** What the templates receive: plain values, already localized and formatted. */
public final class Views {
    private Views() {}

    /**
     * What every HTML page shares: head metadata, header and footer. A page that is not meant to be
     * found by search engines (the 404 pages) has no canonical URL and is marked noindex.
     */
    public record Frame(
            String lang,
            Localization words,
            String title,
            String description,
            String canonicalUrl,
            List<Switch> switcher,
            List<Alternate> alternates,
            String stylesheet,
            String script,
            String prefsScript,
            Calendar today,
            List<Link> categories,
            String ogType,
            String imageUrl,
            int imageWidth,
            int imageHeight,
            String jsonLd) {
        public boolean indexed() {
            return canonicalUrl != null;
        }

        /** The header's and footer's links: the page's language's home, lists, search and feed. */
        public String homePath() {
            return SitePaths.home(lang);
        }

        public String allNewsPath() {
            return SitePaths.allNews(lang);
        }

        public String searchPath() {
            return SitePaths.search(lang);
        }

        public String feedPath() {
            return SitePaths.feed(lang);
        }

        public String latestPath() {
            return SitePaths.latest(lang);
        }
    }

    /**
     * What the reader's browser needs to write today's date in the header in the page's language,
     * whatever locale data the browser has: the words come from the site, the day from the clock. A
     * page rendered today is then still right tomorrow.
     *
     * @param pattern e.g. "{w}, {d} {m} {y}": weekday, day of month, month, year
     * @param weekdays the weekdays' names from Monday, comma-separated
     * @param months the months' names as they stand in a date, from January, comma-separated
     * @param zone the site's time zone, e.g. "Asia/Almaty"
     */
    public record Calendar(String pattern, String weekdays, String months, String zone) {}

    /** One entry of the language switcher: where the same story (or that language's home) is. */
    public record Switch(String lang, String label, String name, String href, boolean current) {}

    public record Alternate(String hreflang, String href) {}

    public record Link(String label, String href) {}

    /**
     * A story in a list: title, when, the first words, and its picture where the list knows one; the
     * lead (the home page's newest story) shows it large and loads it at once.
     */
    public record Teaser(
            String title,
            String href,
            String dateTime,
            String isoDateTime,
            String excerpt,
            Optional<Figure> image,
            boolean lead) {
        public Teaser(String title, String href, String dateTime, String isoDateTime, String excerpt) {
            this(title, href, dateTime, isoDateTime, excerpt, Optional.empty(), false);
        }
    }

    public record Article(
            Frame frame,
            String title,
            String dateline,
            String publicationDate,
            String isoDateTime,
            String lead,
            String bodyHtml,
            Optional<Figure> figure,
            List<Figure> gallery,
            Link category,
            Optional<Link> older,
            Optional<Link> newer,
            Link allNews,
            List<Teaser> latest) {}

    /**
     * A story's image: with its renditions, {@code srcset} and {@code sizes} let the browser pick
     * the smallest that fills the column, and {@code width}/{@code height} reserve its space
     * before it arrives; without them (not yet processed, or from before processing), the image
     * as it was uploaded.
     */
    public record Figure(String src, String alt, String caption, int width, int height, String srcset, String sizes) {
        public Figure(String src, String alt, String caption) {
            this(src, alt, caption, 0, 0, null, null);
        }

        static Figure of(newsroom.story.Picture picture, String alt, String caption, String sizes) {
            return of(picture.renditions(), alt, caption, sizes);
        }

        /** A figure offering only {@code renditions} (narrowest first), its fallback the widest. */
        static Figure of(List<newsroom.story.Picture.Rendition> renditions, String alt, String caption, String sizes) {
            var largest = renditions.get(renditions.size() - 1);
            String srcset = renditions.stream()
                    .map(r -> r.src() + " " + r.width() + "w")
                    .collect(java.util.stream.Collectors.joining(", "));
            return new Figure(largest.src(), alt, caption, largest.width(), largest.height(), srcset, sizes);
        }

        public boolean responsive() {
            return srcset != null;
        }
    }

    /**
     * A list of stories: {@code older} and {@code newer} page through the archive, {@code more} leads
     * from a short list to the full one, {@code months} (on All news) to every month's archive.
     */
    public record Listing(
            Frame frame,
            String heading,
            List<Teaser> items,
            Optional<Link> older,
            Optional<Link> newer,
            Optional<Link> more,
            List<Teaser> latest,
            List<Link> months) {
        public Listing {
            months = List.copyOf(months);
        }

        /** A list that does not lead to the month archives. */
        public Listing(
                Frame frame,
                String heading,
                List<Teaser> items,
                Optional<Link> older,
                Optional<Link> newer,
                Optional<Link> more,
                List<Teaser> latest) {
            this(frame, heading, items, older, newer, more, latest, List.of());
        }
    }

    /**
     * A page that speaks every language of the site at once: the language chooser at {@code /} and
     * the 404 pages, which the CDN serves for a missing path of any language.
     */
    public record Multilingual(Frame frame, String heading, List<InLanguage> parts) {}

    /** One language's part of a multilingual page. */
    public record InLanguage(String lang, String heading, String text, List<Link> links) {}

    /**
     * The search page. The script reads its words from data attributes, so that one script serves
     * every language; {@code languages} are the site's, the page's own first.
     *
     * @param script the search script's content-hashed path
     */
    public record Search(Frame frame, String heading, String script, List<SearchLanguage> languages) {}

    /** A language the search page can look in, named in the page's language. */
    public record SearchLanguage(String lang, String name) {}

    /** A feed item, with absolute URLs. */
    public record FeedItem(String title, String url, String description, String rfc1123Date, String guid) {}

    public record Feed(
            String title, String siteUrl, String selfUrl, String description, String lang, List<FeedItem> items) {}

    public record SitemapUrl(String loc, String lastmod, List<Alternate> alternates) {}

    public record NewsUrl(String loc, String lang, String title, String isoDateTime, String publication) {}
}
