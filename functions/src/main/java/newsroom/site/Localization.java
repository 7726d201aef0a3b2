package newsroom.site;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/** The words and dates of the site in one language, with times shown in the site's zone. */
public final class Localization {
    private static final String BUNDLE = "newsroom.site.messages";
    private static final String SITE_NAME = "site.name";

    // No fallback to the JVM's default locale: on a machine set to en_US, a missing kk bundle
    // would otherwise quietly serve English words under a Kazakh page.
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String language;
    private final Locale locale;
    private final ZoneId zone;
    private final ResourceBundle words;
    private final SiteSettings site;
    private final DateTimeFormatter publicationDate;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter headerDate;
    private final DateTimeFormatter monthTitle;

    private Localization(String language, Locale locale, ZoneId zone, ResourceBundle words) {
        this.language = language;
        this.locale = locale;
        this.zone = zone;
        this.words = words;
        this.site = SiteSettings.of(locale.getLanguage());
        // CLDR gives the month and day names; the order around them is ours, kept in the bundles,
        // because CLDR's own long formats ("2018 ж. 17 қазан", "October 17, 2018") are not the
        // newsroom's ("17 қазан 2018", "17 October 2018").
        this.publicationDate = pattern("pattern.publicationDate");
        this.dateTime = pattern("pattern.dateTime");
        this.headerDate = pattern("pattern.headerDate");
        this.monthTitle = pattern("pattern.monthTitle");
    }

    /**
     * The site in {@code languageTag} (a BCP 47 tag such as "kk"), showing times in {@code zone}.
     *
     * @throws IllegalArgumentException when no bundle of UI words exists for that language
     */
    public static Localization of(String languageTag, ZoneId zone) {
        Objects.requireNonNull(languageTag, "languageTag");
        Objects.requireNonNull(zone, "zone");
        Locale locale = Locale.forLanguageTag(languageTag);
        if (locale.getLanguage().isEmpty()) {
            throw new IllegalArgumentException("Not a language tag: '" + languageTag + "'");
        }
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, locale, NO_DEFAULT_LOCALE_FALLBACK);
        // The base bundle would answer for any language; a language nobody translated should stop
        // the start-up rather than publish English pages under its name.
        if (!words.getLocale().getLanguage().equals(locale.getLanguage())) {
            throw new IllegalArgumentException("No UI words for language '"
                    + languageTag
                    + "': "
                    + BUNDLE
                    + "_"
                    + locale.getLanguage()
                    + ".properties is missing");
        }
        return new Localization(languageTag, locale, zone, words);
    }

    /** The language tag this localization was made for, as used in the site's paths. */
    public String language() {
        return language;
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Who runs the site and how to reach them, in this language (site.json, not the bundles). */
    public SiteSettings site() {
        return site;
    }

    /**
     * The UI word or phrase stored under {@code key}. {@code site.name} is a site setting and is
     * answered from {@link #site()}, so that the name is kept in one place.
     *
     * @throws IllegalArgumentException when the bundle has no such key
     */
    public String word(String key) {
        if (SITE_NAME.equals(key)) return site.name();
        try {
            return words.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No UI word '" + key + "' for language '" + language + "'", e);
        }
    }

    /** The {@link MessageFormat} pattern under {@code key} with {@code args} filled in. */
    public String format(String key, Object... args) {
        // MessageFormat is not thread-safe, so one per call rather than a shared instance
        return new MessageFormat(word(key), locale).format(args);
    }

    /** The day a story was published, e.g. "17 October 2018", "17 октября 2018 г.". */
    public String publicationDate(Instant instant) {
        return publicationDate.format(instant.atZone(zone));
    }

    /** Date and time of a story in lists, e.g. "20 July 2020 - 15:42". */
    public String dateTime(Instant instant) {
        return dateTime.format(instant.atZone(zone));
    }

    /** Today's date in the page header, e.g. "Saturday, 15 August 2020". */
    public String headerDate(LocalDate date) {
        return headerDate.format(date);
    }

    /** A month archive's name, e.g. "August 2020", "Август 2020". */
    public String monthTitle(YearMonth month) {
        String title = monthTitle.format(month);
        // CLDR's Russian stand-alone month is lower case ("август"); here it starts a heading.
        return title.isEmpty()
                ? title
                : title.substring(0, title.offsetByCodePoints(0, 1)).toUpperCase(locale)
                        + title.substring(title.offsetByCodePoints(0, 1));
    }

    /**
     * The instant as an ISO 8601 date-time with the zone's offset, e.g. "2020-07-20T15:42:00+06:00",
     * for {@code <time datetime>} and structured data.
     */
    public String isoDateTime(Instant instant) {
        // whole seconds: readers and crawlers gain nothing from the fraction a clock happened to have
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    private DateTimeFormatter pattern(String key) {
        return DateTimeFormatter.ofPattern(word(key), locale);
    }

    @Override
    public String toString() {
        return "Localization[" + language + ", " + zone + "]";
    }
}
