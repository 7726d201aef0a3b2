package newsroom.local;

import com.sun.net.httpserver.HttpExchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The viewer's request as CloudFront hands it to the URL function, read from the JDK server's
 * exchange. Apart from {@link CdnEmulator} because what the function sees (the target exactly as
 * sent) is a rule of its own, easy to break by reading the target through {@link java.net.URI}.
 */
final class ViewerRequests {
    private ViewerRequests() {}

    /**
     * The path exactly as sent. The JDK's URI reads an origin-form target such as
     * {@code //evil.example/x} as a host and a path; its string form keeps what was sent.
     */
    static CloudFrontFunction.Request of(HttpExchange exchange) {
        java.net.URI target = exchange.getRequestURI();
        String raw = target.getScheme() != null
                ? target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                : target.toString();
        int hash = raw.indexOf('#');
        if (hash >= 0) raw = raw.substring(0, hash);
        int q = raw.indexOf('?');
        String path = q < 0 ? raw : raw.substring(0, q);
        String query = q < 0 ? null : raw.substring(q + 1);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach(headers::put);
        return new CloudFrontFunction.Request(
                exchange.getRequestMethod(),
                path,
                query,
                headers,
                exchange.getRemoteAddress().getAddress().getHostAddress());
    }
}
