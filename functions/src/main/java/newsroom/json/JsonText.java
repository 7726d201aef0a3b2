package newsroom.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Reads and writes {@link JsonValue}s with jackson-core's streaming parser and generator: the
 * output is compact, as the data-binding layer writes it.
 */
public final class JsonText {
    private static final JsonFactory DEFAULT = new JsonFactory();

    private JsonText() {}

    /** The text is not one JSON value within the factory's limits. */
    public static final class Malformed extends Exception {
        private final boolean trailingContent;

        Malformed(String message, Throwable cause) {
            this(message, cause, false);
        }

        Malformed(String message, Throwable cause, boolean trailingContent) {
            super(message, cause);
            this.trailingContent = trailingContent;
        }

        /** Whether a whole value was read and more content followed it. */
        public boolean trailingContent() {
            return trailingContent;
        }
    }

    /** One JSON value, parsed with the default factory. */
    public static JsonValue parse(byte[] bytes) throws Malformed {
        try (JsonParser parser = DEFAULT.createParser(bytes)) {
            return whole(parser);
        } catch (IOException e) {
            throw new Malformed("not one JSON value", e);
        }
    }

    /**
     * One JSON value, parsed with the factory's limits and features (its nesting depth, string
     * length, duplicate detection); content after the value is malformed.
     */
    public static JsonValue parse(JsonFactory factory, String text) throws Malformed {
        try (JsonParser parser = factory.createParser(text)) {
            return whole(parser);
        } catch (IOException e) {
            throw new Malformed("not one JSON value within the limits", e);
        }
    }

    private static JsonValue whole(JsonParser parser) throws IOException, Malformed {
        JsonToken first = parser.nextToken();
        if (first == null) throw new Malformed("no JSON value", null);
        JsonValue value = value(parser, first);
        if (parser.nextToken() != null) throw new Malformed("content after the JSON value", null, true);
        return value;
    }

    private static JsonValue value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                JsonObject object = new JsonObject();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                JsonArray array = new JsonArray();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                yield array;
            }
            case VALUE_STRING -> new JsonValue.Text(parser.getText());
            case VALUE_NUMBER_INT -> new JsonValue.Number(parser.getText(), true);
            case VALUE_NUMBER_FLOAT -> new JsonValue.Number(parser.getText(), false);
            case VALUE_TRUE -> new JsonValue.Bool(true);
            case VALUE_FALSE -> new JsonValue.Bool(false);
            case VALUE_NULL -> JsonValue.Null.NULL;
            default -> throw new IOException("unexpected " + token);
        };
    }

    /** The value as compact JSON text. */
    public static String write(JsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = DEFAULT.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The value as compact JSON in UTF-8. */
    public static byte[] writeBytes(JsonValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = DEFAULT.createGenerator(out, JsonEncoding.UTF8)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator generator, JsonValue value) throws IOException {
        if (value instanceof JsonObject object) {
            generator.writeStartObject();
            for (Map.Entry<String, JsonValue> field : object.fields().entrySet()) {
                generator.writeFieldName(field.getKey());
                write(generator, field.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof JsonArray array) {
            generator.writeStartArray();
            for (JsonValue item : array.items()) write(generator, item);
            generator.writeEndArray();
        } else if (value instanceof JsonValue.Text text) {
            generator.writeString(text.value());
        } else if (value instanceof JsonValue.Number number) {
            generator.writeNumber(number.literal());
        } else if (value instanceof JsonValue.Bool bool) {
            generator.writeBoolean(bool.value());
        } else {
            generator.writeNull();
        }
    }
}
