package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** template.yaml and the code agree: handler classes, routes, and the table. */
class TemplateConsistencyIT {
    static final CloudTemplate TEMPLATE = CloudTemplate.read(CloudTemplate.locate());
    static final Map<String, Class<?>> EVENT_OF_SOURCE = Map.of(
            "HttpApi",
            APIGatewayV2HTTPEvent.class,
            "DynamoDB",
            DynamodbEvent.class,
            "SQS",
            SQSEvent.class,
            "S3",
            S3Event.class);

    @Test
    void everyHandlerIsARequestHandlerOfItsEventType() throws Exception {
        Map<String, String> handlers = TEMPLATE.handlers();
        assertEquals(6, handlers.size(), handlers.toString());
        for (var entry : handlers.entrySet()) {
            String className = entry.getValue().split("::")[0];
            Class<?> handler = Class.forName(className);
            if (!TEMPLATE.eventProperties(entry.getKey(), "Schedule").isEmpty()) {
                // the schedule's event carries nothing the publisher reads: it takes the bytes unread
                assertTrue(RequestStreamHandler.class.isAssignableFrom(handler), className + " reads a stream");
                handler.getConstructor();
                assertTrue(entry.getValue().endsWith("::handleRequest"), entry.getValue());
                continue;
            }
            Class<?> input = requestHandlerInput(handler)
                    .orElseThrow(() -> new AssertionError(className + " is not a RequestHandler"));
            String source = EVENT_OF_SOURCE.keySet().stream()
                    .filter(type ->
                            !TEMPLATE.eventProperties(entry.getKey(), type).isEmpty())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(entry.getKey() + " has no known event source"));
            assertEquals(EVENT_OF_SOURCE.get(source), input, entry.getKey() + " handles " + source + " events");
            handler.getConstructor(); // Lambda builds it with no arguments
            assertTrue(entry.getValue().endsWith("::handleRequest"), entry.getValue());
        }
    }

    private static Optional<Class<?>> requestHandlerInput(Class<?> handler) {
        for (Type type : handler.getGenericInterfaces()) {
            if (type instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                return Optional.of((Class<?>) p.getActualTypeArguments()[0]);
            }
        }
        return Optional.empty();
    }

    @Test
    void everyRouteOfTheTemplateIsOneTheApiAnswers() {
        String admin = TestStack.token("root", "admins");
        List<CloudTemplate.Route> routes = TEMPLATE.routes();
        assertEquals(17, routes.size());
        for (CloudTemplate.Route route : routes) {
            String path = route.path()
                    .replace("{id}", "00000000-0000-4000-8000-000000000000")
                    .replace("{lang}", "en")
                    .replace("{rev}", "1-en")
                    .replace("{year}", "2026")
                    .replace("{month}", "12")
                    .replace("{file}", "00000000-0000-4000-8000-000000000000.jpg");
            HttpResponse<String> response = TestStack.api(
                    route.method(),
                    path,
                    route.open() ? null : admin,
                    route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}");
            assertNotEquals(500, response.statusCode(), route.routeKey());
            assertFalse(
                    response.body().contains("No such route"),
                    route.routeKey() + " is not handled: " + response.body());
        }
    }

    @Test
    void theLocalTableIsTheTemplatesTable() {
        CreateTableRequest expected = TableDefinition.fromTemplate(TEMPLATE, LocalCloud.TABLE);
        TableDescription actual = TestStack.get()
                .dynamo()
                .describeTable(b -> b.tableName(LocalCloud.TABLE))
                .table();
        assertEquals(expected.keySchema(), actual.keySchema());
        assertEquals(
                expected.attributeDefinitions().stream()
                        .sorted(Comparator.comparing(a -> a.attributeName()))
                        .toList(),
                actual.attributeDefinitions().stream()
                        .sorted(Comparator.comparing(a -> a.attributeName()))
                        .toList());
        assertEquals(
                expected.globalSecondaryIndexes().size(),
                actual.globalSecondaryIndexes().size());
        for (var index : expected.globalSecondaryIndexes()) {
            var match = actual.globalSecondaryIndexes().stream()
                    .filter(i -> i.indexName().equals(index.indexName()))
                    .findFirst()
                    .orElseThrow();
            assertEquals(index.keySchema(), match.keySchema(), index.indexName());
            assertEquals(index.projection().projectionType(), match.projection().projectionType(), index.indexName());
        }
        assertEquals(
                expected.streamSpecification().streamViewType(),
                actual.streamSpecification().streamViewType());
        assertTrue(actual.streamSpecification().streamEnabled());
    }
}
