package newsroom.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;

/**
 * What API Gateway makes of an HTTP request before a function sees it: the strict percent-decoding
 * of path and query, and the payload-2.0 event with its headers, cookies, request context and
 * authorizer claims. Kept apart from {@link ApiGateway}'s routing and quotas so the shape a handler
 * receives is in one place, beside the decoding rules that decide what is a bad request.
 */
final class GatewayEvents {
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private GatewayEvents() {}

    /**
     * A path segment or query part with its percent-escapes decoded as UTF-8; a broken escape or
     * bytes that are not UTF-8 are the client's error. A plus sign stays a plus sign.
     */
    static String decode(String text) {
        if (text.indexOf('%') < 0) return text;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= text.length()) throw new IllegalArgumentException("truncated percent-escape");
            int high = Character.digit(text.charAt(i + 1), 16), low = Character.digit(text.charAt(i + 2), 16);
            if (high < 0 || low < 0) throw new IllegalArgumentException("malformed percent-escape");
            bytes.write(high * 16 + low);
            i += 2;
        }
        String decoded = utf8(bytes.toByteArray());
        if (decoded == null) throw new IllegalArgumentException("percent-escapes that are not UTF-8");
        return decoded;
    }

    /** The query's parameters as API Gateway passes them (repeated names joined by commas), if valid. */
    static Optional<Map<String, String>> decodeQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        try {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.merge(name, value, (x, y) -> x + "," + y);
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.of(query);
    }

    /** The event for a request that matched {@code route}; {@code verified} is null on an open route. */
    static APIGatewayV2HTTPEvent event(
            Request request,
            String method,
            String rawPath,
            String rawQuery,
            Map<String, String> query,
            CloudTemplate.Route route,
            Map<String, String> pathParameters,
            byte[] body,
            LocalAuth.Verified verified) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (HttpField field : request.getHeaders()) {
            String key = field.getName().toLowerCase(Locale.ROOT);
            String value = Optional.ofNullable(field.getValue()).orElse("");
            if (key.equals("cookie")) {
                for (String c : value.split(";\\s*")) cookies.add(c);
            } else {
                headers.merge(key, value, (x, y) -> x + "," + y);
            }
        }
        Instant now = Instant.now();
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method)
                .withPath(rawPath)
                .withProtocol("HTTP/1.1")
                .withSourceIp(Request.getRemoteAddr(request))
                .withUserAgent(headers.getOrDefault("user-agent", ""))
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("000000000000")
                .withApiId("local")
                .withDomainName(headers.getOrDefault("host", "127.0.0.1"))
                .withDomainPrefix("local")
                .withHttp(http)
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey(route.routeKey())
                .withStage("$default")
                .withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli());
        if (verified != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                            .builder()
                            .withClaims(verified.claims())
                            .withScopes(verified.scopes().isEmpty() ? null : verified.scopes())
                            .build())
                    .build());
        }
        String text = utf8(body);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context.build())
                .withBody(
                        body.length == 0
                                ? null
                                : text != null ? text : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && text == null)
                .build();
    }

    /** The bytes as UTF-8 text, or null where they are not UTF-8 (API Gateway then sends them base64). */
    static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
