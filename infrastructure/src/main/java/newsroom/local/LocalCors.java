package newsroom.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HttpApi's CorsConfiguration from template.yaml, applied the way API Gateway applies it: a
 * preflight from an allowed origin is answered by the gateway itself (no authorizer, no function),
 * and every answer to an allowed origin carries Access-Control-Allow-Origin and the exposed
 * headers. Locally the allowed origins are the CDN emulator's, where the editor runs.
 */
record LocalCors(Set<String> origins, List<String> methods, List<String> headers, List<String> expose, long maxAge) {

    static LocalCors from(CloudTemplate template, Set<String> origins) {
        Map<String, Object> config =
                CloudTemplate.map(template.properties(template.firstOfType("AWS::Serverless::HttpApi")
                                .orElseThrow(() -> new IllegalStateException("no HttpApi in the template")))
                        .get("CorsConfiguration"));
        return new LocalCors(
                Set.copyOf(origins),
                strings(config.get("AllowMethods")),
                strings(config.get("AllowHeaders")),
                strings(config.get("ExposeHeaders")),
                config.get("MaxAge") instanceof Number n ? n.longValue() : 0);
    }

    private static List<String> strings(Object value) {
        return CloudTemplate.list(value).stream().map(String::valueOf).toList();
    }

    /** The headers CORS adds to one answer, and whether the request was a preflight to answer at once. */
    record Headers(Map<String, String> headers, boolean preflight) {}

    /**
     * The CORS headers an allowed origin gets on any answer, and the whole answer's headers for a
     * preflight (OPTIONS with Access-Control-Request-Method).
     */
    Headers headers(String method, String origin, String requestedMethod) {
        boolean allowed = origin != null && origins.contains(origin);
        boolean preflight = "OPTIONS".equals(method) && requestedMethod != null;
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Vary", "Origin");
        if (allowed) {
            out.put("Access-Control-Allow-Origin", origin);
            if (!expose.isEmpty()) out.put("Access-Control-Expose-Headers", String.join(",", expose));
        }
        if (preflight && allowed) {
            if (methods.contains(requestedMethod.toUpperCase(Locale.ROOT))) {
                out.put("Access-Control-Allow-Methods", String.join(",", methods));
            }
            out.put("Access-Control-Allow-Headers", String.join(",", headers));
            if (maxAge > 0) out.put("Access-Control-Max-Age", Long.toString(maxAge));
        }
        return new Headers(out, preflight);
    }
}
