package newsroom.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * template.yaml, read as the local stack needs it: the table, the functions and their handlers, the
 * HTTP routes and the CDN's security headers. The cloud and the local stack share one source.
 */
public final class CloudTemplate {
    private final Map<String, Object> root;

    private CloudTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static CloudTemplate read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml(new IntrinsicFunctions()).load(reader);
            return new CloudTemplate(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** Finds template.yaml in the working directory or a parent (tests run in a module folder). */
    public static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) return candidate;
            dir = dir.getParent();
        }
        // run from elsewhere: the copy of the template packaged with the local jar at build time
        try (var packaged = CloudTemplate.class.getResourceAsStream("/template.yaml")) {
            if (packaged == null) {
                throw new IllegalStateException(
                        "template.yaml not found in the working directory, its parents or the local jar");
            }
            Path copy = Files.createTempFile("template", ".yaml");
            copy.toFile().deleteOnExit();
            Files.write(copy, packaged.readAllBytes());
            return copy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the packaged template.yaml", e);
        }
    }

    /** A top-level section of the template (Parameters, Conditions, Outputs...), or empty. */
    public Map<String, Object> section(String name) {
        return map(root.get(name));
    }

    public Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    public Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = map(resources().get(logicalId));
        if (resource.isEmpty()) throw new IllegalStateException("template has no resource " + logicalId);
        return resource;
    }

    public Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).get("Properties"));
    }

    public String type(String logicalId) {
        return String.valueOf(resource(logicalId).get("Type"));
    }

    /** Logical id to Handler of every AWS::Serverless::Function. */
    public Map<String, String> handlers() {
        Map<String, String> handlers = new LinkedHashMap<>();
        resources().forEach((id, value) -> {
            Map<String, Object> resource = map(value);
            if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                Object handler = map(resource.get("Properties")).get("Handler");
                if (handler == null)
                    handler = map(map(map(root.get("Globals")).get("Function"))).get("Handler");
                handlers.put(id, String.valueOf(handler));
            }
        });
        return handlers;
    }

    /**
     * One HttpApi event of a function: method, path template, whether it skips the authorizer, and
     * the scopes its authorizer asks for (none: any valid token).
     */
    public record Route(String function, String method, String path, boolean open, List<String> scopes) {
        public Route {
            scopes = List.copyOf(scopes);
        }

        public String routeKey() {
            return method + " " + path;
        }
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) return List.of();
        return list.stream().map(String::valueOf).toList();
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        resources().forEach((id, value) -> {
            Map<String, Object> resource = map(value);
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) return;
            map(map(resource.get("Properties")).get("Events")).forEach((name, event) -> {
                Map<String, Object> e = map(event);
                if (!"HttpApi".equals(e.get("Type"))) return;
                Map<String, Object> p = map(e.get("Properties"));
                Object authorizer = map(p.get("Auth")).get("Authorizer");
                routes.add(new Route(
                        id,
                        String.valueOf(p.get("Method")).toUpperCase(java.util.Locale.ROOT),
                        String.valueOf(p.get("Path")),
                        "NONE".equals(authorizer),
                        strings(map(p.get("Auth")).get("AuthorizationScopes"))));
            });
        });
        return routes;
    }

    /**
     * The logical id of the function fed by an event source of this type (DynamoDB, SQS,
     * Schedule...).
     */
    public Optional<String> functionWithEvent(String eventType) {
        for (var entry : resources().entrySet()) {
            Map<String, Object> resource = map(entry.getValue());
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) continue;
            for (Object event :
                    map(map(resource.get("Properties")).get("Events")).values()) {
                if (String.valueOf(map(event).get("Type")).startsWith(eventType)) return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** The logical id of the function whose SQS event reads the queue with this logical id. */
    public Optional<String> functionConsuming(String queue) {
        for (var entry : resources().entrySet()) {
            Map<String, Object> resource = map(entry.getValue());
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) continue;
            for (Object event :
                    map(map(resource.get("Properties")).get("Events")).values()) {
                if (!"SQS".equals(map(event).get("Type"))) continue;
                Object arn = map(map(map(event).get("Properties")).get("Queue")).get("Fn::GetAtt");
                String target =
                        arn instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : String.valueOf(arn);
                if (target.equals(queue) || target.equals(queue + ".Arn")) return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** The properties of the first event of that type on that function. */
    public Map<String, Object> eventProperties(String function, String eventType) {
        for (Object event : map(properties(function).get("Events")).values()) {
            if (String.valueOf(map(event).get("Type")).startsWith(eventType))
                return map(map(event).get("Properties"));
        }
        return Map.of();
    }

    /** The logical id of the first resource of a type. */
    public Optional<String> firstOfType(String type) {
        return resources().entrySet().stream()
                .filter(e -> type.equals(map(e.getValue()).get("Type")))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Response headers that the CDN's response headers policy adds, as name to value. */
    public Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        Optional<String> policy = firstOfType("AWS::CloudFront::ResponseHeadersPolicy");
        if (policy.isEmpty()) return headers;
        Map<String, Object> config = map(
                map(properties(policy.get()).get("ResponseHeadersPolicyConfig")).get("SecurityHeadersConfig"));
        Map<String, Object> hsts = map(config.get("StrictTransportSecurity"));
        if (!hsts.isEmpty()) {
            StringBuilder value = new StringBuilder("max-age=" + hsts.get("AccessControlMaxAgeSec"));
            if (Boolean.TRUE.equals(hsts.get("IncludeSubdomains"))) value.append("; includeSubDomains");
            if (Boolean.TRUE.equals(hsts.get("Preload"))) value.append("; preload");
            headers.put("Strict-Transport-Security", value.toString());
        }
        if (config.containsKey("ContentTypeOptions")) headers.put("X-Content-Type-Options", "nosniff");
        Map<String, Object> frame = map(config.get("FrameOptions"));
        if (!frame.isEmpty()) headers.put("X-Frame-Options", String.valueOf(frame.get("FrameOption")));
        Map<String, Object> referrer = map(config.get("ReferrerPolicy"));
        if (!referrer.isEmpty()) headers.put("Referrer-Policy", String.valueOf(referrer.get("ReferrerPolicy")));
        Map<String, Object> csp = map(config.get("ContentSecurityPolicy"));
        if (!csp.isEmpty()) headers.put("Content-Security-Policy", String.valueOf(csp.get("ContentSecurityPolicy")));
        return headers;
    }

    /** The source of a CloudFront Function, with the logical id it has in the template. */
    public record FunctionCode(String logicalId, String code) {}

    /**
     * The CloudFront Function the distribution's default behaviour runs on viewer requests, read from
     * its FunctionCode, so that the local CDN runs exactly what CloudFront runs.
     */
    public Optional<FunctionCode> viewerRequestFunction() {
        Optional<String> distribution = firstOfType("AWS::CloudFront::Distribution");
        if (distribution.isEmpty()) return Optional.empty();
        Map<String, Object> behaviour = map(
                map(properties(distribution.get()).get("DistributionConfig")).get("DefaultCacheBehavior"));
        for (Object association : list(behaviour.get("FunctionAssociations"))) {
            Map<String, Object> a = map(association);
            if (!"viewer-request".equals(a.get("EventType"))) continue;
            // !GetAtt Name.FunctionARN reads as {"Fn::GetAtt": "Name.FunctionARN"}
            Object arn = map(a.get("FunctionARN")).get("Fn::GetAtt");
            String attribute = arn instanceof List<?> parts ? String.valueOf(parts.get(0)) : String.valueOf(arn);
            String logicalId = attribute.split("\\.")[0];
            Object code = properties(logicalId).get("FunctionCode");
            if (code instanceof String source) return Optional.of(new FunctionCode(logicalId, source));
            throw new IllegalStateException(logicalId + " has no literal FunctionCode");
        }
        return Optional.empty();
    }

    /**
     * How long the CDN keeps a 404 (the distribution's ErrorCachingMinTTL for 404): short, so a page
     * published after someone asked for it appears without an invalidation.
     */
    public long notFoundCacheSeconds() {
        Optional<String> distribution = firstOfType("AWS::CloudFront::Distribution");
        if (distribution.isEmpty()) return 10;
        Map<String, Object> config = map(properties(distribution.get()).get("DistributionConfig"));
        for (Object response : list(config.get("CustomErrorResponses"))) {
            Map<String, Object> r = map(response);
            if (String.valueOf(r.get("ErrorCode")).equals("404") && r.get("ErrorCachingMinTTL") instanceof Number ttl) {
                return ttl.longValue();
            }
        }
        return 10;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /**
     * CloudFormation's short forms (!Ref, !GetAtt, !Sub...) read as their long {"Fn::X": ...} forms.
     */
    private static final class IntrinsicFunctions extends SafeConstructor {
        IntrinsicFunctions() {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String name = node.getTag().getValue().substring(1);
                    Object value;
                    if (node instanceof ScalarNode scalar) value = constructScalar(scalar);
                    else if (node instanceof SequenceNode sequence) value = constructSequence(sequence);
                    else value = constructMapping((MappingNode) node);
                    return Map.of(name.equals("Ref") ? "Ref" : "Fn::" + name, value);
                }
            });
        }
    }
}
