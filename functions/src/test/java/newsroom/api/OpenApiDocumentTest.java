package newsroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** openapi.json names exactly the routes the API answers, with the token and If-Match rules. */
class OpenApiDocumentTest {
    /** The route keys {@code Articles} answers, as API Gateway names them. */
    static final List<String> ROUTES = List.of(
            "POST /articles",
            "GET /articles",
            "GET /articles/{id}",
            "PUT /articles/{id}",
            "DELETE /articles/{id}",
            "PUT /articles/{id}/translations/{lang}",
            "DELETE /articles/{id}/translations/{lang}",
            "POST /articles/{id}/publish",
            "POST /articles/{id}/unpublish",
            "GET /articles/{id}/preview/{lang}",
            "GET /articles/{id}/revisions",
            "GET /articles/{id}/revisions/{rev}",
            "POST /articles/{id}/revisions/{rev}/restore",
            "POST /media",
            "GET /media/{year}/{month}/{file}",
            "POST /site/rebuild",
            "GET /openapi.json");

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    static JsonNode document() throws IOException {
        try (InputStream in = Articles.class.getResourceAsStream("openapi.json")) {
            assertNotNull(in, "openapi.json is packaged beside the API");
            return new ObjectMapper().readTree(in);
        }
    }

    static Set<String> documentedRoutes(JsonNode document) {
        Set<String> routes = new TreeSet<>();
        document.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (METHODS.contains(method)) {
                        routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return routes;
    }

    @Test
    void documentIsOpenApi31() throws IOException {
        assertEquals("3.1.0", document().path("openapi").asText());
    }

    @Test
    void everyRouteIsDocumented() throws IOException {
        Set<String> documented = documentedRoutes(document());
        for (String route : ROUTES) {
            assertTrue(documented.contains(route), route + " is missing from openapi.json");
        }
    }

    @Test
    void documentHasNoRouteTheApiLacks() throws IOException {
        assertEquals(new TreeSet<>(ROUTES), documentedRoutes(document()));
    }

    @Test
    void onlyTheDocumentItselfSkipsTheToken() throws IOException {
        JsonNode document = document();
        assertTrue(document.path("components").path("securitySchemes").has("cognito"));
        assertTrue(document.path("security").path(0).has("cognito"), "the default is the bearer token");
        for (String route : ROUTES) {
            String[] parts = route.split(" ", 2);
            JsonNode security = document.path("paths")
                    .path(parts[1])
                    .path(parts[0].toLowerCase(Locale.ROOT))
                    .path("security");
            boolean open = security.isArray() && security.isEmpty();
            assertEquals(route.equals("GET /openapi.json"), open, route);
            if (!open) {
                assertTrue(security.path(0).has("cognito"), route + " names the bearer token itself");
            }
        }
    }

    @Test
    void everyChangeToAStoryNeedsIfMatch() throws IOException {
        JsonNode document = document();
        for (String route : ROUTES) {
            String[] parts = route.split(" ", 2);
            boolean change = parts[1].startsWith("/articles/{id}") && !parts[0].equals("GET");
            JsonNode operation = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
            boolean ifMatch = false;
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("$ref").asText().equals("#/components/parameters/IfMatch")) {
                    ifMatch = true;
                }
            }
            assertEquals(change, ifMatch, route);
            if (change) {
                assertTrue(operation.path("responses").has("412"), route + " documents 412");
                assertTrue(operation.path("responses").has("428"), route + " documents 428");
            }
        }
    }
}
