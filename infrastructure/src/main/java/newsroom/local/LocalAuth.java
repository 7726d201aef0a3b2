package newsroom.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local stand-in for the Cognito user pool: RS256 tokens with Cognito's claim names, signed by
 * a key kept beside the local data, and checked the way API Gateway's JWT authorizer checks them.
 */
public final class LocalAuth {
    public static final String ISSUER = "https://cognito-idp.local.amazonaws.com/local_newsroom";
    public static final String AUDIENCE = "newsroom-local-client";
    private final RSAKey key;

    private LocalAuth(RSAKey key) {
        this.key = key;
    }

    public static LocalAuth generate() {
        try {
            return new LocalAuth(new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key stored at {@code file}, made on first use, so tokens outlive a restart. */
    public static LocalAuth kept(Path file) {
        try {
            if (Files.exists(file)) {
                return new LocalAuth(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
            LocalAuth auth = generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, auth.key.toJSONString(), StandardCharsets.UTF_8);
            return auth;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable key file " + file, e);
        }
    }

    public String token(String user, List<String> groups, Duration validFor) {
        return sign(user, groups, ISSUER, Instant.now().plus(validFor), key);
    }

    /**
     * A token signed by this key with any issuer and expiry: for tests of what the gateway refuses.
     */
    public String token(String user, List<String> groups, String issuer, Instant expires) {
        return sign(user, groups, issuer, expires, key);
    }

    /** Any claims signed by this key: the local OAuth endpoints build Cognito's token shapes. */
    String signed(JWTClaimsSet claims) {
        return signed(claims, key);
    }

    private static String sign(String user, List<String> groups, String issuer, Instant expires, RSAKey key) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8))
                        .toString())
                .issuer(issuer)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(expires))
                .claim("token_use", "id")
                .claim("auth_time", now.getEpochSecond())
                .claim("cognito:username", user)
                .claim("cognito:groups", groups)
                .claim("email", user + "@newsroom.local")
                .jwtID(UUID.randomUUID().toString())
                .build();
        return signed(claims, key);
    }

    private static String signed(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The claims of a valid token, as API Gateway hands them to the function (all values strings,
     * lists as "[a b]"), or empty for a missing, malformed, wrongly signed, expired or foreign token.
     */
    public Optional<Map<String, String>> verify(String authorization) {
        if (authorization == null) return Optional.empty();
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7))
            token = token.substring(7).strip();
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) return Optional.empty();
            if (!jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) return Optional.empty();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date now = new Date();
            if (!ISSUER.equals(claims.getIssuer())) return Optional.empty();
            if (claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)) return Optional.empty();
            if (claims.getExpirationTime() == null
                    || !claims.getExpirationTime().after(now)) return Optional.empty();
            if (claims.getNotBeforeTime() != null
                    && claims.getNotBeforeTime().after(new Date(now.getTime() + 60_000))) {
                return Optional.empty();
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : claims.getClaims().entrySet()) {
                Object v = e.getValue();
                if (v instanceof Date d) out.put(e.getKey(), Long.toString(d.getTime() / 1000));
                else if (v instanceof List<?> l)
                    out.put(
                            e.getKey(),
                            "["
                                    + String.join(
                                            " ", l.stream().map(String::valueOf).toList()) + "]");
                else out.put(e.getKey(), String.valueOf(v));
            }
            return Optional.of(out);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
