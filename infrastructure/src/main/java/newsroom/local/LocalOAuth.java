package newsroom.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The local stand-in for Cognito's hosted OAuth endpoints: an authorize page where one picks a
 * user name and a group, a token endpoint for the authorization code (checking the PKCE S256
 * verifier) and refresh grants, revocation and logout. Tokens take Cognito's shapes: an access
 * token with {@code client_id}, {@code token_use: access}, {@code username} and {@code
 * cognito:groups}, and an id token with {@code name}. The access token also names the client as
 * its audience, so that a gateway checking only {@code aud} accepts it as well.
 */
public final class LocalOAuth implements HttpHandler {
    static final Set<String> GROUPS = Set.of("writers", "editors", "admins");
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalAuth auth;
    private final Set<String> redirectUris;
    private final Duration tokenLifetime;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();

    private record Grant(String user, String group, String redirectUri, String challenge, Instant expires) {}

    /**
     * @param redirectUris the callback and sign-out URLs the app client allows (exact matches)
     * @param tokenLifetime how long access and id tokens are valid
     */
    public LocalOAuth(LocalAuth auth, Set<String> redirectUris, Duration tokenLifetime) {
        this.auth = auth;
        this.redirectUris = Set.copyOf(redirectUris);
        this.tokenLifetime = tokenLifetime;
    }

    /**
     * The sign-in of the editor served from {@code editorOrigins}: callbacks under the editor's
     * prefix, tokens as long-lived as the template's app client says, signed with {@code auth}
     * (the gateway's key, issuing as its issuer URL: what the authorizer accepts).
     */
    static LocalOAuth forEditor(LocalAuth auth, Set<String> editorOrigins, CloudTemplate template) {
        return new LocalOAuth(
                auth,
                editorOrigins.stream().map(o -> o + EditorSite.PREFIX).collect(Collectors.toSet()),
                accessTokenLifetime(template));
    }

    /** The app client's AccessTokenValidity, in its TokenValidityUnits (Cognito's default: hours). */
    static Duration accessTokenLifetime(CloudTemplate template) {
        Map<String, Object> client = template.firstOfType("AWS::Cognito::UserPoolClient")
                .map(template::properties)
                .orElse(Map.of());
        long value = client.get("AccessTokenValidity") instanceof Number n ? n.longValue() : 1;
        Object unit = CloudTemplate.map(client.get("TokenValidityUnits")).getOrDefault("AccessToken", "hours");
        return switch (String.valueOf(unit)) {
            case "minutes" -> Duration.ofMinutes(value);
            case "seconds" -> Duration.ofSeconds(value);
            case "days" -> Duration.ofDays(value);
            default -> Duration.ofHours(value);
        };
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            try {
                switch (method + " " + path) {
                    case "GET /oauth2/authorize" -> authorizePage(exchange);
                    case "POST /oauth2/authorize" -> signIn(exchange);
                    case "POST /oauth2/token" -> token(exchange);
                    case "POST /oauth2/revoke" -> revoke(exchange);
                    case "GET /logout" -> logout(exchange);
                    default -> page(exchange, 404, "Not found", "No such endpoint.");
                }
            } catch (RuntimeException e) {
                // the stack trace, never the request (it may carry a code, a verifier or a token)
                System.err.println("local OAuth: a request failed");
                e.printStackTrace(System.err);
                page(exchange, 400, "Bad request", "The request could not be read.");
            }
        }
    }

    private void authorizePage(HttpExchange exchange) throws IOException {
        Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
        String problem = authorizeProblem(q);
        if (problem != null) {
            page(exchange, 400, "Sign-in refused", problem);
            return;
        }
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method")) {
            hidden.append("<input type=\"hidden\" name=\"")
                    .append(name)
                    .append("\" value=\"")
                    .append(escape(q.getOrDefault(name, "")))
                    .append("\">\n");
        }
        String body = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in: Newsroom (local)</title></head>
                <body><main>
                <h1>Sign in to the newsroom (local stack)</h1>
                <p>The local stack trusts whoever signs in here. In AWS this page is Cognito's managed login.</p>
                <form method="post" action="/oauth2/authorize">
                %s<p><label for="username">User name</label>
                <input id="username" name="username" required autocomplete="username" pattern="[A-Za-z0-9._\\-]{1,64}" autofocus></p>
                <fieldset><legend>Group</legend>
                <p><input type="radio" id="g-writers" name="group" value="writers" checked> <label for="g-writers">writers: write and edit drafts</label></p>
                <p><input type="radio" id="g-editors" name="group" value="editors"> <label for="g-editors">editors: also publish and unpublish</label></p>
                <p><input type="radio" id="g-admins" name="group" value="admins"> <label for="g-admins">admins: also rebuild the site</label></p>
                </fieldset>
                <p><button type="submit">Sign in</button></p>
                </form></main></body></html>
                """.formatted(hidden);
        sendHtml(exchange, 200, body);
    }

    private String authorizeProblem(Map<String, String> q) {
        if (!LocalAuth.CLIENT_ID.equals(q.get("client_id"))) return "Unknown client_id.";
        if (!redirectUris.contains(q.get("redirect_uri"))) return "redirect_uri is not a callback URL of this client.";
        if (q.containsKey("response_type") && !"code".equals(q.get("response_type")))
            return "Only response_type=code is supported.";
        if (!"S256".equals(q.get("code_challenge_method")) || blank(q.get("code_challenge")))
            return "A PKCE code_challenge with code_challenge_method=S256 is required.";
        return null;
    }

    private void signIn(HttpExchange exchange) throws IOException {
        Map<String, String> f = form(body(exchange));
        String problem = authorizeProblem(f);
        String user = f.getOrDefault("username", "").strip();
        String group = f.get("group");
        if (problem == null && !user.matches("[A-Za-z0-9._-]{1,64}"))
            problem = "A user name is 1 to 64 letters, digits, dots, dashes or underscores.";
        if (problem == null && !GROUPS.contains(group)) problem = "Pick writers, editors or admins.";
        if (problem != null) {
            page(exchange, 400, "Sign-in refused", problem);
            return;
        }
        String code = random();
        codes.put(
                code,
                new Grant(
                        user,
                        group,
                        f.get("redirect_uri"),
                        f.get("code_challenge"),
                        Instant.now().plus(CODE_LIFETIME)));
        String state = f.get("state");
        String location = f.get("redirect_uri") + (f.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code
                + (state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> f = form(body(exchange));
        if (!LocalAuth.CLIENT_ID.equals(f.get("client_id"))) {
            oauthError(exchange, 400, "invalid_client");
            return;
        }
        switch (f.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                Grant grant = f.get("code") == null ? null : codes.remove(f.get("code"));
                if (grant == null
                        || grant.expires().isBefore(Instant.now())
                        || !grant.redirectUri().equals(f.get("redirect_uri"))
                        || !grant.challenge().equals(s256(f.getOrDefault("code_verifier", "")))) {
                    oauthError(exchange, 400, "invalid_grant");
                    return;
                }
                String refresh = random();
                refreshTokens.put(refresh, grant);
                tokens(exchange, grant, refresh);
            }
            case "refresh_token" -> {
                Grant grant = f.get("refresh_token") == null ? null : refreshTokens.get(f.get("refresh_token"));
                if (grant == null) {
                    oauthError(exchange, 400, "invalid_grant");
                    return;
                }
                tokens(exchange, grant, null);
            }
            default -> oauthError(exchange, 400, "unsupported_grant_type");
        }
    }

    private void tokens(HttpExchange exchange, Grant grant, String refresh) throws IOException {
        // the shapes Cognito issues, signed by the stack's key (its kid in the JWKS the gateway reads)
        String access = auth.sign(auth.accessClaims(grant.user(), List.of(grant.group()), Instant.now(), tokenLifetime)
                .build());
        String id = auth.idToken(grant.user(), List.of(grant.group()), tokenLifetime);
        ObjectNode out = JSON.createObjectNode()
                .put("access_token", access)
                .put("id_token", id)
                .put("token_type", "Bearer")
                .put("expires_in", tokenLifetime.toSeconds());
        if (refresh != null) out.put("refresh_token", refresh);
        sendJson(exchange, 200, JSON.writeValueAsBytes(out));
    }

    private void revoke(HttpExchange exchange) throws IOException {
        Map<String, String> f = form(body(exchange));
        if (!LocalAuth.CLIENT_ID.equals(f.get("client_id"))) {
            oauthError(exchange, 400, "invalid_client");
            return;
        }
        if (f.get("token") == null) {
            oauthError(exchange, 400, "invalid_request");
            return;
        }
        refreshTokens.remove(f.get("token"));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, -1);
    }

    private void logout(HttpExchange exchange) throws IOException {
        Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
        if (!LocalAuth.CLIENT_ID.equals(q.get("client_id")) || !redirectUris.contains(q.get("logout_uri"))) {
            page(exchange, 400, "Sign-out refused", "Unknown client_id or logout_uri.");
            return;
        }
        exchange.getResponseHeaders().set("Location", q.get("logout_uri"));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    /** BASE64URL(SHA-256(verifier)), RFC 7636's S256 transformation. */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(64 * 1024);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void oauthError(HttpExchange exchange, int status, String error) throws IOException {
        sendJson(
                exchange, status, JSON.writeValueAsBytes(JSON.createObjectNode().put("error", error)));
    }

    private static void sendJson(HttpExchange exchange, int status, byte[] body) throws IOException {
        ApiGateway.send(
                exchange,
                status,
                Map.of("Content-Type", "application/json;charset=UTF-8", "Cache-Control", "no-store"),
                body);
    }

    private static void page(HttpExchange exchange, int status, String title, String message) throws IOException {
        sendHtml(
                exchange,
                status,
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                        + "</title></head><body><main><h1>" + escape(title) + "</h1><p>" + escape(message)
                        + "</p></main></body></html>");
    }

    private static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
        ApiGateway.send(
                exchange,
                status,
                Map.of(
                        "Content-Type",
                        "text/html; charset=utf-8",
                        "Cache-Control",
                        "no-store",
                        "Content-Security-Policy",
                        "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
                        "X-Content-Type-Options",
                        "nosniff"),
                html.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
