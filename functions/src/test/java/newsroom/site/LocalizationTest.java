package newsroom.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalizationTest {
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    private static final List<String> REQUIRED_KEYS = List.of(
            "home.title",
            "news.title",
            "nav.home",
            "nav.allNews",
            "nav.previous",
            "nav.next",
            "nav.archive",
            "nav.categories",
            "nav.olderNews",
            "nav.newerNews",
            "skip.toContent",
            "nav.languages",
            "nav.story",
            "list.empty",
            "og.locale",
            "latest.title",
            "article.published",
            "article.dateline",
            "article.category",
            "footer.links",
            "notFound.title",
            "notFound.text",
            "feed.title",
            "feed.description",
            "lang.kk",
            "lang.ru",
            "lang.en",
            "lang.name.kk",
            "lang.name.ru",
            "lang.name.en",
            "month.archive.title",
            "category.title",
            "category.city",
            "category.health",
            "category.education",
            "category.transport",
            "category.culture",
            "category.economy",
            "pattern.publicationDate",
            "pattern.dateTime",
            "pattern.headerDate",
            "pattern.monthTitle");

    private static Localization in(String language) {
        return Localization.of(language, ALMATY);
    }

    @ParameterizedTest
    @CsvSource({
        "en, 17 October 2018",
        "ru, 17 октября 2018 г.",
        "kk, 17 қазан 2018",
    })
    void publicationDateIsTheLocalDayInTheLanguage(String language, String expected) {
        assertEquals(expected, in(language).publicationDate(Instant.parse("2018-10-17T06:00:00Z")));
    }

    @ParameterizedTest
    @CsvSource({
        "en, 20 July 2020",
        "ru, 20 июля 2020 г.",
        "kk, 20 шілде 2020",
    })
    void publicationDateIsTheDayInAlmatyNotInUtc(String language, String expected) {
        // 19 July in UTC, already 01:30 on 20 July in Almaty (UTC+6 in 2020)
        assertEquals(expected, in(language).publicationDate(Instant.parse("2020-07-19T19:30:00Z")));
    }

    @ParameterizedTest
    @CsvSource({
        "en, 20 July 2020 - 15:42",
        "ru, 20 июля 2020 - 15:42",
        "kk, 20 шілде 2020 - 15:42",
    })
    void dateTimeShowsTheAlmatyClockOf2020(String language, String expected) {
        assertEquals(expected, in(language).dateTime(Instant.parse("2020-07-20T09:42:00Z")));
    }

    @ParameterizedTest
    @CsvSource({
        "en, 10 January 2025 - 11:00",
        "ru, 10 января 2025 - 11:00",
        "kk, 10 қаңтар 2025 - 11:00",
    })
    void dateTimeFollowsAlmatysMoveToUtcPlusFiveIn2024(String language, String expected) {
        assertEquals(expected, in(language).dateTime(Instant.parse("2025-01-10T06:00:00Z")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Saturday, 15 August 2020",
                "ru | суббота, 15 августа 2020 г.",
                "kk | сенбі, 15 тамыз 2020",
            })
    void headerDateNamesTheWeekday(String language, String expected) {
        assertEquals(expected, in(language).headerDate(LocalDate.of(2020, 8, 15)));
    }

    @ParameterizedTest
    @CsvSource({
        "en, August 2020, October 2018",
        "ru, Август 2020, Октябрь 2018",
        "kk, Тамыз 2020, Қазан 2018",
    })
    void monthTitleIsTheCapitalisedNominativeMonth(String language, String august, String october) {
        assertEquals(august, in(language).monthTitle(YearMonth.of(2020, 8)));
        assertEquals(october, in(language).monthTitle(YearMonth.of(2018, 10)));
    }

    @Test
    void isoDateTimeCarriesAlmatysOffsetOfThatDayInWholeSeconds() {
        Localization en = in("en");
        assertEquals("2020-07-20T15:42:00+06:00", en.isoDateTime(Instant.parse("2020-07-20T09:42:00Z")));
        assertEquals("2025-01-10T11:00:07+05:00", en.isoDateTime(Instant.parse("2025-01-10T06:00:07.123456Z")));
    }

    @Test
    void datesFollowTheZoneGiven() {
        Localization utc = Localization.of("en", ZoneId.of("UTC"));
        assertEquals("19 July 2020 - 19:30", utc.dateTime(Instant.parse("2020-07-19T19:30:00Z")));
        assertEquals("2020-07-19T19:30:00Z", utc.isoDateTime(Instant.parse("2020-07-19T19:30:00Z")));
    }

    @ParameterizedTest
    @CsvSource({
        "en, Almaty City Administration, Latest news",
        "ru, Акимат города Алматы, Последние новости",
        "kk, Алматы қаласының әкімдігі, Соңғы жаңалықтар",
    })
    void wordsComeFromTheLanguagesOwnBundleReadAsUtf8(String language, String site, String latest) {
        Localization words = in(language);
        assertEquals(site, words.word("site.name"));
        assertEquals(latest, words.word("latest.title"));
        assertEquals("Қаз", words.word("lang.kk"));
        assertEquals("Русский", words.word("lang.name.ru"));
    }

    @Test
    void categoryNamesAreTranslated() {
        assertEquals("Health care", in("en").word("category.health"));
        assertEquals("Здравоохранение", in("ru").word("category.health"));
        assertEquals("Денсаулық сақтау", in("kk").word("category.health"));
    }

    @Test
    void formatFillsMessagePatterns() {
        Localization ru = in("ru");
        assertEquals(
                "Архив новостей: Август 2020", ru.format("month.archive.title", ru.monthTitle(YearMonth.of(2020, 8))));
        assertEquals("Category: Culture", in("en").format("category.title", "Culture"));
        assertEquals("Айдар: Көлік", in("kk").format("category.title", "Көлік"));
    }

    @Test
    void missingWordIsAnErrorNamingKeyAndLanguage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> in("kk").word("nav.nowhere"));
        assertTrue(e.getMessage().contains("nav.nowhere"), e.getMessage());
        assertTrue(e.getMessage().contains("kk"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> in("ru").format("nav.nowhere", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "tr", "uz"})
    void languageWithoutBundleIsRejected(String language) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> in(language));
        assertTrue(e.getMessage().contains(language), e.getMessage());
    }

    @Test
    void malformedLanguageTagIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> in(""));
        assertThrows(IllegalArgumentException.class, () -> in("!!"));
    }

    @Test
    void jvmDefaultLocaleNeverStandsInForALanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ru"));
            assertEquals("Алматы қаласының әкімдігі", in("kk").word("site.name"));
            assertEquals("Almaty City Administration", in("en").word("site.name"));
            // with the default fallback, "de" would have been served the Russian bundle
            assertThrows(IllegalArgumentException.class, () -> in("de"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void regionalTagUsesItsLanguagesBundle() {
        Localization words = Localization.of("kk-KZ", ALMATY);
        assertEquals("kk-KZ", words.language());
        assertEquals("Соңғы жаңалықтар", words.word("latest.title"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void languageAndLocaleAreTheOnesAskedFor(String language) {
        Localization words = in(language);
        assertEquals(language, words.language());
        assertEquals(Locale.forLanguageTag(language), words.locale());
    }

    @Test
    void everyBundleHasExactlyTheBaseBundlesKeys() throws IOException {
        Set<String> base = keysOf("messages.properties");
        assertTrue(base.containsAll(REQUIRED_KEYS), "base bundle lacks required keys");
        for (String language : LANGUAGES) {
            assertEquals(base, keysOf("messages_" + language + ".properties"), language);
        }
    }

    @Test
    void everyWordIsPresentAndNotBlankInEveryLanguage() throws IOException {
        for (String language : LANGUAGES) {
            Localization words = in(language);
            for (String key : keysOf("messages.properties")) {
                assertFalse(words.word(key).isBlank(), language + " " + key);
            }
        }
    }

    @Test
    void baseBundleIsTheEnglishOne() throws IOException {
        assertEquals(propertiesOf("messages.properties"), propertiesOf("messages_en.properties"));
    }

    private static Set<String> keysOf(String file) throws IOException {
        return new TreeSet<>(propertiesOf(file).stringPropertyNames());
    }

    // Read file by file: a bundle's keySet would include its parent's keys and hide a gap.
    private static Properties propertiesOf(String file) throws IOException {
        String resource = "/newsroom/site/" + file;
        try (InputStream in = LocalizationTest.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing " + resource);
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
