package newsroom.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A JSON array. */
public final class JsonArray implements JsonValue {
    private final List<JsonValue> items = new ArrayList<>();

    /** The items in order, read-only. */
    public List<JsonValue> items() {
        return Collections.unmodifiableList(items);
    }

    public int size() {
        return items.size();
    }

    public JsonValue get(int index) {
        return items.get(index);
    }

    public JsonArray add(JsonValue value) {
        items.add(value);
        return this;
    }

    /** Adds a string; a null string is added as JSON null. */
    public JsonArray add(String text) {
        return add(JsonValue.of(text));
    }

    /** Adds an empty object and returns it, to be filled. */
    public JsonObject addObject() {
        JsonObject object = new JsonObject();
        items.add(object);
        return object;
    }
}
