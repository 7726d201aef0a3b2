package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the editor needs from the stack, over HTTP: Cognito-like OAuth endpoints with PKCE whose
 * access tokens the gateway accepts, CORS as the template's HttpApi configures it, title search in
 * the story list, and the editor's files at /admin/ with their caching and content security policy.
 */
class EditorBackendIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String VERIFIER = "a-verifier-of-at-least-43-characters-" + UUID.randomUUID();

    static String cdn() {
        return TestStack.get().cdnUrl();
    }

    static String callback() {
        return cdn().replace("127.0.0.1", "localhost") + "/admin/";
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return TestStack.HTTP.send(
                request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The authorize page's form, submitted as a browser would: the code the callback receives. */
    static String code(String user, String group, String challenge) throws Exception {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of(
                "client_id",
                LocalAuth.CLIENT_ID,
                "redirect_uri",
                callback(),
                "state",
                "s-1",
                "code_challenge",
                challenge,
                "code_challenge_method",
                "S256",
                "username",
                user,
                "group",
                group));
        var answer = post(cdn() + "/oauth2/authorize", form);
        assertEquals(302, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(callback() + "?code="), location);
        assertTrue(location.endsWith("&state=s-1"), location);
        Matcher m = Pattern.compile("code=([^&]+)").matcher(location);
        assertTrue(m.find());
        return m.group(1);
    }

    static HttpResponse<String> exchange(String code, String verifier) throws Exception {
        return post(
                cdn() + "/oauth2/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        LocalAuth.CLIENT_ID,
                        "code",
                        code,
                        "redirect_uri",
                        callback(),
                        "code_verifier",
                        verifier));
    }

    @Test
    void authorizePageNeedsTheClientItsCallbackAndPkce() throws Exception {
        String good = "/oauth2/authorize?response_type=code&client_id=" + LocalAuth.CLIENT_ID + "&redirect_uri="
                + URLEncoder.encode(callback(), StandardCharsets.UTF_8)
                + "&state=x&code_challenge=abc&code_challenge_method=S256";
        var page = TestStack.cdn(good);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("name=\"username\""));
        assertTrue(page.body().contains("value=\"editors\""));
        assertEquals(
                400,
                TestStack.cdn(good.replace("redirect_uri=", "redirect_uri=https%3A%2F%2Fevil.example%2F"))
                        .statusCode());
        assertEquals(400, TestStack.cdn(good.replace("S256", "plain")).statusCode());
        assertEquals(
                400,
                TestStack.cdn(good.replace(LocalAuth.CLIENT_ID, "other-client")).statusCode());
    }

    @Test
    void codeFlowChecksTheVerifierAndItsAccessTokenWorksAtTheGatewayAsTheSignedInUser() throws Exception {
        String challenge = LocalOAuth.s256(VERIFIER);
        String code = code("kamila", "writers", challenge);
        var wrong = exchange(code, VERIFIER + "x");
        assertEquals(400, wrong.statusCode());
        assertEquals("invalid_grant", JSON.readTree(wrong.body()).get("error").asText());
        // a refused attempt used the code up, as Cognito does
        assertEquals(400, exchange(code, VERIFIER).statusCode());

        String second = code("kamila", "writers", challenge);
        var tokens = exchange(second, VERIFIER);
        assertEquals(200, tokens.statusCode(), tokens.body());
        JsonNode t = JSON.readTree(tokens.body());
        assertEquals("Bearer", t.get("token_type").asText());
        assertEquals(3600, t.get("expires_in").asInt());
        assertNotNull(t.get("refresh_token"));
        assertEquals(400, exchange(second, VERIFIER).statusCode(), "a code works once");

        JsonNode access = claims(t.get("access_token").asText());
        assertEquals("access", access.get("token_use").asText());
        assertEquals(LocalAuth.CLIENT_ID, access.get("client_id").asText());
        assertEquals("kamila", access.get("username").asText());
        assertEquals("writers", access.get("cognito:groups").get(0).asText());
        assertEquals("Kamila", claims(t.get("id_token").asText()).get("name").asText());

        var created = TestStack.api("POST", "/articles", t.get("access_token").asText(), story("Access token story"));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("kamila", JSON.readTree(created.body()).get("createdBy").asText());

        var refreshed = post(
                cdn() + "/oauth2/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        LocalAuth.CLIENT_ID,
                        "refresh_token",
                        t.get("refresh_token").asText()));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        String again = JSON.readTree(refreshed.body()).get("access_token").asText();
        assertEquals(200, TestStack.api("GET", "/articles?limit=1", again, null).statusCode());

        var revoked = post(
                cdn() + "/oauth2/revoke",
                Map.of(
                        "client_id",
                        LocalAuth.CLIENT_ID,
                        "token",
                        t.get("refresh_token").asText()));
        assertEquals(200, revoked.statusCode());
        var afterRevoke = post(
                cdn() + "/oauth2/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        LocalAuth.CLIENT_ID,
                        "refresh_token",
                        t.get("refresh_token").asText()));
        assertEquals(400, afterRevoke.statusCode());

        var logout = TestStack.cdn("/logout?client_id=" + LocalAuth.CLIENT_ID + "&logout_uri="
                + URLEncoder.encode(callback(), StandardCharsets.UTF_8));
        assertEquals(302, logout.statusCode());
        assertEquals(callback(), logout.headers().firstValue("Location").orElseThrow());
        assertEquals(
                400,
                TestStack.cdn("/logout?client_id=" + LocalAuth.CLIENT_ID + "&logout_uri=https%3A%2F%2Fevil.example%2F")
                        .statusCode());
    }

    @Test
    void corsAsTheTemplateConfiguresItForTheEditorsOriginOnly() throws Exception {
        String origin = callback().replace("/admin/", "");
        var preflight = send(HttpRequest.newBuilder(URI.create(TestStack.get().apiUrl() + "/articles/x"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match"));
        assertEquals(204, preflight.statusCode());
        assertEquals(
                origin,
                preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(preflight
                .headers()
                .firstValue("Access-Control-Allow-Headers")
                .orElse("")
                .contains("if-match"));
        assertTrue(preflight
                .headers()
                .firstValue("Access-Control-Allow-Methods")
                .orElse("")
                .contains("PUT"));
        assertEquals(
                "600", preflight.headers().firstValue("Access-Control-Max-Age").orElse(""));

        var foreign = send(HttpRequest.newBuilder(URI.create(TestStack.get().apiUrl() + "/articles"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET"));
        assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty());

        var read = send(HttpRequest.newBuilder(URI.create(TestStack.get().apiUrl() + "/articles?limit=1"))
                .header("Origin", origin)
                .header("Authorization", "Bearer " + TestStack.token("wanda", "writers")));
        assertEquals(200, read.statusCode());
        assertEquals(
                origin, read.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(read.headers()
                .firstValue("Access-Control-Expose-Headers")
                .orElse("")
                .contains("etag"));
    }

    @Test
    void listSearchesTitlesInEveryLanguageAndPagesThroughMatches() throws Exception {
        String token = TestStack.token("wanda", "writers");
        String marker = "Zq" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var created = TestStack.api("POST", "/articles", token, story("Market " + marker + " " + i));
            assertEquals(201, created.statusCode(), created.body());
            ids.add(JSON.readTree(created.body()).get("id").asText());
        }
        assertEquals(
                201,
                TestStack.api("POST", "/articles", token, story("Unrelated story"))
                        .statusCode());

        JsonNode all = JSON.readTree(TestStack.api("GET", "/articles?q=" + marker.toLowerCase(), token, null)
                .body());
        List<String> found = new ArrayList<>();
        all.get("items").forEach(s -> found.add(s.get("id").asText()));
        assertEquals(List.of(ids.get(2), ids.get(1), ids.get(0)), found, "matches only, newest first");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var page = TestStack.api(
                    "GET",
                    "/articles?limit=1&q=" + marker
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    token,
                    null);
            assertEquals(200, page.statusCode(), page.body());
            JsonNode body = JSON.readTree(page.body());
            assertTrue(body.get("items").size() <= 1);
            body.get("items").forEach(s -> paged.add(s.get("id").asText()));
            cursor = body.get("nextCursor").isNull()
                    ? null
                    : body.get("nextCursor").asText();
        } while (cursor != null);
        assertEquals(found, paged);

        var tooLong = TestStack.api("GET", "/articles?q=" + "x".repeat(201), token, null);
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("\"q\""), tooLong.body());
    }

    @Test
    void editorIsServedAtAdminWithImmutableAssetsAndARevalidatedPage() throws Exception {
        assumeTrue(EditorSite.built(), "the editor is not built (npm)");
        var index = TestStack.cdn("/admin/");
        assertEquals(200, index.statusCode());
        assertEquals("no-cache", index.headers().firstValue("Cache-Control").orElse(""));
        String csp = index.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertFalse(csp.contains("unsafe"), csp);
        Matcher script = Pattern.compile("src=\"(assets/main-[A-Z0-9]+\\.js)\"").matcher(index.body());
        assertTrue(script.find(), index.body());
        var asset = TestStack.cdn("/admin/" + script.group(1));
        assertEquals(200, asset.statusCode());
        assertEquals(
                "public, max-age=31536000, immutable",
                asset.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(asset.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        JsonNode config = JSON.readTree(TestStack.cdn("/admin/config.json").body());
        assertEquals(TestStack.get().apiUrl(), config.get("api").asText());
        assertEquals(LocalAuth.CLIENT_ID, config.get("clientId").asText());
        assertEquals(301, TestStack.cdn("/admin").statusCode());
        assertEquals(404, TestStack.cdn("/admin/assets/none.js").statusCode());
        assertEquals(404, TestStack.cdn("/admin/../template.yaml").statusCode());
    }

    static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    static String story(String title) {
        return """
        {"category": "city", "translations": {"ru": {"title": "%s", "body": "Текст."}}}
        """.formatted(title);
    }
}
