package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalAuthTest {
    private static final Path WORK = Path.of("target", "local-auth-test");

    @Test
    void theKeyFileIsReadableByItsOwnerOnly() throws IOException {
        Path file = Files.createDirectories(WORK).resolve("new-" + System.nanoTime() + ".json");
        LocalAuth.kept(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aKeyFileWrittenOpenIsClosedOnNextUse() throws IOException {
        Path file = Files.createDirectories(WORK).resolve("old-" + System.nanoTime() + ".json");
        LocalAuth.kept(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        LocalAuth.kept(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aRouteWithScopesNeedsOneOfThemInTheToken() {
        LocalAuth auth = LocalAuth.generate();
        Instant now = Instant.now();
        String publish = auth.sign(auth.accessClaims("sam", List.of("editors"), now, Duration.ofHours(1))
                .claim("scope", "openid newsroom/publish")
                .build());
        String plain = auth.token("sam", List.of("editors"), Duration.ofHours(1));
        List<String> scopes = List.of("newsroom/publish", "newsroom/admin");

        LocalAuth.Outcome allowed = auth.verify("Bearer " + publish, scopes, now);
        assertEquals(
                List.of("openid", "newsroom/publish"),
                allowed.verified().orElseThrow().scopes());
        assertEquals(
                LocalAuth.Refusal.FORBIDDEN,
                auth.verify("Bearer " + plain, scopes, now).refusal());
        assertTrue(auth.verify("Bearer " + plain, List.of(), now).verified().isPresent(), "a route without scopes");
    }

    @Test
    void routeScopesAreReadFromTheTemplate() throws IOException {
        Path template = Files.createDirectories(WORK).resolve("scoped-template.yaml");
        Files.writeString(template, """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Events:
                        Publish:
                          Type: HttpApi
                          Properties:
                            Path: /articles/{id}/publish
                            Method: POST
                            Auth:
                              AuthorizationScopes:
                                - newsroom/publish
                        Read:
                          Type: HttpApi
                          Properties:
                            Path: /articles
                            Method: GET
                """);
        List<CloudTemplate.Route> routes = CloudTemplate.read(template).routes();
        assertEquals(List.of("newsroom/publish"), routes.get(0).scopes());
        assertEquals(List.of(), routes.get(1).scopes());
    }

    @Test
    void accessTokensNameTheClientAndNoAudience() throws Exception {
        LocalAuth auth = LocalAuth.generate();
        var claims = com.nimbusds.jwt.SignedJWT.parse(auth.token("alice", List.of("editors"), Duration.ofHours(1)))
                .getJWTClaimsSet();
        assertEquals("access", claims.getClaim("token_use"));
        assertEquals(LocalAuth.CLIENT_ID, claims.getClaim("client_id"));
        assertEquals(List.of(), claims.getAudience());
        assertEquals("Alice", claims.getClaim("name"));
    }
}
