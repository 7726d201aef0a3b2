package newsroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import newsroom.story.Actor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestGroupsTest {

    static Stream<Arguments> claims() {
        return Stream.of(
                // API Gateway's list form: names joined by single spaces
                Arguments.of("[admins]", Set.of("admins")),
                Arguments.of("[writers editors]", Set.of("writers", "editors")),
                Arguments.of("[]", Set.of()),
                Arguments.of("[editors  writers]", Set.of("editors", "writers")),
                // legal Cognito names that merely contain a role's name
                Arguments.of("[x,admins]", Set.of("x,admins")),
                Arguments.of("[\"admins\"]", Set.of("\"admins\"")),
                Arguments.of("[\"admins\",\"editors\"]", Set.of("\"admins\",\"editors\"")),
                Arguments.of("[writers \"admins\"]", Set.of("writers", "\"admins\"")),
                Arguments.of("[Admins]", Set.of("Admins")),
                Arguments.of("[admins\teditors]", Set.of("admins\teditors")),
                // a claim that is not a list names one group
                Arguments.of("admins", Set.of("admins")),
                Arguments.of("x,admins", Set.of("x,admins")),
                Arguments.of("\"admins\"", Set.of("\"admins\"")),
                Arguments.of(" admins", Set.of(" admins")),
                Arguments.of("[admins", Set.of("[admins")),
                Arguments.of("", Set.of()));
    }

    @ParameterizedTest(name = "claim <{0}>")
    @MethodSource("claims")
    void groupNamesAreReadWhole(String claim, Set<String> expected) {
        assertEquals(expected, Request.groups(claim));
    }

    @ParameterizedTest(name = "claim <{0}>")
    @MethodSource("lookalikes")
    void aGroupNamedLikeARoleGrantsNothing(String claim) {
        Actor actor = Request.actorOf(Map.of("sub", "u-1", "cognito:username", "mallory", "cognito:groups", claim))
                .orElseThrow();
        assertFalse(actor.canWrite(), claim);
    }

    static Stream<String> lookalikes() {
        return Stream.of("[x,admins]", "[\"admins\"]", "x,admins", "\"admins\"", "[admins,editors]", "['writers']");
    }
}
