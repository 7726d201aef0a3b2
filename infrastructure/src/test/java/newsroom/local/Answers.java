package newsroom.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the staff API may answer to any request, however hostile: a success, a 4xx problem+json, or
 * one of API Gateway's own JSON refusals; never a 5xx and never a trace of the code behind it.
 */
final class Answers {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The statuses API Gateway answers itself, with {"message": "..."} as the body. */
    static final Set<Integer> GATEWAY_OWN = Set.of(400, 401, 403, 404, 413, 414, 431);

    private static final List<Pattern> LEAKS = List.of(
            // a class name such as NullPointerException, or one of the JVM's errors
            Pattern.compile("\\b[A-Z][A-Za-z0-9_$]*Exception\\b"),
            Pattern.compile("\\b(?:StackOverflow|OutOfMemory|Assertion|NoClassDefFound|ExceptionInInitializer"
                    + "|Linkage|NoSuchMethod|NoSuchField|IncompatibleClassChange|AbstractMethod"
                    + "|UnsatisfiedLink|Verify|ClassFormat|Internal|IO|ServiceConfiguration)Error\\b"),
            // a stack frame
            Pattern.compile("\\bat [\\w$.]+\\([\\w$]*\\.java:\\d+\\)"),
            Pattern.compile("\\bat [\\w$.]+\\((?:Native Method|Unknown Source)\\)"),
            Pattern.compile("Caused by: "),
            // a fully qualified name from the JDK, the SDK or a library the functions use
            Pattern.compile("\\b(?:java|javax|jdk|sun|com\\.sun|software\\.amazon|com\\.amazonaws"
                    + "|com\\.fasterxml|org\\.owasp|org\\.commonmark|gg\\.jte|newsroom)"
                    + "\\.[a-z][\\w]*\\.[\\w.$]+"));

    private Answers() {}

    /** Everything wrong with one answer; empty when it is acceptable. */
    static List<String> problems(String method, HttpResponse<byte[]> response) {
        return problems(
                method,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    static List<String> problems(String method, int status, String contentType, byte[] body) {
        List<String> problems = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8);
        String type = contentType.toLowerCase(Locale.ROOT);
        if (status >= 500) problems.add("server error " + status);
        if (status < 200) problems.add("unexpected status " + status);
        for (Pattern leak : LEAKS) {
            var m = leak.matcher(text);
            if (m.find()) problems.add("body reveals code: '" + m.group() + "'");
        }
        boolean bodyExpected = !method.equals("HEAD") && status != 204 && status != 304;
        if (status >= 400 && status < 500) {
            if (type.startsWith("application/problem+json")) {
                if (bodyExpected) problems.addAll(problemDetails(status, text));
            } else if (GATEWAY_OWN.contains(status) && type.startsWith("application/json")) {
                if (bodyExpected) problems.addAll(gatewayMessage(text));
            } else {
                problems.add(status + " answered as '" + contentType + "', not problem+json");
            }
        } else if (status >= 200 && status < 300 && bodyExpected && body.length > 0) {
            if (type.startsWith("application/json") && parse(text) == null) {
                problems.add("a success whose JSON body does not parse");
            }
        }
        return problems;
    }

    private static List<String> problemDetails(int status, String text) {
        JsonNode node = parse(text);
        if (node == null || !node.isObject()) return List.of("problem+json body is not a JSON object");
        List<String> problems = new ArrayList<>();
        if (!node.path("title").isTextual()) problems.add("problem+json without a title");
        if (node.path("status").asInt(-1) != status) {
            problems.add("problem+json status " + node.path("status") + " differs from " + status);
        }
        return problems;
    }

    private static List<String> gatewayMessage(String text) {
        JsonNode node = parse(text);
        if (node == null
                || !node.isObject()
                || node.size() != 1
                || !node.path("message").isTextual()) {
            return List.of("gateway refusal is not {\"message\": ...}: " + abbreviated(text));
        }
        return List.of();
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
