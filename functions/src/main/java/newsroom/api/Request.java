package newsroom.api;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newsroom.story.Actor;

/**
 * The parts of an HTTP request the API reads, with headers looked up case-insensitively (the entry
 * point passes their names in lower case).
 */
public record Request(
        String routeKey,
        Map<String, String> pathParameters,
        Map<String, String> query,
        Map<String, String> headers,
        String body,
        boolean base64,
        Optional<Actor> actor) {

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    String path(String name) {
        String value = pathParameters.get(name);
        if (value == null) throw ApiException.of(404, "Not found", "No such resource.");
        return value;
    }

    /** The caller, from the claims API Gateway's JWT authorizer verified (null: no token). */
    public static Optional<Actor> actorOf(Map<String, String> claims) {
        if (claims == null || claims.get("sub") == null) return Optional.empty();
        // an ID token names the user in cognito:username, an access token in username
        String who = Optional.ofNullable(claims.get("cognito:username"))
                .or(() -> Optional.ofNullable(claims.get("username")))
                .orElse(claims.get("sub"));
        return Optional.of(new Actor(who, groups(claims.get("cognito:groups")), claims.get("name")));
    }

    /**
     * The groups of a {@code cognito:groups} claim exactly as API Gateway's HTTP API passes a list
     * claim: {@code [a b]}, the names joined by single spaces (Cognito group names hold no spaces).
     * A claim that is not a list names one group. Names are matched whole: a group called {@code
     * x,admins} or {@code "admins"} is not {@code admins}. A JSON array's text reads as that list
     * form too ({@code ["admins"]} is the one group {@code "admins"}): the two forms cannot be told
     * apart from the text, and reading the quotes away would let such a group name grant a role.
     */
    static Set<String> groups(String claim) {
        if (claim == null || claim.isEmpty()) return Set.of();
        if (!(claim.length() >= 2 && claim.startsWith("[") && claim.endsWith("]"))) return Set.of(claim);
        Set<String> groups = new LinkedHashSet<>();
        for (String name : claim.substring(1, claim.length() - 1).split(" ", -1)) {
            if (!name.isEmpty()) groups.add(name);
        }
        return groups;
    }
}
