package newsroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** One structured JSON line per request or batch: ids and counts, never bodies or tokens. */
public final class Log {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Log() {}

    public static void line(String event, Map<String, ?> fields) {
        ObjectNode node = JSON.createObjectNode();
        node.put("event", event);
        fields.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
        System.out.println(node);
    }
}
