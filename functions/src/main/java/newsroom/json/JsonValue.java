package newsroom.json;

import java.util.OptionalLong;

/**
 * A JSON value as the functions read and write it: a small tree over jackson-core's streaming
 * parser and generator ({@link JsonText}). The data-binding layer would do the same with some 300
 * classes more, loaded by every cold start of the API.
 */
public sealed interface JsonValue
        permits JsonObject, JsonArray, JsonValue.Text, JsonValue.Number, JsonValue.Bool, JsonValue.Null {

    /** A string. */
    record Text(String value) implements JsonValue {}

    /**
     * A number as written, so that nothing is lost or rounded on the way through.
     *
     * @param integral whether it was written without a fraction or an exponent
     */
    record Number(String literal, boolean integral) implements JsonValue {
        /** Its value when it is a whole number a {@code long} holds. */
        public OptionalLong asLong() {
            if (!integral) return OptionalLong.empty();
            try {
                return OptionalLong.of(Long.parseLong(literal));
            } catch (NumberFormatException tooLarge) {
                return OptionalLong.empty();
            }
        }
    }

    record Bool(boolean value) implements JsonValue {}

    enum Null implements JsonValue {
        NULL
    }

    /** The value of a string, or null for anything else. */
    default String textValue() {
        return this instanceof Text t ? t.value() : null;
    }

    default boolean isNull() {
        return this == Null.NULL;
    }

    static JsonValue of(String text) {
        return text == null ? Null.NULL : new Text(text);
    }

    static JsonValue of(long number) {
        return new Number(Long.toString(number), true);
    }
}
