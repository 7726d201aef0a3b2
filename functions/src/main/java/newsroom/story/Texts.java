package newsroom.story;

import java.util.Optional;

/**
 * Text that would not show readers what the newsroom meant: a title of invisible characters only,
 * or bidirectional controls, which reorder what follows them (a title can then read as another).
 */
final class Texts {
    static final String BIDI_CONTROL =
            "must not contain bidirectional control characters (U+202A to U+202E, U+2066 to U+2069)";
    static final String INVISIBLE = "must contain visible characters, not only spaces or invisible ones";

    private Texts() {}

    /** Why a title cannot be published as it is, if it cannot. */
    static Optional<String> problem(String title) {
        if (hasBidiControl(title)) return Optional.of(BIDI_CONTROL);
        if (title.codePoints().allMatch(Texts::invisible)) return Optional.of(INVISIBLE);
        return Optional.empty();
    }

    static boolean hasBidiControl(String text) {
        return text.codePoints().anyMatch(c -> (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
    }

    /** Characters that print nothing: spaces, format characters, lone marks and the blank fillers. */
    private static boolean invisible(int c) {
        return switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.FORMAT,
                    Character.CONTROL,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK -> true;
            default ->
                Character.isWhitespace(c)
                        // Hangul fillers and the blank Braille pattern are letters or symbols that show nothing
                        || c == 0x115f
                        || c == 0x1160
                        || c == 0x3164
                        || c == 0xffa0
                        || c == 0x2800;
        };
    }
}
