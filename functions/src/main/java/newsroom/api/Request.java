package newsroom.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newsroom.story.Actor;

/** The parts of an API Gateway event the API reads, with headers looked up case-insensitively. */
record Request(
        String routeKey,
        Map<String, String> pathParameters,
        Map<String, String> query,
        Map<String, String> headers,
        String body,
        boolean base64,
        Optional<Actor> actor) {

    static Request of(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new java.util.HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> {
                if (k != null) headers.put(k.toLowerCase(Locale.ROOT), v);
            });
        }
        return new Request(
                event.getRouteKey() == null ? "" : event.getRouteKey(),
                event.getPathParameters() == null ? Map.of() : event.getPathParameters(),
                event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters(),
                headers,
                event.getBody(),
                event.getIsBase64Encoded(),
                actor(event));
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    String path(String name) {
        String value = pathParameters.get(name);
        if (value == null) throw ApiException.of(404, "Not found", "No such resource.");
        return value;
    }

    /** The caller, from the claims API Gateway's JWT authorizer verified. */
    private static Optional<Actor> actor(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null
                || context.getAuthorizer() == null
                || context.getAuthorizer().getJwt() == null) {
            return Optional.empty();
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        if (claims == null || claims.get("sub") == null) return Optional.empty();
        // id tokens name the user in cognito:username, access tokens (what the editor sends) in username
        String who = Optional.ofNullable(claims.get("cognito:username"))
                .or(() -> Optional.ofNullable(claims.get("username")))
                .orElse(claims.get("sub"));
        return Optional.of(new Actor(who, groups(claims.get("cognito:groups"))));
    }

    /** API Gateway passes a list claim as "[a b]"; a plain "a,b" or "a" is read too. */
    static Set<String> groups(String claim) {
        if (claim == null) return Set.of();
        String inner = claim.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) inner = inner.substring(1, inner.length() - 1);
        Set<String> groups = new LinkedHashSet<>();
        Arrays.stream(inner.split("[\\s,]+"))
                .map(s -> s.replace("\"", ""))
                .filter(s -> !s.isEmpty())
                .forEach(groups::add);
        return groups;
    }
}
