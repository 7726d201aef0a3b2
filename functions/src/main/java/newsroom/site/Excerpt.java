package newsroom.site;

import java.text.BreakIterator;
import java.util.Objects;
import java.util.regex.Pattern;

/** Shortens a story's plain text for teasers and descriptions, cutting only between words. */
public final class Excerpt {
    private static final String ELLIPSIS = "...";

    // (?U): Unicode white space, so no-break and other exotic spaces from HTML collapse as well
    private static final Pattern WHITE_SPACE = Pattern.compile("(?U)\\s+");

    private Excerpt() {}

    /**
     * The text with white space collapsed; when that is longer than {@code maxChars} code points, its
     * longest run of whole words that fits, without trailing punctuation, followed by "...". A first
     * word longer than {@code maxChars} is cut inside, but never inside a character.
     */
    public static String of(String plainText, int maxChars) {
        Objects.requireNonNull(plainText, "plainText");
        if (maxChars < 1) throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        String text = WHITE_SPACE.matcher(plainText).replaceAll(" ").strip();
        if (text.codePointCount(0, text.length()) <= maxChars) return text;

        int limit = text.offsetByCodePoints(0, maxChars);
        // Words are what lies between spaces, so "199,416", "3.5%" and "Almaty’s" are never split;
        // the word running over the limit still fits when only its punctuation does not.
        int nextSpace = text.indexOf(' ', limit);
        String kept = withoutTrailingPunctuation(text.substring(0, nextSpace < 0 ? text.length() : nextSpace));
        if (kept.length() > limit) {
            int lastSpace = text.lastIndexOf(' ', limit);
            kept = lastSpace < 0 ? "" : withoutTrailingPunctuation(text.substring(0, lastSpace));
        }
        if (kept.isEmpty()) {
            kept = withoutTrailingPunctuation(text.substring(0, characterBoundaryAtOrBefore(text, limit)));
        }
        return kept + ELLIPSIS;
    }

    // A code point boundary can still fall between a letter and its combining accent.
    private static int characterBoundaryAtOrBefore(String text, int offset) {
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        return characters.isBoundary(offset) ? offset : characters.preceding(offset);
    }

    // Closing brackets and quotes stay: dropping them would leave a pair open.
    private static String withoutTrailingPunctuation(String text) {
        int end = text.length();
        while (end > 0) {
            int c = text.codePointBefore(end);
            if (!isTrailingJunk(c)) break;
            end -= Character.charCount(c);
        }
        return text.substring(0, end);
    }

    private static boolean isTrailingJunk(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) return true;
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
