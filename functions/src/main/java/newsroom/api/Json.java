package newsroom.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import newsroom.story.FieldError;

/** Strict JSON for requests: bounded depth and size, no duplicate or unknown fields. */
final class Json {
    static final int MAX_BODY_BYTES = 256 * 1024;
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16)
                            .maxStringLength(MAX_BODY_BYTES)
                            .maxNumberLength(32)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    /** The request body as a JSON object; an absent body is an empty object when allowed. */
    static ObjectNode object(String body, boolean base64, boolean emptyAllowed) {
        String text = text(body, base64);
        if (text.isBlank()) {
            if (emptyAllowed) return MAPPER.createObjectNode();
            throw ApiException.of(400, "Missing body", "This request needs a JSON object body.");
        }
        JsonNode node;
        try (JsonParser parser = MAPPER.createParser(text)) {
            node = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw ApiException.of(400, "Malformed JSON", "Unexpected content after the JSON value.");
            }
        } catch (IOException e) {
            throw ApiException.of(400, "Malformed JSON", "The body is not valid JSON within the limits.");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.of(400, "Malformed JSON", "The body must be a JSON object.");
        }
        return (ObjectNode) node;
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
    static void onlyFields(JsonNode node, String prefix, Set<String> allowed, List<FieldError> errors) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) errors.add(new FieldError(prefix + name, "unknown field"));
        });
    }

    static String string(JsonNode node, String field, String prefix, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) {
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

    static List<String> strings(JsonNode node, String field, String prefix, List<FieldError> errors) {
        JsonNode value = node.get(field);
        List<String> result = new ArrayList<>();
        if (value == null || value.isNull()) return result;
        if (!value.isArray()) {
            errors.add(new FieldError(prefix + field, "must be an array of strings"));
            return result;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || hasLoneSurrogate(item.textValue())) {
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
