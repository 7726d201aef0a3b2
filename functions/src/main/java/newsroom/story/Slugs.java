package newsroom.story;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Makes and checks the URL names of stories: lower-case Latin words joined by hyphens. */
public final class Slugs {
    public static final int MAX_LENGTH = 80;
    private static final String FALLBACK = "story";

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern NOT_SLUG_CHARACTERS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    // Russian after the common passport-like scheme, plus the letters Kazakh adds; and Latin
    // letters that Unicode decomposition leaves alone, so they do not become hyphens.
    private static final Map<Character, String> LATIN = Map.ofEntries(
            Map.entry('а', "a"),
            Map.entry('б', "b"),
            Map.entry('в', "v"),
            Map.entry('г', "g"),
            Map.entry('д', "d"),
            Map.entry('е', "e"),
            Map.entry('ё', "e"),
            Map.entry('ж', "zh"),
            Map.entry('з', "z"),
            Map.entry('и', "i"),
            Map.entry('й', "y"),
            Map.entry('к', "k"),
            Map.entry('л', "l"),
            Map.entry('м', "m"),
            Map.entry('н', "n"),
            Map.entry('о', "o"),
            Map.entry('п', "p"),
            Map.entry('р', "r"),
            Map.entry('с', "s"),
            Map.entry('т', "t"),
            Map.entry('у', "u"),
            Map.entry('ф', "f"),
            Map.entry('х', "kh"),
            Map.entry('ц', "ts"),
            Map.entry('ч', "ch"),
            Map.entry('ш', "sh"),
            Map.entry('щ', "shch"),
            Map.entry('ъ', ""),
            Map.entry('ы', "y"),
            Map.entry('ь', ""),
            Map.entry('э', "e"),
            Map.entry('ю', "yu"),
            Map.entry('я', "ya"),
            Map.entry('ә', "a"),
            Map.entry('ғ', "g"),
            Map.entry('қ', "q"),
            Map.entry('ң', "n"),
            Map.entry('ө', "o"),
            Map.entry('ұ', "u"),
            Map.entry('ү', "u"),
            Map.entry('һ', "h"),
            Map.entry('і', "i"),
            Map.entry('ß', "ss"),
            Map.entry('æ', "ae"),
            Map.entry('œ', "oe"),
            Map.entry('ø', "o"),
            Map.entry('ł', "l"),
            Map.entry('đ', "d"),
            Map.entry('ð', "d"),
            Map.entry('þ', "th"),
            Map.entry('ı', "i"));

    private Slugs() {}

    /**
     * A slug for a story with this title: Kazakh and Russian transliterated, accents dropped,
     * everything else that is not a Latin letter or digit turned into a single hyphen, at most
     * {@value #MAX_LENGTH} characters; "story" when nothing usable is left.
     */
    public static String fromTitle(String title) {
        String slug = slugOf(title);
        return slug.isEmpty() ? FALLBACK : slug;
    }

    private static String slugOf(String title) {
        Objects.requireNonNull(title, "title");
        // NFC first: a "й" typed as "и" plus a combining breve must still become "y", not "i"
        String lower = Normalizer.normalize(title, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String latin = transliterate(lower);
        String unaccented = COMBINING_MARKS
                .matcher(Normalizer.normalize(latin, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        return shortened(stripHyphens(NOT_SLUG_CHARACTERS.matcher(unaccented).replaceAll("-")));
    }

    /**
     * The slug a new translation of story {@code id} gets from its title; a title with nothing to
     * transliterate (Chinese, Arabic, emoji) gets "story-" and the start of the story's id, so two
     * such stories do not both ask for "story".
     */
    public static String forStory(String title, StoryId id) {
        String slug = slugOf(title);
        return slug.isEmpty() ? FALLBACK + "-" + id.value().substring(0, 8) : slug;
    }

    /** Whether {@code slug} is one that {@link #fromTitle} could have made. */
    public static boolean isValid(String slug) {
        return slug != null
                && !slug.isEmpty()
                && slug.length() <= MAX_LENGTH
                && VALID.matcher(slug).matches();
    }

    private static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = LATIN.get(c);
            if (replacement == null) out.append(c);
            else out.append(replacement);
        }
        return out.toString();
    }

    // Cut between words, so that a slug never ends in half a word unless its first word is too long.
    private static String shortened(String slug) {
        if (slug.length() <= MAX_LENGTH) return slug;
        // searching from index MAX_LENGTH itself keeps a last word that ends exactly at the limit
        int lastHyphen = slug.lastIndexOf('-', MAX_LENGTH);
        return lastHyphen > 0 ? slug.substring(0, lastHyphen) : slug.substring(0, MAX_LENGTH);
    }

    private static String stripHyphens(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') start++;
        while (end > start && text.charAt(end - 1) == '-') end--;
        return text.substring(start, end);
    }
}
