package newsroom.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import newsroom.api.Articles;
import newsroom.site.Config;
import newsroom.story.InMemoryStories;
import newsroom.story.PictureCatalog;
import newsroom.story.StoryService;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

/** SnapStart's priming runs the handler on a read and a refused write, and writes nothing. */
class ApiHandlerPrimingTest {
    @Test
    void primingReadsAndIsRefusedWritingNothingAndLeavesTheHandlerAnswering() throws Exception {
        Config config = Config.from(Map.of("TABLE_NAME", "t", "BUCKET_NAME", "b"));
        InMemoryStories repository = new InMemoryStories();
        StoryService stories = new StoryService(repository, config.languages(), config.categories(), Clock.systemUTC());
        Articles articles = new Articles(
                stories,
                config,
                Clock.systemUTC(),
                (key, type, length, validFor) -> {
                    throw new AssertionError("priming signs no upload");
                },
                PictureCatalog.NONE,
                (story, lang) -> {
                    throw new AssertionError("priming renders no preview");
                },
                messages -> {
                    throw new AssertionError("priming starts no rebuild");
                });
        ApiHandler handler = new ApiHandler(articles);

        assertEquals(List.of(404, 400), handler.prime());
        ((Resource) handler).beforeCheckpoint(null);
        assertEquals(0, repository.writes(), "priming wrote");

        APIGatewayV2HTTPResponse created = handler.handleRequest(
                event(
                        "POST /articles",
                        "/articles",
                        Map.of(),
                        "{\"category\": \"city\", \"translations\": "
                                + "{\"en\": {\"title\": \"After priming\", \"lead\": \"l\", \"body\": \"b\"}}}"),
                null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        assertEquals(1, repository.writes());
        String id = created.getBody().replaceFirst("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        APIGatewayV2HTTPResponse read =
                handler.handleRequest(event("GET /articles/{id}", "/articles/" + id, Map.of("id", id), null), null);
        assertEquals(200, read.getStatusCode(), read.getBody());
        assertTrue(read.getBody().contains("After priming"), read.getBody());
    }

    private static APIGatewayV2HTTPEvent event(String routeKey, String path, Map<String, String> ids, String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withPathParameters(ids)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("after-priming")
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                        .builder()
                                        .withClaims(Map.of("sub", "alice", "cognito:groups", "[editors]"))
                                        .build())
                                .build())
                        .build())
                .build();
    }
}
