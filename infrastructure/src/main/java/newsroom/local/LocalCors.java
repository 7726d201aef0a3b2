package newsroom.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
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

    /**
     * Adds the CORS headers an allowed origin gets; answers a preflight and returns true when the
     * request was one.
     */
    boolean apply(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        boolean allowed = origin != null && origins.contains(origin);
        boolean preflight = exchange.getRequestMethod().equals("OPTIONS")
                && exchange.getRequestHeaders().getFirst("Access-Control-Request-Method") != null;
        var out = exchange.getResponseHeaders();
        out.add("Vary", "Origin");
        if (allowed) {
            out.set("Access-Control-Allow-Origin", origin);
            if (!expose.isEmpty()) out.set("Access-Control-Expose-Headers", String.join(",", expose));
        }
        if (!preflight) return false;
        if (allowed) {
            String method = exchange.getRequestHeaders()
                    .getFirst("Access-Control-Request-Method")
                    .toUpperCase(Locale.ROOT);
            if (methods.contains(method)) out.set("Access-Control-Allow-Methods", String.join(",", methods));
            out.set("Access-Control-Allow-Headers", String.join(",", headers));
            if (maxAge > 0) out.set("Access-Control-Max-Age", Long.toString(maxAge));
        }
        exchange.sendResponseHeaders(204, -1);
        return true;
    }
}
