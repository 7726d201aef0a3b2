package newsroom.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object whose fields keep the order they were put or read in. */
public final class JsonObject implements JsonValue {
    private final Map<String, JsonValue> fields = new LinkedHashMap<>();

    /** The field's value, or null when the object has no such field. */
    public JsonValue get(String name) {
        return fields.get(name);
    }

    /** The fields in order, read-only. */
    public Map<String, JsonValue> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public JsonObject put(String name, JsonValue value) {
        fields.put(name, value);
        return this;
    }

    /** A string field; a null string is written as JSON null. */
    public JsonObject put(String name, String text) {
        return put(name, JsonValue.of(text));
    }

    public JsonObject put(String name, long number) {
        return put(name, JsonValue.of(number));
    }

    public JsonObject putNull(String name) {
        return put(name, JsonValue.Null.NULL);
    }

    /** Puts an empty object under the name and returns it, to be filled. */
    public JsonObject putObject(String name) {
        JsonObject object = new JsonObject();
        put(name, object);
        return object;
    }

    /** Puts an empty array under the name and returns it, to be filled. */
    public JsonArray putArray(String name) {
        JsonArray array = new JsonArray();
        put(name, array);
        return array;
    }
}
