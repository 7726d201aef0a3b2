package newsroom.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import newsroom.site.Config;

/**
 * The editor at {@code /admin/}, as the distribution serves it from the bucket's {@code admin/}
 * prefix: the build's files from the jar ({@code editor/} on the class path), hashed assets cached
 * for a year, {@code index.html} and {@code config.json} revalidated on every load, and a content
 * security policy that lets the page reach only its own origin, the staff API and the sign-in
 * endpoints. {@code config.json} is written here from the stack's ports; in AWS the deploy step
 * writes it from the stack's outputs.
 */
final class EditorSite implements HttpHandler {
    static final String PREFIX = "/admin/";
    private static final String ROOT = "editor/";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int cdnPort;
    private final int apiPort;
    private final List<String> languages;
    private final List<String> categories;
    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

    EditorSite(int cdnPort, int apiPort, List<String> languages, List<String> categories) {
        this.cdnPort = cdnPort;
        this.apiPort = apiPort;
        this.languages = List.copyOf(languages);
        this.categories = List.copyOf(categories);
    }

    /**
     * The editor at {@link #PREFIX} on the CDN, calling the API on {@code apiPort}, with its
     * sign-in's Cognito-like endpoints beside it on the same origin, as the distribution has them.
     */
    static void mount(CdnEmulator cdn, LocalOAuth signIn, int apiPort, Config config) {
        cdn.mount("/oauth2/", signIn);
        cdn.mount("/logout", signIn);
        cdn.mount(PREFIX, new EditorSite(cdn.port(), apiPort, config.languages(), config.categories()));
    }

    /** Whether the build put the editor on the class path (it needs npm). */
    static boolean built() {
        return EditorSite.class.getClassLoader().getResource(ROOT + "index.html") != null;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                CdnEmulator.send(
                        exchange, 403, Map.of("Content-Type", "text/plain"), bytes("Method not allowed"), false);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String host = host(exchange);
            Map<String, String> headers = new LinkedHashMap<>(securityHeaders(host));
            if (path.equals(PREFIX + "config.json")) {
                headers.put("Content-Type", "application/json");
                headers.put("Cache-Control", REVALIDATE);
                CdnEmulator.send(exchange, 200, headers, bytes(config(host)), false);
                return;
            }
            String name = path.equals(PREFIX) ? "index.html" : path.substring(PREFIX.length());
            Optional<byte[]> file = name.contains("..") || name.startsWith("/") ? Optional.empty() : file(name);
            if (file.isEmpty()) {
                headers.put("Content-Type", "text/plain; charset=utf-8");
                headers.put("Cache-Control", "no-store");
                String message = built()
                        ? "Not found"
                        : "The editor is not built: build with Maven (it runs npm ci and npm run build).";
                CdnEmulator.send(exchange, 404, headers, bytes(message), false);
                return;
            }
            headers.put("Content-Type", contentType(name));
            headers.put("Cache-Control", name.startsWith("assets/") ? IMMUTABLE : REVALIDATE);
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(file.get())) + "\"";
            headers.put("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                CdnEmulator.send(exchange, 304, headers, new byte[0], false);
                return;
            }
            boolean gzip = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Accept-Encoding"))
                            .orElse("")
                            .contains("gzip")
                    && !name.endsWith(".png")
                    && file.get().length > 1000;
            CdnEmulator.send(exchange, 200, headers, file.get(), gzip);
        }
    }

    /** The API and sign-in endpoints on the host name the browser used (localhost or 127.0.0.1). */
    private String config(String host) {
        ObjectNode config = JSON.createObjectNode()
                .put("api", "http://" + host + ":" + apiPort)
                .put("auth", "http://" + host + ":" + cdnPort)
                .put("clientId", LocalAuth.CLIENT_ID)
                .put("site", "http://" + host + ":" + cdnPort);
        languages.forEach(config.putArray("languages")::add);
        categories.forEach(config.putArray("categories")::add);
        return config.toString();
    }

    private Map<String, String> securityHeaders(String host) {
        return Map.of(
                "Content-Security-Policy",
                // other ports of the same host: the API; and the S3 emulator that presigned uploads go
                // to, which the presigner names 127.0.0.1 whichever name the page was loaded by
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' http://"
                        + host
                        + ":* http://127.0.0.1:*; frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
                "X-Content-Type-Options",
                "nosniff",
                "X-Frame-Options",
                "DENY",
                "Referrer-Policy",
                "strict-origin-when-cross-origin");
    }

    private static String host(HttpExchange exchange) {
        String header = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host"))
                .orElse("127.0.0.1");
        String name = header.contains(":") ? header.substring(0, header.lastIndexOf(':')) : header;
        return name.equals("localhost") ? "localhost" : "127.0.0.1";
    }

    private Optional<byte[]> file(String name) {
        return files.computeIfAbsent(name, n -> {
            try (InputStream in = EditorSite.class.getClassLoader().getResourceAsStream(ROOT + n)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String contentType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".html")) return "text/html; charset=utf-8";
        if (n.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (n.endsWith(".css")) return "text/css; charset=utf-8";
        if (n.endsWith(".json")) return "application/json";
        if (n.endsWith(".svg")) return "image/svg+xml";
        if (n.endsWith(".png")) return "image/png";
        return "application/octet-stream";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
