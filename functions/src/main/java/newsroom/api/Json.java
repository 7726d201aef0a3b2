package newsroom.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import newsroom.json.JsonArray;
import newsroom.json.JsonObject;
import newsroom.json.JsonText;
import newsroom.json.JsonValue;
import newsroom.story.FieldError;

/** Strict JSON for requests: bounded depth and size, no duplicate or unknown fields. */
final class Json {
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final JsonFactory STRICT = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxStringLength(MAX_BODY_BYTES)
                    .maxNumberLength(32)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {}

    /** The request body as a JSON object; an absent body is an empty object when allowed. */
    static JsonObject object(String body, boolean base64, boolean emptyAllowed) {
        String text = text(body, base64);
        if (text.isBlank()) {
            if (emptyAllowed) return new JsonObject();
            throw ApiException.of(400, "Missing body", "This request needs a JSON object body.");
        }
        JsonValue node;
        try {
            node = JsonText.parse(STRICT, text);
        } catch (JsonText.Malformed e) {
            if (e.trailingContent()) {
                throw ApiException.of(400, "Malformed JSON", "Unexpected content after the JSON value.");
            }
            throw ApiException.of(400, "Malformed JSON", "The body is not valid JSON within the limits.");
        }
        if (!(node instanceof JsonObject object)) {
            throw ApiException.of(400, "Malformed JSON", "The body must be a JSON object.");
        }
        return object;
    }

    static String text(String body, boolean base64) {
        if (body == null) return "";
        byte[] bytes;
        if (base64) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw ApiException.of(400, "Malformed body", "The body is not valid base64.");
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw ApiException.of(413, "Body too large", "The body may be at most " + MAX_BODY_BYTES + " bytes.");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.of(400, "Malformed body", "The body is not valid UTF-8.");
        }
    }

    /** Fails with every field of {@code node} that is not in {@code allowed}. */
    static void onlyFields(JsonObject node, String prefix, Set<String> allowed, List<FieldError> errors) {
        for (String name : node.fields().keySet()) {
            if (!allowed.contains(name)) errors.add(new FieldError(prefix + name, "unknown field"));
        }
    }

    static String string(JsonObject node, String field, String prefix, List<FieldError> errors) {
        JsonValue value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!(value instanceof JsonValue.Text)) {
            errors.add(new FieldError(prefix + field, "must be a string"));
            return null;
        }
        String text = value.textValue();
        if (hasLoneSurrogate(text)) {
            errors.add(new FieldError(prefix + field, "must be valid Unicode"));
            return null;
        }
        return text;
    }

    static List<String> strings(JsonObject node, String field, String prefix, List<FieldError> errors) {
        JsonValue value = node.get(field);
        List<String> result = new ArrayList<>();
        if (value == null || value.isNull()) return result;
        if (!(value instanceof JsonArray array)) {
            errors.add(new FieldError(prefix + field, "must be an array of strings"));
            return result;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            if (!(item instanceof JsonValue.Text) || hasLoneSurrogate(item.textValue())) {
                errors.add(new FieldError(prefix + field + "[" + i + "]", "must be a string"));
            } else {
                result.add(item.textValue());
            }
        }
        return result;
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return true;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
