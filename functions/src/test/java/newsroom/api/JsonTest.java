package newsroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import newsroom.json.JsonObject;
import newsroom.json.JsonText;
import newsroom.json.JsonValue;
import newsroom.story.FieldError;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are read strictly by the streaming parser (no duplicate fields, nothing after the
 * value, bounded depth and numbers), and answers are written as the data-binding layer wrote them.
 */
class JsonTest {
    @Test
    void readsAnObjectWithItsFieldsInOrder() {
        JsonObject body = Json.object(
                "{\"b\": \"x\", \"a\": [\"1\", \"2\"], \"n\": 12, \"f\": 1.5, \"t\": true, \"z\": null}", false, false);
        assertEquals(
                List.of("b", "a", "n", "f", "t", "z"), List.copyOf(body.fields().keySet()));
        assertEquals("x", body.get("b").textValue());
        assertEquals(new JsonValue.Number("12", true), body.get("n"));
        assertEquals(12, ((JsonValue.Number) body.get("n")).asLong().getAsLong());
        assertTrue(((JsonValue.Number) body.get("f")).asLong().isEmpty(), "a fraction is no whole number");
        assertTrue(body.get("z").isNull());
        assertEquals(List.of("1", "2"), Json.strings(body, "a", "", new java.util.ArrayList<>()));
    }

    @Test
    void refusesWhatIsNotOneObjectWithinTheLimits() {
        assertRefused("{\"a\": 1, \"a\": 2}", "not valid JSON");
        assertRefused("{\"a\": 1} {\"b\": 2}", "after the JSON value");
        assertRefused("{\"a\": 1", "not valid JSON");
        assertRefused("[1, 2]", "must be a JSON object");
        assertRefused("\"text\"", "must be a JSON object");
        assertRefused("{\"a\": " + "[".repeat(16) + "]".repeat(16) + "}", "not valid JSON");
        assertRefused("{\"a\": " + "1".repeat(40) + "}", "not valid JSON");
        assertEquals(400, assertThrows(ApiException.class, () -> Json.object("", false, false)).status);
        assertEquals(Map.of(), Json.object(" ", false, true).fields());
    }

    @Test
    void aNumberBeyondALongIsNoSize() {
        JsonObject body = Json.object("{\"size\": 99999999999999999999}", false, false);
        assertTrue(((JsonValue.Number) body.get("size")).asLong().isEmpty());
    }

    @Test
    void aFieldOfTheWrongTypeIsAFieldError() {
        JsonObject body = Json.object("{\"title\": 5, \"tags\": [\"a\", 1]}", false, false);
        List<FieldError> errors = new java.util.ArrayList<>();
        Json.string(body, "title", "", errors);
        Json.strings(body, "tags", "", errors);
        assertEquals(
                List.of(new FieldError("title", "must be a string"), new FieldError("tags[1]", "must be a string")),
                errors);
    }

    @Test
    void writesAsTheDataBindingLayerDid() throws Exception {
        String tricky = "quote \" backslash \\ tab \t newline \n control \u0001 Қазақ <script> \uD83D\uDE00";
        JsonObject node = new JsonObject().put("text", tricky).put("n", -42L).putNull("none");
        node.putArray("list").add("a").add((String) null).addObject().put("k", "v");
        node.putObject("inner").put("deep", 1L);
        ObjectMapper mapper = new ObjectMapper();
        var expected =
                mapper.createObjectNode().put("text", tricky).put("n", -42L).putNull("none");
        var list = expected.putArray("list").add("a").addNull();
        list.addObject().put("k", "v");
        expected.putObject("inner").put("deep", 1L);

        assertEquals(mapper.writeValueAsString(expected), JsonText.write(node));
        assertEquals(
                new String(mapper.writeValueAsBytes(expected), java.nio.charset.StandardCharsets.UTF_8),
                new String(JsonText.writeBytes(node), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(JsonText.write(node), JsonText.write(JsonText.parse(JsonText.writeBytes(node))));
    }

    private static void assertRefused(String body, String detail) {
        ApiException refused = assertThrows(ApiException.class, () -> Json.object(body, false, false), body);
        assertEquals(400, refused.status, body);
        assertTrue(refused.getMessage().contains(detail), body + ": " + refused.getMessage());
    }
}
