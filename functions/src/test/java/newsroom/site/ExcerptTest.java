package newsroom.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void shortTextComesBackWithWhiteSpaceCollapsed() {
        assertEquals("Алматыда жаңа саябақ ашылды", Excerpt.of("  Алматыда \n жаңа\t\tсаябақ\r\nашылды  ", 100));
    }

    @Test
    void unicodeSpacesCollapseToo() {
        // no-break space, em space, line separator
        assertEquals("15 августа 2020 года", Excerpt.of("15\u00a0августа\u2003 2020\u2028года", 100));
    }

    @Test
    void textOfExactlyMaxCharsIsNotShortened() {
        String text = "Almaty news today";
        assertEquals(text, Excerpt.of(text, text.length()));
    }

    @Test
    void longEnglishTextEndsAtTheLastWholeWordThatFits() {
        assertEquals(
                "Almaty governor presented a...",
                Excerpt.of("Almaty governor presented a new director of the health care department", 30));
    }

    @Test
    void longRussianTextEndsAtTheLastWholeWordThatFits() {
        assertEquals(
                "Аким города провёл...", Excerpt.of("Аким города провёл встречу с жителями Медеуского района", 20));
    }

    @Test
    void wordEndingExactlyAtTheLimitIsKept() {
        assertEquals("Almaty news...", Excerpt.of("Almaty news today", 11));
    }

    @Test
    void wordWhoseOnlyItsPunctuationOverrunsIsKeptWithoutIt() {
        String kazakh = "Алматыда жаңа саябақ ашылды, оған мыңдаған адам келді.";
        assertEquals("Алматыда жаңа саябақ ашылды...", Excerpt.of(kazakh, 27));
        assertEquals("Алматыда жаңа саябақ...", Excerpt.of(kazakh, 25));
    }

    @Test
    void trailingDashesColonsAndOpeningQuotesAreDropped() {
        assertEquals("Mayor said...", Excerpt.of("Mayor said — the park opens tomorrow", 12));
        assertEquals("Statement...", Excerpt.of("Statement: « The city will grow »", 12));
    }

    @Test
    void closingQuoteStaysSoThePairIsNotLeftOpen() {
        assertEquals("Проект «Зелёный город»...", Excerpt.of("Проект «Зелёный город» стартовал в Алматы", 22));
    }

    @Test
    void numbersAreNeverSplitAtTheirSeparators() {
        assertEquals("Salaries rose to...", Excerpt.of("Salaries rose to 199,416 tenge", 20));
    }

    @Test
    void singleWordLongerThanTheLimitIsHardCut() {
        assertEquals("Жаңалықт...", Excerpt.of("Жаңалықтаржаңалықтар", 8));
    }

    @Test
    void limitCountsCharactersNotUtf16Units() {
        String threeEmoji = "😀🎉🇰";
        assertEquals(threeEmoji, Excerpt.of(threeEmoji, 3));
    }

    @Test
    void hardCutNeverSplitsASurrogatePair() {
        String emoji = "😀😀😀😀😀😀";
        String excerpt = Excerpt.of(emoji, 3);
        assertEquals("😀😀😀...", excerpt);
        assertHasNoLoneSurrogate(excerpt);
        String mixed = Excerpt.of("a😀b😀c😀d😀", 4);
        assertEquals("a😀b😀...", mixed);
        assertHasNoLoneSurrogate(mixed);
    }

    @Test
    void hardCutKeepsALetterWithItsCombiningAccent() {
        // four "é" written as e + U+0301: cutting after three code points would orphan an accent
        assertEquals("e\u0301...", Excerpt.of("e\u0301e\u0301e\u0301e\u0301", 3));
    }

    @Test
    void limitBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Excerpt.of("text", 0));
    }

    private static void assertHasNoLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertFalse(i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)), text);
                i++;
            } else {
                assertFalse(Character.isLowSurrogate(c), text);
            }
        }
    }
}
