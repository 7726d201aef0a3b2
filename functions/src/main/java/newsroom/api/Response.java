package newsroom.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer of the staff API: status, headers and body ({@code null} for none). */
public record Response(int statusCode, Map<String, String> headers, String body) {
    public Response {
        // in the order written, as the previous response type kept them
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
