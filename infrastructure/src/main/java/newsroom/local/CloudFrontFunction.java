package newsroom.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * A CloudFront Function (viewer request) run from its own source, as CloudFront runs it: the event
 * object CloudFront builds, the handler's answer read as the request to pass on or the response to
 * give, and the {@code cloudfront} module's key value store. Runs in Mozilla Rhino, which accepts
 * ES5.1 with the ES6 parts CloudFront's runtime 2.0 offers (const/let, arrow functions, template
 * literals, promises) but not async/await: code meant for both keeps to promise chains.
 *
 * <p>Rhino has no ES modules. CloudFront's {@code import cf from 'cloudfront'} names a module built
 * into its runtime; here that one line becomes a variable of the same name bound to the emulated
 * module, on the same line so that error positions stay true. Any other import is refused.
 */
public final class CloudFrontFunction {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLOUDFRONT_IMPORT = Pattern.compile(
            "^([ \\t]*)import\\s+([A-Za-z_$][\\w$]*)\\s+from\\s+(['\"])cloudfront\\3\\s*;?", Pattern.MULTILINE);
    private static final Pattern ANY_MODULE_SYNTAX = Pattern.compile("^[ \\t]*(import|export)\\b", Pattern.MULTILINE);
    /** CloudFront stops a function that computes too long; so does the emulator, counted in steps. */
    private static final int INSTRUCTION_BUDGET = 5_000_000;

    private static final String PRELUDE = """
            var __cloudfront = (function (lookup) {
              var store = {
                get: function (key, options) {
                  return new Promise(function (resolve, reject) {
                    var value = lookup(String(key));
                    if (value === null || value === undefined) {
                      reject(new Error('The key ' + key + ' does not exist'));
                      return;
                    }
                    var format = options && options.format ? options.format : 'string';
                    if (format === 'json') resolve(JSON.parse(value));
                    else if (format === 'string') resolve(String(value));
                    else reject(new Error('format ' + format + ' is not emulated'));
                  });
                },
                exists: function (key) {
                  return new Promise(function (resolve) {
                    var value = lookup(String(key));
                    resolve(value !== null && value !== undefined);
                  });
                }
              };
              return { kvs: function () { return store; } };
            })(__kvsLookup);
            function __run(eventJson, done) {
              var event = JSON.parse(eventJson);
              Promise.resolve(event)
                .then(function (e) { return handler(e); })
                .then(function (answer) { done(JSON.stringify(answer), null); },
                      function (error) { done(null, String(error && error.stack ? error + '\\n' + error.stack : error)); });
            }
            """;

    /** The key value store associated with the function; empty for a key it does not hold. */
    @FunctionalInterface
    public interface KeyValueStore {
        Optional<String> get(String key);

        KeyValueStore EMPTY = key -> Optional.empty();
    }

    /** The viewer's request, as received: the path and query raw, never decoded or normalised. */
    public record Request(String method, String uri, String rawQuery, Map<String, List<String>> headers, String ip) {}

    /** What the function decided. */
    public sealed interface Result {
        /** Go on to the cache and origin with this request (its URI possibly rewritten). */
        record Forward(String uri, String querystring) implements Result {}

        /** Answer the viewer at once. */
        record Respond(int status, String description, Map<String, List<String>> headers, byte[] body)
                implements Result {}

        /** The function threw, rejected, never answered or ran too long: CloudFront answers 503. */
        record Failed(String reason) implements Result {}
    }

    private final ContextFactory engine = new BudgetedFactory();
    private final Script prelude;
    private final Script code;
    private final KeyValueStore store;
    /** The standard objects, built once and sealed; each run's globals sit on top, as in a fresh runtime. */
    private final ScriptableObject standard;

    private CloudFrontFunction(String source, String name, KeyValueStore store) {
        this.store = store;
        try (Context cx = engine.enterContext()) {
            this.standard = cx.initSafeStandardObjects(null, true);
            this.prelude = cx.compileString(PRELUDE, "cloudfront-module", 1, null);
            this.code = cx.compileString(asScript(source), name, 1, null);
        }
    }

    /** The function of this source, reading keys from this store; fails on code the engine cannot read. */
    public static CloudFrontFunction of(String source, String name, KeyValueStore store) {
        return new CloudFrontFunction(source, name, store);
    }

    /** The source as a script: CloudFront's built-in module import becomes a variable of its name. */
    static String asScript(String source) {
        Matcher imports = CLOUDFRONT_IMPORT.matcher(source);
        StringBuilder script = new StringBuilder();
        while (imports.find()) {
            imports.appendReplacement(
                    script,
                    Matcher.quoteReplacement(imports.group(1) + "var " + imports.group(2) + " = __cloudfront;"));
        }
        imports.appendTail(script);
        Matcher other = ANY_MODULE_SYNTAX.matcher(script);
        if (other.find()) {
            throw new IllegalArgumentException("the function imports or exports something other than 'cloudfront'");
        }
        return script.toString();
    }

    public Result run(Request request) {
        String event;
        try {
            event = JSON.writeValueAsString(event(request));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write the event", e);
        }
        String[] answer = new String[2];
        boolean[] answered = new boolean[1];
        try (Context cx = engine.enterContext()) {
            Scriptable scope = cx.newObject(standard);
            scope.setPrototype(standard);
            scope.setParentScope(null);
            ScriptableObject.putProperty(
                    scope,
                    "__kvsLookup",
                    new LambdaFunction(
                            scope,
                            "__kvsLookup",
                            1,
                            (c, s, self, args) -> store.get(Context.toString(args.length > 0 ? args[0] : null))
                                    .<Object>map(v -> v)
                                    .orElse(null)));
            ScriptableObject.putProperty(scope, "__done", new LambdaFunction(scope, "__done", 2, (c, s, self, args) -> {
                answered[0] = true;
                answer[0] = args[0] == null ? null : Context.toString(args[0]);
                answer[1] = args[1] == null ? null : Context.toString(args[1]);
                return null;
            }));
            prelude.exec(cx, scope);
            code.exec(cx, scope);
            if (!(scope.get("handler", scope) instanceof Function)) {
                return new Result.Failed("the function defines no handler");
            }
            Function run = (Function) scope.get("__run", scope);
            run.call(cx, scope, scope, new Object[] {event, scope.get("__done", scope)});
            cx.processMicrotasks();
        } catch (RhinoException | OutOfBudget e) {
            return new Result.Failed(e.getMessage());
        }
        if (!answered[0]) return new Result.Failed("the handler's promise never settled");
        if (answer[1] != null) return new Result.Failed(answer[1]);
        return result(answer[0]);
    }

    private static ObjectNode event(Request request) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "1.0");
        ObjectNode context = event.putObject("context");
        context.put("distributionDomainName", "localhost");
        context.put("distributionId", "LOCAL");
        context.put("eventType", "viewer-request");
        context.put("requestId", java.util.UUID.randomUUID().toString());
        event.putObject("viewer").put("ip", request.ip());
        ObjectNode r = event.putObject("request");
        r.put("method", request.method());
        r.put("uri", request.uri());
        ObjectNode query = r.putObject("querystring");
        queryParameters(request.rawQuery()).forEach((name, values) -> multiValued(query.putObject(name), values));
        ObjectNode headers = r.putObject("headers");
        ObjectNode cookies = r.putObject("cookies");
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String header : values) {
                    for (String cookie : header.split(";")) {
                        int eq = cookie.indexOf('=');
                        if (eq <= 0) continue;
                        cookies.putObject(cookie.substring(0, eq).trim())
                                .put("value", cookie.substring(eq + 1).trim());
                    }
                }
            } else {
                multiValued(headers.putObject(lower), values);
            }
        });
        return event;
    }

    /** CloudFront's shape for a name with values: the first as value, all as multiValue when several. */
    private static void multiValued(ObjectNode node, List<String> values) {
        node.put("value", values.isEmpty() ? "" : values.get(0));
        if (values.size() > 1) {
            var all = node.putArray("multiValue");
            for (String v : values) all.addObject().put("value", v);
        }
    }

    /** Query parameters by name, values as they came (CloudFront hands them to the function undecoded). */
    static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return parameters;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static Result result(String json) {
        JsonNode answer;
        try {
            answer = json == null ? null : JSON.readTree(json);
        } catch (java.io.IOException e) {
            return new Result.Failed("the handler's answer is not an object");
        }
        if (answer == null || !answer.isObject()) return new Result.Failed("the handler answered no object");
        if (answer.has("statusCode")) {
            JsonNode status = answer.get("statusCode");
            if (!status.canConvertToInt() || status.asInt() < 100 || status.asInt() > 599) {
                return new Result.Failed("the response's statusCode is not an HTTP status");
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            answer.path("headers").fields().forEachRemaining(h -> {
                List<String> values = new ArrayList<>();
                if (h.getValue().has("multiValue")) {
                    h.getValue()
                            .get("multiValue")
                            .forEach(v -> values.add(v.path("value").asText()));
                } else {
                    values.add(h.getValue().path("value").asText());
                }
                headers.put(h.getKey(), values);
            });
            return new Result.Respond(
                    status.asInt(), answer.path("statusDescription").asText(""), headers, body(answer.get("body")));
        }
        if (!answer.path("uri").isTextual()) return new Result.Failed("the request the handler answered has no uri");
        StringBuilder query = new StringBuilder();
        answer.path("querystring").fields().forEachRemaining(q -> {
            List<JsonNode> values = new ArrayList<>();
            if (q.getValue().has("multiValue")) q.getValue().get("multiValue").forEach(values::add);
            else values.add(q.getValue());
            for (JsonNode v : values) {
                if (query.length() > 0) query.append('&');
                String value = v.path("value").asText("");
                query.append(q.getKey()).append(value.isEmpty() ? "" : "=" + value);
            }
        });
        return new Result.Forward(answer.get("uri").asText(), query.toString());
    }

    /** A response body: a string, or {data, encoding: text|base64}. */
    private static byte[] body(JsonNode body) {
        if (body == null || body.isNull()) return new byte[0];
        if (body.isTextual()) return body.asText().getBytes(StandardCharsets.UTF_8);
        String data = body.path("data").asText("");
        return "base64".equals(body.path("encoding").asText())
                ? Base64.getDecoder().decode(data)
                : data.getBytes(StandardCharsets.UTF_8);
    }

    private static final class OutOfBudget extends RuntimeException {
        OutOfBudget() {
            super("the function ran longer than CloudFront allows");
        }
    }

    /** Interpreted (no generated classes) and stopped after a budget of steps. */
    private static final class BudgetedFactory extends ContextFactory {
        @Override
        protected Context makeContext() {
            Context cx = super.makeContext();
            cx.setLanguageVersion(Context.VERSION_ECMASCRIPT);
            cx.setInterpretedMode(true);
            cx.setInstructionObserverThreshold(10_000);
            return cx;
        }

        @Override
        protected void observeInstructionCount(Context cx, int instructionCount) {
            long used = cx.getThreadLocal("used") instanceof Long l ? l : 0L;
            used += instructionCount;
            if (used > INSTRUCTION_BUDGET) throw new OutOfBudget();
            cx.putThreadLocal("used", used);
        }
    }
}
