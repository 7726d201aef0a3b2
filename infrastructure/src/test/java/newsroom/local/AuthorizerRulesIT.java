package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The local JWT authorizer follows API Gateway's documented rules, each tried both ways: a token
 * that keeps the rule passes (200), one that breaks it gets 401.
 */
class AuthorizerRulesIT {
    private static final String USER = "rules-writer";

    static Stream<Arguments> tokens() {
        LocalAuth auth = TestStack.get().auth();
        Instant now = Instant.now();
        JWSHeader noKid = new JWSHeader.Builder(JWSAlgorithm.RS256).build();
        JWSHeader foreignKid = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("not-in-the-jwks")
                .build();
        return Stream.of(
                Arguments.of("an access token (client_id, no aud)", access(auth, now, c -> c), 200),
                Arguments.of("an ID token (aud)", auth.idToken(USER, List.of("writers"), Duration.ofHours(1)), 200),
                Arguments.of(
                        "an access token with another client_id",
                        access(auth, now, c -> c.claim("client_id", "someone-elses-client")),
                        401),
                Arguments.of("neither aud nor client_id", access(auth, now, c -> c.claim("client_id", null)), 401),
                Arguments.of(
                        "the right client_id but another aud (aud is evaluated)",
                        access(auth, now, c -> c.audience("someone-elses-client")),
                        401),
                Arguments.of(
                        "the right aud and another client_id (aud is evaluated)",
                        access(auth, now, c -> c.audience(LocalAuth.CLIENT_ID).claim("client_id", "other")),
                        200),
                Arguments.of("no kid", auth.sign(access(auth, now).build(), noKid), 401),
                Arguments.of(
                        "a kid not in the JWKS", auth.sign(access(auth, now).build(), foreignKid), 401),
                Arguments.of(
                        "nbf 20 s ahead (within the skew)",
                        access(auth, now, c -> c.notBeforeTime(Date.from(now.plusSeconds(20)))),
                        200),
                Arguments.of(
                        "nbf 5 minutes ahead",
                        access(auth, now, c -> c.notBeforeTime(Date.from(now.plusSeconds(300)))),
                        401),
                Arguments.of(
                        "iat 20 s ahead (within the skew)",
                        access(auth, now, c -> c.issueTime(Date.from(now.plusSeconds(20)))),
                        200),
                Arguments.of(
                        "iat 5 minutes ahead",
                        access(auth, now, c -> c.issueTime(Date.from(now.plusSeconds(300)))),
                        401),
                Arguments.of(
                        "exp a minute ago",
                        access(auth, now, c -> c.expirationTime(Date.from(now.minusSeconds(60)))),
                        401),
                Arguments.of("no exp", access(auth, now, c -> c.expirationTime(null)), 401),
                Arguments.of(
                        "another issuer",
                        access(auth, now, c -> c.issuer("https://cognito-idp.us-east-1.amazonaws.com/other")),
                        401),
                Arguments.of(
                        "the issuer with a trailing slash", access(auth, now, c -> c.issuer(auth.issuer() + "/")), 401),
                Arguments.of(
                        "a token of 9,000 bytes (within the header quota)",
                        access(auth, now, c -> c.claim("padding", "p".repeat(6_400))),
                        200),
                Arguments.of(
                        "a token over the header quota",
                        access(auth, now, c -> c.claim("padding", "p".repeat(8_000))),
                        431));
    }

    private static JWTClaimsSet.Builder access(LocalAuth auth, Instant now) {
        return auth.accessClaims(USER, List.of("writers"), now, Duration.ofHours(1));
    }

    private static String access(LocalAuth auth, Instant now, UnaryOperator<JWTClaimsSet.Builder> change) {
        return auth.sign(change.apply(access(auth, now)).build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void theAuthorizerAppliesApiGatewaysRules(String what, String token, int status) {
        HttpResponse<String> response = TestStack.api("GET", "/articles?limit=1", token, null);
        assertEquals(
                status, response.statusCode(), what + " (token of " + token.length() + " bytes): " + response.body());
    }

    @Test
    void theIssuerServesItsKeysAtTheWellKnownJwksPath() throws Exception {
        LocalCloud cloud = TestStack.get();
        URI issuer = URI.create(cloud.auth().issuer());
        assertEquals("http", issuer.getScheme());
        assertEquals(URI.create(cloud.apiUrl()).getPort(), issuer.getPort(), "the issuer is an address of the stack");
        HttpResponse<String> jwks = TestStack.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/jwks.json"))
                .GET()
                .build());
        assertEquals(200, jwks.statusCode());
        JWKSet keys = JWKSet.parse(jwks.body());
        assertTrue(keys.getKeys().stream().noneMatch(k -> k.isPrivate()), "only public keys are published");
        SignedJWT token = SignedJWT.parse(TestStack.token("jwks-writer", "writers"));
        RSAKey key = (RSAKey) keys.getKeyByKeyId(token.getHeader().getKeyID());
        assertTrue(token.verify(new RSASSAVerifier(key)), "a token of the stack verifies with the published key");
        assertEquals(cloud.auth().issuer(), token.getJWTClaimsSet().getIssuer());
    }
}
