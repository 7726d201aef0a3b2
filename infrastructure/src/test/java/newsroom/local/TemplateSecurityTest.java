package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads template.yaml and checks what keeps the stack closed: a private, encrypted bucket that only
 * the distribution reads, Origin Access Control, least-privilege function policies that name only
 * this template's resources, no public endpoint but the CDN and the HTTP API, and the JWT
 * authorizer on every route but GET /openapi.json.
 */
class TemplateSecurityTest {
    static CloudTemplate template;

    /** The checks in the order the report lists them; each test marks its own as passed. */
    static final Map<String, String> results = new LinkedHashMap<>();

    static {
        for (String check : List.of(
                "bucket blocks all public access and is encrypted",
                "bucket policy: only cloudfront.amazonaws.com may read, for this distribution; requests without TLS denied",
                "distribution reads the bucket through Origin Access Control; viewers use HTTPS",
                "function policies name only this template's resources; no \"*\" resource or action",
                "only the distribution and the HTTP API are public; no function URL or self sign-up",
                "JWT authorizer by default on every route; only GET /openapi.json opts out")) {
            results.put(check, "fail");
        }
    }

    /** Resource types that answer the internet by themselves. */
    static final Set<String> INTERNET_FACING = Set.of(
            "AWS::CloudFront::Distribution",
            "AWS::Serverless::HttpApi",
            "AWS::Serverless::Api",
            "AWS::Serverless::GraphQLApi",
            "AWS::ApiGatewayV2::Api",
            "AWS::ApiGateway::RestApi",
            "AWS::Lambda::Url",
            "AWS::AppSync::GraphQLApi",
            "AWS::ElasticLoadBalancingV2::LoadBalancer",
            "AWS::ElasticLoadBalancing::LoadBalancer",
            "AWS::EC2::EIP",
            "AWS::Lightsail::Instance",
            "AWS::Transfer::Server");

    /** SAM policy templates whose parameters name one resource each. */
    static final Set<String> SCOPED_POLICY_TEMPLATES = Set.of(
            "DynamoDBCrudPolicy",
            "DynamoDBReadPolicy",
            "DynamoDBWritePolicy",
            "DynamoDBStreamReadPolicy",
            "SQSSendMessagePolicy",
            "SQSPollerPolicy",
            "S3ReadPolicy",
            "S3WritePolicy",
            "S3CrudPolicy");

    /** Actions AWS only grants on "*"; none of them may touch data. */
    static final Set<String> STAR_ONLY_ACTIONS =
            Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords", "cloudwatch:PutMetricData");

    static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9:]+)(?:\\.[A-Za-z0-9.]+)?}");

    @BeforeAll
    static void readTemplate() {
        template = CloudTemplate.read(CloudTemplate.locate());
    }

    @Test
    void siteBucketBlocksPublicAccessAndIsEncrypted() {
        List<String> buckets = ofType("AWS::S3::Bucket");
        assertFalse(buckets.isEmpty());
        for (String bucket : buckets) {
            Map<String, Object> p = template.properties(bucket);
            Map<String, Object> block = CloudTemplate.map(p.get("PublicAccessBlockConfiguration"));
            for (String setting :
                    List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                assertEquals(Boolean.TRUE, block.get(setting), bucket + " " + setting);
            }
            List<Object> rules = CloudTemplate.list(
                    CloudTemplate.map(p.get("BucketEncryption")).get("ServerSideEncryptionConfiguration"));
            assertFalse(rules.isEmpty(), bucket + " has no default encryption");
            for (Object rule : rules) {
                Object algorithm = CloudTemplate.map(CloudTemplate.map(rule).get("ServerSideEncryptionByDefault"))
                        .get("SSEAlgorithm");
                assertTrue(
                        Set.of("AES256", "aws:kms", "aws:kms:dsse").contains(String.valueOf(algorithm)),
                        bucket + " encryption " + algorithm);
            }
            assertFalse(p.containsKey("WebsiteConfiguration"), bucket + " is a public website");
            assertFalse(p.containsKey("AccessControl"), bucket + " sets a canned ACL");
        }
        pass("bucket blocks all public access and is encrypted");
    }

    @Test
    void onlyTheDistributionReadsTheBucketAndOnlyOverTls() {
        String distribution = only("AWS::CloudFront::Distribution");
        for (String bucket : ofType("AWS::S3::Bucket")) {
            List<Map<String, Object>> statements = bucketPolicyStatements(bucket);
            assertFalse(statements.isEmpty(), bucket + " has no bucket policy");
            boolean tlsDenied = false;
            for (Map<String, Object> s : statements) {
                if ("Allow".equals(s.get("Effect"))) {
                    assertEquals(
                            Map.of("Service", "cloudfront.amazonaws.com"),
                            s.get("Principal"),
                            "who may read " + bucket);
                    assertEquals(List.of("s3:GetObject"), strings(s.get("Action")), "what CloudFront may do");
                    for (Object resource : asList(s.get("Resource"))) {
                        assertEquals(Set.of(bucket), referencedIds(resource), "the resource of " + s.get("Sid"));
                    }
                    Map<String, Object> equals = CloudTemplate.map(
                            CloudTemplate.map(s.get("Condition")).get("StringEquals"));
                    Object sourceArn = equals.get("AWS:SourceArn");
                    assertTrue(sourceArn != null, "CloudFront's read has no AWS:SourceArn condition");
                    assertEquals(
                            Set.of(distribution), referencedIds(sourceArn), "the AWS:SourceArn names the distribution");
                    assertTrue(
                            String.valueOf(sourceArn).contains(":distribution/"),
                            "the AWS:SourceArn is a distribution ARN");
                } else if ("Deny".equals(s.get("Effect"))) {
                    Map<String, Object> bool = CloudTemplate.map(
                            CloudTemplate.map(s.get("Condition")).get("Bool"));
                    if ("false".equals(String.valueOf(bool.get("aws:SecureTransport")))) {
                        tlsDenied = "*".equals(s.get("Principal"))
                                && strings(s.get("Action")).contains("s3:*")
                                && asList(s.get("Resource")).size() == 2;
                    }
                }
            }
            assertTrue(tlsDenied, bucket + " does not deny every request without TLS, on the bucket and its objects");
        }
        pass(
                "bucket policy: only cloudfront.amazonaws.com may read, for this distribution; requests without TLS denied");
    }

    @Test
    void theDistributionReadsTheBucketThroughOriginAccessControl() {
        String distribution = only("AWS::CloudFront::Distribution");
        Map<String, Object> config =
                CloudTemplate.map(template.properties(distribution).get("DistributionConfig"));
        List<Object> origins = CloudTemplate.list(config.get("Origins"));
        assertFalse(origins.isEmpty());
        Set<String> buckets = Set.copyOf(ofType("AWS::S3::Bucket"));
        for (Object o : origins) {
            Map<String, Object> origin = CloudTemplate.map(o);
            if (referencedIds(origin.get("DomainName")).stream().noneMatch(buckets::contains)) continue;
            Set<String> oac = referencedIds(origin.get("OriginAccessControlId"));
            assertEquals(1, oac.size(), "origin " + origin.get("Id") + " has no Origin Access Control");
            String id = oac.iterator().next();
            assertEquals("AWS::CloudFront::OriginAccessControl", template.type(id));
            Map<String, Object> oacConfig =
                    CloudTemplate.map(template.properties(id).get("OriginAccessControlConfig"));
            assertEquals("always", oacConfig.get("SigningBehavior"));
            assertEquals("sigv4", oacConfig.get("SigningProtocol"));
            assertEquals("s3", oacConfig.get("OriginAccessControlOriginType"));
            Object identity = CloudTemplate.map(origin.get("S3OriginConfig")).get("OriginAccessIdentity");
            assertTrue(identity == null || "".equals(identity), "a legacy origin access identity as well");
        }
        String viewer = String.valueOf(
                CloudTemplate.map(config.get("DefaultCacheBehavior")).get("ViewerProtocolPolicy"));
        assertTrue(Set.of("redirect-to-https", "https-only").contains(viewer), "viewers may use plain HTTP");
        pass("distribution reads the bucket through Origin Access Control; viewers use HTTPS");
    }

    @Test
    void functionPoliciesNameOnlyThisTemplatesResources() {
        List<String> problems = new ArrayList<>();
        int statements = 0;
        for (String function : ofType("AWS::Serverless::Function")) {
            Map<String, Object> p = template.properties(function);
            if (p.containsKey("Role")) problems.add(function + " brings its own role");
            Object policies = p.get("Policies");
            if (policies instanceof String named) problems.add(function + " uses the managed policy " + named);
            for (Object policy : CloudTemplate.list(policies)) {
                if (policy instanceof String named) {
                    problems.add(function + " uses the managed policy " + named);
                    continue;
                }
                Map<String, Object> entry = CloudTemplate.map(policy);
                for (Map.Entry<String, Object> e : entry.entrySet()) {
                    if (e.getKey().equals("Statement")) {
                        for (Object s : asList(e.getValue())) {
                            statements++;
                            problems.addAll(statementProblems(function, CloudTemplate.map(s)));
                        }
                    } else if (SCOPED_POLICY_TEMPLATES.contains(e.getKey())) {
                        Map<String, Object> parameters = CloudTemplate.map(e.getValue());
                        if (parameters.isEmpty()) problems.add(function + " " + e.getKey() + " has no parameters");
                        for (Object value : parameters.values()) {
                            if (!ownIds(referencedIds(value)))
                                problems.add(function + " " + e.getKey() + " names " + value);
                        }
                        statements++;
                    } else {
                        problems.add(function + " uses the policy " + e.getKey() + ", not one scoped to a resource");
                    }
                }
            }
        }
        for (String typed : List.of("AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            for (String id : ofType(typed)) {
                Map<String, Object> p = template.properties(id);
                List<Object> documents = new ArrayList<>();
                if (p.containsKey("PolicyDocument")) documents.add(p.get("PolicyDocument"));
                for (Object inline : CloudTemplate.list(p.get("Policies")))
                    documents.add(CloudTemplate.map(inline).get("PolicyDocument"));
                for (Object d : documents) {
                    for (Object s : asList(CloudTemplate.map(d).get("Statement"))) {
                        statements++;
                        problems.addAll(statementProblems(id, CloudTemplate.map(s)));
                    }
                }
                if (!CloudTemplate.list(p.get("ManagedPolicyArns")).isEmpty())
                    problems.add(id + " attaches managed policies");
            }
        }
        assertTrue(statements > 0, "no policy statement was found to check");
        assertEquals(List.of(), problems);
        pass("function policies name only this template's resources; no \"*\" resource or action");
    }

    @Test
    void onlyTheRendererChangesTheRedirectStoreTheUrlFunctionReads() {
        for (String function : ofType("AWS::Serverless::Function")) {
            boolean writes = String.valueOf(template.properties(function).get("Policies"))
                    .contains("cloudfront-keyvaluestore:UpdateKeys");
            assertEquals(function.equals("RenderFunction"), writes, function + " may change the redirect store");
        }
        Map<String, Object> environment = CloudTemplate.map(
                CloudTemplate.map(template.properties("RenderFunction").get("Environment"))
                        .get("Variables"));
        assertEquals(Set.of("RedirectStore"), referencedIds(environment.get("REDIRECT_STORE_ARN")));
        Map<String, Object> url =
                CloudTemplate.map(template.properties("PrettyUrlFunction").get("FunctionConfig"));
        assertEquals(Set.of("RedirectStore"), referencedIds(url.get("KeyValueStoreAssociations")));
    }

    static List<String> statementProblems(String owner, Map<String, Object> statement) {
        List<String> problems = new ArrayList<>();
        String sid = owner + "/" + statement.getOrDefault("Sid", "?");
        List<String> actions = strings(statement.get("Action"));
        if (statement.containsKey("NotAction") || statement.containsKey("NotResource"))
            problems.add(sid + " uses NotAction or NotResource");
        for (String action : actions) {
            if (action.equals("*") || action.endsWith(":*")) problems.add(sid + " allows every action: " + action);
        }
        if (!"Allow".equals(statement.get("Effect"))) return problems;
        for (Object resource : asList(statement.get("Resource"))) {
            if ("*".equals(resource)) {
                if (!STAR_ONLY_ACTIONS.containsAll(actions))
                    problems.add(sid + " grants " + actions + " on every resource");
            } else if (resource instanceof String literal) {
                problems.add(sid + " names a resource outside this template: " + literal);
            } else if (!namesOwnBucketByName(resource)) {
                Set<String> ids = referencedIds(resource);
                if (ids.isEmpty() || !ownIds(ids)) problems.add(sid + " names " + resource);
            }
        }
        return problems;
    }

    @Test
    void onlyTheCdnAndTheHttpApiArePublic() {
        Map<String, String> facing = new LinkedHashMap<>();
        template.resources().forEach((id, r) -> {
            String type = String.valueOf(CloudTemplate.map(r).get("Type"));
            if (INTERNET_FACING.contains(type)) facing.put(id, type);
        });
        assertEquals(
                new TreeSet<>(List.of("AWS::CloudFront::Distribution", "AWS::Serverless::HttpApi")),
                new TreeSet<>(facing.values()),
                "internet-facing resources: " + facing);
        assertEquals(2, facing.size(), "internet-facing resources: " + facing);
        String api = only("AWS::Serverless::HttpApi");
        for (String function : ofType("AWS::Serverless::Function")) {
            Map<String, Object> p = template.properties(function);
            assertFalse(p.containsKey("FunctionUrlConfig"), function + " has a function URL");
            CloudTemplate.map(p.get("Events")).forEach((name, e) -> {
                Map<String, Object> event = CloudTemplate.map(e);
                String type = String.valueOf(event.get("Type"));
                assertTrue(
                        Set.of("HttpApi", "DynamoDB", "SQS", "Schedule", "ScheduleV2", "S3")
                                .contains(type),
                        function + "." + name + " is a " + type + " event");
                if (type.equals("HttpApi")) {
                    assertEquals(
                            Set.of(api),
                            referencedIds(
                                    CloudTemplate.map(event.get("Properties")).get("ApiId")),
                            function + "." + name + " is on another API");
                }
                if (type.equals("S3")) {
                    assertTrue(
                            ownIds(referencedIds(
                                    CloudTemplate.map(event.get("Properties")).get("Bucket"))),
                            function + "." + name + " listens to a bucket of another template");
                }
            });
        }
        for (String permission : ofType("AWS::Lambda::Permission")) {
            assertFalse(
                    "*".equals(template.properties(permission).get("Principal")), permission + " lets anyone invoke");
        }
        for (String type : List.of("AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy", "AWS::S3::BucketPolicy")) {
            for (String id : ofType(type)) {
                for (Object s : asList(CloudTemplate.map(template.properties(id).get("PolicyDocument"))
                        .get("Statement"))) {
                    Map<String, Object> statement = CloudTemplate.map(s);
                    boolean anyone = "*".equals(statement.get("Principal"))
                            || Map.of("AWS", "*").equals(statement.get("Principal"));
                    assertFalse("Allow".equals(statement.get("Effect")) && anyone, id + " allows anyone");
                }
            }
        }
        for (String pool : ofType("AWS::Cognito::UserPool")) {
            Map<String, Object> admin =
                    CloudTemplate.map(template.properties(pool).get("AdminCreateUserConfig"));
            assertEquals(
                    Boolean.TRUE, admin.get("AllowAdminCreateUserOnly"), pool + " lets anyone sign up and get a token");
        }
        pass("only the distribution and the HTTP API are public; no function URL or self sign-up");
    }

    @Test
    void theJwtAuthorizerGuardsEveryRouteButTheOpenApiDocument() {
        String api = only("AWS::Serverless::HttpApi");
        Map<String, Object> auth = CloudTemplate.map(template.properties(api).get("Auth"));
        Object name = auth.get("DefaultAuthorizer");
        Map<String, Object> authorizer =
                CloudTemplate.map(CloudTemplate.map(auth.get("Authorizers")).get(String.valueOf(name)));
        Map<String, Object> jwt = CloudTemplate.map(authorizer.get("JwtConfiguration"));
        assertFalse(jwt.isEmpty(), "the default authorizer " + name + " is not a JWT authorizer");
        String pool = only("AWS::Cognito::UserPool");
        assertEquals(Set.of(pool), referencedIds(jwt.get("issuer")), "the issuer is this template's user pool");
        assertTrue(String.valueOf(jwt.get("issuer")).contains("cognito-idp."), "issuer " + jwt.get("issuer"));
        assertEquals(
                Set.of(only("AWS::Cognito::UserPoolClient")),
                referencedIds(jwt.get("audience")),
                "the audience is this template's client");
        assertEquals("$request.header.Authorization", authorizer.get("IdentitySource"));
        Set<String> optedOut = new LinkedHashSet<>();
        Set<String> routes = new LinkedHashSet<>();
        for (String function : ofType("AWS::Serverless::Function")) {
            CloudTemplate.map(template.properties(function).get("Events")).forEach((n, e) -> {
                Map<String, Object> event = CloudTemplate.map(e);
                if (!"HttpApi".equals(event.get("Type"))) return;
                Map<String, Object> p = CloudTemplate.map(event.get("Properties"));
                String route = String.valueOf(p.get("Method")).toUpperCase(java.util.Locale.ROOT) + " " + p.get("Path");
                routes.add(route);
                Object chosen = CloudTemplate.map(p.get("Auth")).get("Authorizer");
                if (chosen != null && !chosen.equals(name)) optedOut.add(route + " (" + chosen + ")");
            });
        }
        assertTrue(routes.size() >= 10, "routes: " + routes);
        assertEquals(Set.of("GET /openapi.json (NONE)"), optedOut);
        pass("JWT authorizer by default on every route; only GET /openapi.json opts out");
    }

    @AfterAll
    static void writeFigures() {
        List<List<String>> rows = new ArrayList<>();
        results.forEach((check, result) -> rows.add(List.of(check, result)));
        HostileReport.write(new HostileReport.Group(
                "Template security",
                "template.yaml read with the local stack's own reader, no emulators.",
                List.of("check", "result"),
                rows));
    }

    static synchronized void pass(String check) {
        if (!results.containsKey(check)) throw new IllegalArgumentException("unknown check " + check);
        results.put(check, "pass");
    }

    // --- reading the template

    static List<String> ofType(String type) {
        List<String> ids = new ArrayList<>();
        template.resources().forEach((id, r) -> {
            if (type.equals(CloudTemplate.map(r).get("Type"))) ids.add(id);
        });
        return ids;
    }

    String only(String type) {
        List<String> ids = ofType(type);
        assertEquals(1, ids.size(), "resources of type " + type + ": " + ids);
        return ids.get(0);
    }

    List<Map<String, Object>> bucketPolicyStatements(String bucket) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (String policy : ofType("AWS::S3::BucketPolicy")) {
            Map<String, Object> p = template.properties(policy);
            if (!referencedIds(p.get("Bucket")).equals(Set.of(bucket))) continue;
            for (Object s : asList(CloudTemplate.map(p.get("PolicyDocument")).get("Statement")))
                statements.add(CloudTemplate.map(s));
        }
        return statements;
    }

    /**
     * An ARN built from the very name expression of one of this template's buckets: a bucket whose
     * notification invokes a function cannot be referenced by that function without a cycle.
     */
    static boolean namesOwnBucketByName(Object resource) {
        if (!(resource instanceof Map<?, ?> map) || !(map.get("Fn::Sub") instanceof String arn)) return false;
        for (String bucket : ofType("AWS::S3::Bucket")) {
            Object name = template.properties(bucket).get("BucketName");
            if (name instanceof Map<?, ?> n
                    && n.get("Fn::Sub") instanceof String expression
                    && (arn.equals("arn:${AWS::Partition}:s3:::" + expression)
                            || arn.startsWith("arn:${AWS::Partition}:s3:::" + expression + "/"))) return true;
        }
        return false;
    }

    static boolean ownIds(Set<String> ids) {
        return !ids.isEmpty() && template.resources().keySet().containsAll(ids);
    }

    /**
     * The names an intrinsic refers to: Ref, Fn::GetAtt, and the ${Name} and ${Name.Attr} of Fn::Sub;
     * pseudo parameters (AWS::...) left out. Template parameters stay in, so they fail {@link
     * #ownIds}.
     */
    static Set<String> referencedIds(Object value) {
        Set<String> ids = new LinkedHashSet<>();
        collect(value, ids);
        ids.removeIf(id -> id.startsWith("AWS::"));
        return ids;
    }

    private static void collect(Object value, Set<String> ids) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.equals("Ref")) ids.add(String.valueOf(e.getValue()));
                else if (key.equals("Fn::GetAtt")) {
                    Object target = e.getValue();
                    String name = target instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(target);
                    ids.add(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
                } else if (key.equals("Fn::Sub")) {
                    Object sub = e.getValue();
                    String text = sub instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(sub);
                    Matcher m = SUB_REFERENCE.matcher(text);
                    while (m.find()) ids.add(m.group(1));
                    if (sub instanceof List<?> l && l.size() > 1) collect(l.get(1), ids);
                } else {
                    collect(e.getValue(), ids);
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) collect(item, ids);
        }
    }

    static List<Object> asList(Object value) {
        if (value == null) return List.of();
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
    }

    static List<String> strings(Object value) {
        return asList(value).stream().map(String::valueOf).toList();
    }
}
