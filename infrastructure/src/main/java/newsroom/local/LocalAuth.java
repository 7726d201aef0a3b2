package newsroom.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The local stand-in for the Cognito user pool: RS256 tokens with Cognito's claims, signed by a key
 * kept beside the local data, published as a JWKS under the issuer's URL, and checked by the rules
 * API Gateway's JWT authorizer documents.
 */
public final class LocalAuth {
    /** The user pool's id: the last segment of the issuer, as in Cognito's issuer URLs. */
    public static final String POOL = "local_newsroom";
    /** The app client: an access token names it in client_id, an ID token in aud. */
    public static final String CLIENT_ID = "newsroom-local-client";
    /** Where the gateway answers, by default; the issuer is an address of the stack itself. */
    static final int DEFAULT_ISSUER_PORT = 3000;
    /** How far nbf and iat may lie in the future, for clocks a little apart. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** The scope Cognito puts in every access token from its own sign-in. */
    static final String SIGNIN_SCOPE = "aws.cognito.signin.user.admin";

    private static final Set<JWSAlgorithm> RSA = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final RSAKey key;
    private final String issuer;

    private LocalAuth(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    public static LocalAuth generate() {
        try {
            return new LocalAuth(
                    new RSAKeyGenerator(2048)
                            .keyID(UUID.randomUUID().toString())
                            .generate(),
                    issuerAt(DEFAULT_ISSUER_PORT));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key stored at {@code file}, made on first use, so tokens outlive a restart. The file holds
     * a private key: it is readable by its owner only.
     */
    public static LocalAuth kept(Path file) {
        try {
            if (Files.exists(file)) {
                ownerOnly(file);
                return new LocalAuth(
                        RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)), issuerAt(DEFAULT_ISSUER_PORT));
            }
            LocalAuth auth = generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (posix()) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, auth.key.toJSONString(), StandardCharsets.UTF_8);
            return auth;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable key file " + file, e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** A key file written before its mode was set is made owner-only too. */
    private static void ownerOnly(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    /** The issuer of a stack whose gateway answers on {@code port}: Cognito's URL shape, on loopback. */
    public static String issuerAt(int port) {
        return "http://127.0.0.1:" + port + "/" + POOL;
    }

    /** The same key, issuing as {@code issuer}. */
    public LocalAuth issuing(String issuer) {
        return new LocalAuth(key, issuer);
    }

    public String issuer() {
        return issuer;
    }

    /** Where API Gateway fetches the keys of an issuer, and where the local stack serves them. */
    public String jwksUrl() {
        return issuer + "/.well-known/jwks.json";
    }

    /** The public half of the key, as a JSON Web Key Set. */
    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    /** An access token, as Cognito issues it after a sign-in: what staff clients send. */
    public String token(String user, List<String> groups, Duration validFor) {
        return sign(accessClaims(user, groups, Instant.now(), validFor).build());
    }

    /**
     * A token signed by this key with any issuer and expiry: for tests of what the gateway refuses.
     */
    public String token(String user, List<String> groups, String issuer, Instant expires) {
        return sign(accessClaims(user, groups, Instant.now(), Duration.ZERO)
                .issuer(issuer)
                .expirationTime(Date.from(expires))
                .build());
    }

    /** An ID token, as Cognito issues it: the app client in aud, the user's profile claims. */
    public String idToken(String user, List<String> groups, Duration validFor) {
        Instant now = Instant.now();
        return sign(common(user, groups, now, validFor)
                .audience(CLIENT_ID)
                .claim("token_use", "id")
                .claim("cognito:username", user)
                .claim("name", displayName(user))
                .claim("email", user + "@newsroom.local")
                .build());
    }

    /** The claims of an access token, to sign as they are or changed (tests of each rule). */
    public JWTClaimsSet.Builder accessClaims(String user, List<String> groups, Instant now, Duration validFor) {
        return common(user, groups, now, validFor)
                .claim("client_id", CLIENT_ID)
                .claim("token_use", "access")
                .claim("scope", SIGNIN_SCOPE)
                .claim("username", user)
                .claim("name", displayName(user));
    }

    private JWTClaimsSet.Builder common(String user, List<String> groups, Instant now, Duration validFor) {
        return new JWTClaimsSet.Builder()
                .subject(UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8))
                        .toString())
                .issuer(issuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("auth_time", now.getEpochSecond())
                .claim("cognito:groups", groups)
                .jwtID(UUID.randomUUID().toString());
    }

    /** A local user's display name: "alice" and "anna.berg" become "Alice" and "Anna Berg". */
    static String displayName(String user) {
        return String.join(
                " ",
                Arrays.stream(user.split("[._-]+"))
                        .filter(part -> !part.isEmpty())
                        .map(part -> part.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + part.substring(1))
                        .toList());
    }

    /** Signs claims with this key, its kid in the header. */
    public String sign(JWTClaimsSet claims) {
        return sign(
                claims,
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build());
    }

    /** Signs claims with this key under any header (a missing or foreign kid, for tests). */
    public String sign(JWTClaimsSet claims, JWSHeader header) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the authorizer hands the function: the claims as strings, and the token's scopes. */
    public record Verified(Map<String, String> claims, List<String> scopes) {}

    /** Why the authorizer refused a request: 401 for the token, 403 for its scopes. */
    public enum Refusal {
        UNAUTHORIZED,
        FORBIDDEN
    }

    /** A verification's outcome: the claims, or why not. */
    public record Outcome(Optional<Verified> verified, Refusal refusal) {
        static Outcome refused(Refusal refusal) {
            return new Outcome(Optional.empty(), refusal);
        }
    }

    /**
     * Checks a token as API Gateway's JWT authorizer does: an RSA signature by the key the header's
     * kid names in the issuer's JWKS, the issuer, aud (or client_id when there is no aud), exp in
     * the future, nbf and iat not beyond a small skew in the future, and, where the route names
     * scopes, at least one of them in the token's scope claim. Claims reach the function as API
     * Gateway passes them: every value a string, a list as "[a b]", times in epoch seconds.
     */
    public Outcome verify(String authorization, List<String> routeScopes, Instant now) {
        if (authorization == null) return Outcome.refused(Refusal.UNAUTHORIZED);
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7))
            token = token.substring(7).strip();
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!RSA.contains(header.getAlgorithm())) return Outcome.refused(Refusal.UNAUTHORIZED);
            if (header.getKeyID() == null || !header.getKeyID().equals(key.getKeyID())) {
                return Outcome.refused(Refusal.UNAUTHORIZED);
            }
            if (!jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) return Outcome.refused(Refusal.UNAUTHORIZED);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer())) return Outcome.refused(Refusal.UNAUTHORIZED);
            boolean audienceOk = claims.getAudience().isEmpty()
                    ? CLIENT_ID.equals(claims.getClaim("client_id"))
                    : claims.getAudience().contains(CLIENT_ID);
            if (!audienceOk) return Outcome.refused(Refusal.UNAUTHORIZED);
            Date latestStart = Date.from(now.plus(CLOCK_SKEW));
            if (claims.getExpirationTime() == null
                    || !claims.getExpirationTime().after(Date.from(now))) return Outcome.refused(Refusal.UNAUTHORIZED);
            if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().after(latestStart)) {
                return Outcome.refused(Refusal.UNAUTHORIZED);
            }
            if (claims.getIssueTime() != null && claims.getIssueTime().after(latestStart)) {
                return Outcome.refused(Refusal.UNAUTHORIZED);
            }
            List<String> scopes = scopes(claims);
            if (!routeScopes.isEmpty() && scopes.stream().noneMatch(routeScopes::contains)) {
                return Outcome.refused(Refusal.FORBIDDEN);
            }
            return new Outcome(Optional.of(new Verified(asGatewayPasses(claims), scopes)), null);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Outcome.refused(Refusal.UNAUTHORIZED);
        }
    }

    /** The scopes of a token: its space-separated scope claim, or an scp list. */
    private static List<String> scopes(JWTClaimsSet claims) throws ParseException {
        Object scope = claims.getClaim("scope");
        if (scope instanceof String s) {
            return Arrays.stream(s.split(" ")).filter(x -> !x.isEmpty()).toList();
        }
        List<String> scp = claims.getStringListClaim("scp");
        return scp == null ? List.of() : scp;
    }

    private static Map<String, String> asGatewayPasses(JWTClaimsSet claims) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : claims.getClaims().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Date d) out.put(e.getKey(), Long.toString(d.getTime() / 1000));
            else if (v instanceof List<?> l)
                out.put(
                        e.getKey(),
                        "[" + String.join(" ", l.stream().map(String::valueOf).toList()) + "]");
            else out.put(e.getKey(), String.valueOf(v));
        }
        return out;
    }
}
