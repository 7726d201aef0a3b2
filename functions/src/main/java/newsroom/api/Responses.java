package newsroom.api;

import java.util.List;
import java.util.Map;
import newsroom.json.JsonObject;
import newsroom.json.JsonText;
import newsroom.story.FieldError;

/** Builds API Gateway responses: JSON, HTML previews and RFC 9457 problem details. */
final class Responses {
    private Responses() {}

    static Response json(int status, JsonObject body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", "no-store");
        headers.putAll(extraHeaders);
        return new Response(status, headers, write(body));
    }

    static Response raw(int status, String contentType, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.putAll(extraHeaders);
        return new Response(status, headers, body);
    }

    static Response problem(int status, String title, String detail, List<FieldError> errors) {
        JsonObject body = new JsonObject();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            var list = body.putArray("errors");
            for (FieldError e : errors) list.addObject().put("field", e.field()).put("message", e.message());
        }
        return new Response(
                status, Map.of("Content-Type", "application/problem+json", "Cache-Control", "no-store"), write(body));
    }

    private static String write(JsonObject node) {
        return JsonText.write(node);
    }
}
