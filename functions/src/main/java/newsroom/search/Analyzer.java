package newsroom.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Words to index terms, with the rules the search page's script applies to a query: Unicode NFC,
 * split on anything but letters and digits, lower case, ё folded to е, then the language's stemmer
 * (Snowball for Russian and English, our suffix table for Kazakh). Index and query must agree
 * exactly, or a word would not find itself; a test runs both over one word list.
 */
public final class Analyzer {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Shorter words are mostly particles and prepositions, and would fill the index. */
    public static final int MIN_WORD = 2;

    private static final KazakhStemmer KAZAKH = KazakhStemmer.load();
    // Snowball stemmers keep state while they work: one per thread
    private static final ThreadLocal<SnowballStemmer> RUSSIAN = ThreadLocal.withInitial(RussianStemmer::new);
    private static final ThreadLocal<SnowballStemmer> ENGLISH = ThreadLocal.withInitial(EnglishStemmer::new);

    private Analyzer() {}

    /** The folded words of a text, before stemming. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) return words;
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (String w : NOT_WORD.split(normalized)) {
            if (w.isEmpty()) continue;
            String folded = fold(w);
            if (folded.codePointCount(0, folded.length()) >= MIN_WORD) words.add(folded);
        }
        return words;
    }

    public static String fold(String word) {
        return word.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /** The index terms of a text in a language, in order, repeated as often as they occur. */
    public static List<String> terms(String lang, String text) {
        List<String> terms = new ArrayList<>();
        for (String w : words(text)) terms.add(stem(lang, w));
        return terms;
    }

    /** The stem of one folded word. */
    public static String stem(String lang, String folded) {
        // digits and mixed tokens (dates, numbers, codes) are kept as written
        if (!folded.codePoints().allMatch(Character::isLetter)) return folded;
        return switch (lang) {
            case "ru" -> snowball(RUSSIAN.get(), folded);
            case "en" -> snowball(ENGLISH.get(), folded);
            case "kk" -> KAZAKH.stem(folded);
            default -> folded;
        };
    }

    private static String snowball(SnowballStemmer stemmer, String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
