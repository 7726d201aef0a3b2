package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every route of template.yaml, called with tokens the JWT authorizer must refuse (401) and with
 * roles the newsroom must refuse (403). Only GET /openapi.json is open.
 */
class RouteAuthorizationIT {
    static final String OPEN = "GET /openapi.json";
    static final Set<String> EDITOR_ONLY =
            Set.of("POST /articles/{id}/publish", "POST /articles/{id}/unpublish", "DELETE /articles/{id}");
    static final Set<String> ADMIN_ONLY = Set.of("POST /site/rebuild");

    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static List<CloudTemplate.Route> routes;
    static String storyId;
    static final Map<String, int[]> figures = new LinkedHashMap<>();

    @BeforeAll
    static void routesAndAStory() throws Exception {
        routes = CloudTemplate.read(CloudTemplate.locate()).routes();
        var created = TestStack.api(
                "POST",
                "/articles",
                TestStack.token("access-editor", "editors"),
                "{\"category\":\"city\",\"translations\":{\"en\":{\"title\":\"Access check story\","
                        + "\"body\":\"Text.\"}}}");
        assertEquals(201, created.statusCode(), created.body());
        storyId = Answers.JSON.readTree(created.body()).get("id").asText();
    }

    @Test
    void theTemplateHasRoutesAndOnlyOneOpenRoute() {
        assertTrue(routes.size() >= 10, "routes: " + routes);
        List<String> open = routes.stream()
                .filter(CloudTemplate.Route::open)
                .map(CloudTemplate.Route::routeKey)
                .toList();
        assertEquals(List.of(OPEN), open);
    }

    /** Tokens the JWT authorizer must refuse, by what is wrong with them. */
    static Map<String, Optional<String>> refusedTokens() {
        LocalAuth stack = TestStack.get().auth();
        String good = stack.token("access-admin", List.of("admins"), Duration.ofHours(1));
        Map<String, Optional<String>> tokens = new LinkedHashMap<>();
        tokens.put("missing", Optional.empty());
        tokens.put(
                "expired",
                Optional.of(stack.token(
                        "access-admin",
                        List.of("admins"),
                        stack.issuer(),
                        Instant.now().minusSeconds(120))));
        tokens.put(
                "signed by an unknown key",
                Optional.of(LocalAuth.generate().token("access-admin", List.of("admins"), Duration.ofHours(1))));
        tokens.put(
                "from another issuer",
                Optional.of(stack.token(
                        "access-admin",
                        List.of("admins"),
                        "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_other",
                        Instant.now().plusSeconds(3600))));
        tokens.put("unsigned (alg none)", Optional.of(unsigned(good)));
        tokens.put("with claims changed after signing", Optional.of(tampered(good)));
        tokens.put("not a JWT", Optional.of("not-a-token"));
        return tokens;
    }

    @TestFactory
    Stream<DynamicTest> everyClosedRouteRefusesBadTokensWith401() {
        List<DynamicTest> tests = new ArrayList<>();
        refusedTokens().forEach((what, token) -> {
            for (CloudTemplate.Route route : routes) {
                tests.add(DynamicTest.dynamicTest(route.routeKey() + " with a token " + what, () -> {
                    HttpResponse<byte[]> response = call(route, token.map(t -> "Bearer " + t));
                    count(
                            "401 for a token " + what,
                            response.statusCode() == (route.routeKey().equals(OPEN) ? 200 : 401));
                    if (route.routeKey().equals(OPEN)) {
                        assertEquals(200, response.statusCode(), "the open route");
                    } else {
                        assertEquals(401, response.statusCode(), body(response));
                        assertEquals(List.of(), Answers.problems(route.method(), response));
                        assertTrue(response.headers()
                                .firstValue("WWW-Authenticate")
                                .isPresent());
                    }
                }));
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> rolesAreRefusedWith403WhereTheRulesSaySo() {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        roles.put("writers", List.of("writers"));
        roles.put("editors", List.of("editors"));
        roles.put("no known group", List.of("readers"));
        roles.put("no group at all", List.of());
        List<DynamicTest> tests = new ArrayList<>();
        roles.forEach((role, groups) -> {
            String token =
                    TestStack.get().auth().token("access-" + role.replace(' ', '-'), groups, Duration.ofHours(1));
            for (CloudTemplate.Route route : routes) {
                if (route.routeKey().equals(OPEN)) continue;
                boolean refused = switch (role) {
                    case "writers" -> EDITOR_ONLY.contains(route.routeKey()) || ADMIN_ONLY.contains(route.routeKey());
                    case "editors" -> ADMIN_ONLY.contains(route.routeKey());
                    default -> true;
                };
                tests.add(DynamicTest.dynamicTest(
                        route.routeKey() + " as " + role + (refused ? " is forbidden" : " is allowed"), () -> {
                            HttpResponse<byte[]> response = call(route, Optional.of("Bearer " + token));
                            assertEquals(List.of(), Answers.problems(route.method(), response));
                            if (refused) {
                                count("403 for " + role, response.statusCode() == 403);
                                assertEquals(403, response.statusCode(), body(response));
                            } else {
                                count(
                                        "not refused for " + role,
                                        response.statusCode() != 401 && response.statusCode() != 403);
                                assertFalse(Set.of(401, 403).contains(response.statusCode()), body(response));
                            }
                        }));
            }
        });
        return tests.stream();
    }

    @AfterAll
    static void writeFigures() {
        List<List<String>> rows = new ArrayList<>();
        figures.forEach((what, n) -> rows.add(List.of(what, Integer.toString(n[0]), Integer.toString(n[1]))));
        HostileReport.write(new HostileReport.Group(
                "Tokens and roles on every route",
                "Every route of template.yaml ("
                        + routes.size()
                        + ") through the API gateway emulator. Bad tokens must get 401 (the open GET"
                        + " /openapi.json 200); writers may not publish, unpublish, delete or rebuild,"
                        + " editors may not rebuild, and a token without a known group gets 403 everywhere."
                        + " Allowed calls carry no If-Match and an empty body, so they change nothing.",
                List.of("check", "requests", "as expected"),
                rows));
    }

    static synchronized void count(String what, boolean expected) {
        int[] n = figures.computeIfAbsent(what, k -> new int[2]);
        n[0]++;
        if (expected) n[1]++;
    }

    /** Calls a route with a harmless request: no If-Match and an empty JSON object. */
    static HttpResponse<byte[]> call(CloudTemplate.Route route, Optional<String> authorization) throws Exception {
        String path = route.path()
                .replace("{id}", storyId)
                .replace("{lang}", "en")
                .replace("{rev}", "1-en")
                .replace("{year}", "2026")
                .replace("{month}", "12")
                .replace("{file}", "00000000-0000-4000-8000-000000000000.jpg");
        boolean body = Set.of("POST", "PUT").contains(route.method());
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(TestStack.get().apiUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        route.method(),
                        body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (body) request.header("Content-Type", "application/json");
        authorization.ifPresent(a -> request.header("Authorization", a));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String body(HttpResponse<byte[]> response) {
        return Answers.abbreviated(new String(response.body(), StandardCharsets.UTF_8));
    }

    /** The same claims with the header's algorithm set to none and the signature dropped. */
    static String unsigned(String jwt) {
        String[] parts = jwt.split("\\.");
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    /** The token's payload with the username claim changed, under the original signature. */
    static String tampered(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = payload.replace("\"username\":\"access-admin\"", "\"username\":\"someone-else\"");
        assertFalse(changed.equals(payload), "the payload has a username to change");
        return parts[0]
                + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
                + "."
                + parts[2];
    }
}
