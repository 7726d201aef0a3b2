package newsroom.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "A New Director of Health Care Appointed in Almaty! | a-new-director-of-health-care-appointed-in-almaty",
                "Новый руководитель управления здравоохранения назначен в Алматы"
                        + " | novyy-rukovoditel-upravleniya-zdravookhraneniya-naznachen-v-almaty",
                "Алматыда жаңа саябақ ашылды | almatyda-zhana-sayabaq-ashyldy",
            })
    void titleInEachLanguageBecomesReadableLatin(String title, String slug) {
        assertEquals(slug, Slugs.fromTitle(title));
    }

    @Test
    void everyRussianLetterIsTransliterated() {
        assertEquals(
                "sesh-zhe-eshche-etikh-myagkikh-frantsuzskikh-bulok-da-vypey-chayu",
                Slugs.fromTitle("Съешь же ещё этих мягких французских булок, да выпей чаю"));
    }

    @Test
    void kazakhLettersBeyondRussianAreTransliterated() {
        assertEquals("aa-gg-qq-nn-oo-uu-uu-hh-ii", Slugs.fromTitle("Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі"));
    }

    @Test
    void shortIYIsYEvenWhenTypedAsLetterPlusBreve() {
        assertEquals("novyy-god", Slugs.fromTitle("Новыи\u0306 год"));
        assertEquals("elka", Slugs.fromTitle("Ёлка"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Café crème à São Paulo — Ünïcödé | cafe-creme-a-sao-paulo-unicode",
                "Straße & Øresund | strasse-oresund",
                "İstanbul | istanbul",
                "ＡＬＭＡＴＹ ﬁnance | almaty-finance",
            })
    void latinAccentsAndCompatibilityFormsAreFlattened(String title, String slug) {
        assertEquals(slug, Slugs.fromTitle(title));
    }

    @Test
    void digitsStayAndEveryOtherRunBecomesOneHyphen() {
        assertEquals("covid-19-2-000-000-vaccinated", Slugs.fromTitle("  COVID-19:  2 000 000 — vaccinated!! "));
    }

    @Test
    void emojiAreDropped() {
        assertEquals("prazdnik-v-almaty", Slugs.fromTitle("🎉 Праздник 🎉 в Алматы 🇰🇿"));
    }

    @Test
    void rightToLeftScriptsAreDropped() {
        assertEquals("story", Slugs.fromTitle("مرحبا بالعالم"));
        assertEquals("almaty-2024", Slugs.fromTitle("Almaty אלמטי 2024"));
    }

    @Test
    void pathTraversalBecomesPlainWords() {
        assertEquals("etc", Slugs.fromTitle("../../etc"));
        assertEquals("etc-passwd", Slugs.fromTitle("../../etc/passwd"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!! ??? ...", "—«»—", "🎉🎉"})
    void titleWithNothingUsableBecomesStory(String title) {
        assertEquals("story", Slugs.fromTitle(title));
    }

    @Test
    void longTitleIsCutBetweenWords() {
        String slug = Slugs.fromTitle("transport ".repeat(20));
        assertEquals(String.join("-", java.util.Collections.nCopies(8, "transport")), slug);
        assertEquals(79, slug.length());
    }

    @Test
    void wordEndingAtEightyCharactersIsKept() {
        String title = "abcdefghij " + "abcdefghi ".repeat(7) + "more words";
        String slug = Slugs.fromTitle(title);
        assertEquals(80, slug.length());
        assertTrue(slug.endsWith("-abcdefghi"), slug);
    }

    @Test
    void singleWordLongerThanEightyIsHardCut() {
        assertEquals("a".repeat(80), Slugs.fromTitle("a".repeat(100)));
        // transliteration makes a slug longer than its title: 30 letters, 120 characters
        assertEquals("shch".repeat(20), Slugs.fromTitle("щ".repeat(30)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Алматыда жаңа саябақ ашылды",
                "Съешь же ещё этих мягких французских булок",
                "../../etc",
                "🎉",
                "A very long English headline about the city budget that goes on and on and on and on",
                "Очень длинный заголовок о бюджете города, который всё тянется и тянется без конца и края",
            })
    void everySlugMadeFromATitleIsValid(String title) {
        assertTrue(Slugs.isValid(Slugs.fromTitle(title)), Slugs.fromTitle(title));
    }

    @ParameterizedTest
    @ValueSource(strings = {"new-park-opens", "2024", "a", "covid-19-news"})
    void wellFormedSlugsAreValid(String slug) {
        assertTrue(Slugs.isValid(slug));
    }

    @Test
    void slugOfEightyCharactersIsValidAndOfEightyOneIsNot() {
        assertTrue(Slugs.isValid("a".repeat(80)));
        assertFalse(Slugs.isValid("a".repeat(81)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "-news",
                "news-",
                "new--park",
                "News",
                "new_park",
                "new park",
                "../etc",
                "etc/passwd",
                "новость",
                "café",
                "news\n"
            })
    void malformedSlugsAreInvalid(String slug) {
        assertFalse(Slugs.isValid(slug));
    }
}
