package newsroom.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KazakhStemmerTest {
    static final KazakhStemmer KK = KazakhStemmer.load();

    @ParameterizedTest
    @CsvSource({
        // plural + locative, plural + genitive, possessive + case
        "ауруханаларда, аурухана",
        "ауруханалардың, аурухана",
        "ауруханасы, аурухана",
        "ауруханаға, аурухана",
        "ауруханадан, аурухана",
        "аурухана, аурухана",
        "ауруханаларымыз, аурухана",
        // front-vowel words take the front endings
        "мектептерде, мектеп",
        "мектептің, мектеп",
        // a stem-final п voiced before a vowel (мектебі) is the same stem
        "мектебі, мектеп",
        "қалада, қала",
        "қаланың, қала",
        "ашылған, ашыл",
    })
    void stripsCommonEndings(String word, String stem) {
        assertEquals(stem, KK.stem(word));
    }

    @ParameterizedTest
    @CsvSource({
        // a stem need not be a word: what counts is that the forms of one word meet
        "алматыдағы, алматы",
        "алматыда, алматы",
        "ашылды, ашылған",
        "оқушылардың, оқушы",
    })
    void formsOfOneWordMeet(String a, String b) {
        assertEquals(KK.stem(b), KK.stem(a));
    }

    @Test
    void anEndingOfTheOtherVowelRowIsNotStripped() {
        // "лер" is the front plural; "қала" is a back-vowel word, so "қалалер" is not its plural
        assertEquals("қалалер", KK.stem("қалалер"));
        assertEquals("қала", KK.stem("қалалар"));
    }

    @Test
    void shortWordsKeepTheirLetters() {
        assertEquals("су", KK.stem("су"));
        assertEquals("тау", KK.stem("тау"));
    }
}
