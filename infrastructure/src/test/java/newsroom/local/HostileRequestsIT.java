package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile requests sent over HTTP through the API gateway emulator: malformed and deeply
 * nested JSON, wrong types, huge strings, invalid UTF-8, control characters, path traversal and
 * Unicode tricks in slugs, ids and query parameters, and abused headers. Every answer must be a
 * success or a 4xx problem+json (or API Gateway's own refusal), never a 5xx or a trace of the code;
 * afterwards every stored story still reads back with valid slugs.
 */
class HostileRequestsIT {
    static final int BODY_TRIES = 2700;
    static final int HUGE_TRIES = 300;
    static final int FIELD_TRIES = 2000;
    static final int PATH_TRIES = 3000;
    static final int HEADER_TRIES = 2000;
    static final int REQUIRED_REQUESTS = 10_000;

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper ESCAPING =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");
    static final Set<String> CATEGORIES = Set.of("city", "health", "education", "transport", "culture", "economy");

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    static String editor;
    static String writer;
    static final List<String> ids = new CopyOnWriteArrayList<>();
    static final Map<String, String> etags = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    static final Map<String, Map<String, AtomicInteger>> statuses = new ConcurrentHashMap<>();
    static final List<String> failures = new CopyOnWriteArrayList<>();

    // --- the pieces hostile values are made of

    static final List<String> TRICKS = List.of(
            "..",
            "../",
            "..\\",
            "../../../../etc/passwd",
            "..%2f..%2f",
            "%2e%2e",
            "%2e%2e%2f",
            "%252e%252e",
            "%c0%ae%c0%ae",
            "%e0%80%ae",
            "%00",
            "\u0000",
            "\u0001",
            "\u0008",
            "\u001b[31m",
            "\u007f",
            "\u0085",
            "\r\n",
            "\n",
            "\t",
            "\u202e",
            "\u202d",
            "\u2066",
            "\u200b",
            "\u200c",
            "\u200d",
            "\u2060",
            "\ufeff",
            "\u2028",
            "\u2029",
            "\u00a0",
            "\u0430", // Cyrillic a
            "\u0435", // Cyrillic e
            "\u043e", // Cyrillic o
            "\u0456", // Cyrillic i
            "\uff53\uff4c\uff55\uff47", // full-width "slug"
            "\u0131", // dotless i
            "\u0130",
            "\u1e9e",
            "\ufb01",
            "e\u0301",
            "\u0301\u0301\u0301",
            "\ud83d\ude00",
            "\ud800",
            "\udfff",
            "\ufffe",
            "\uffff",
            "\ufffd",
            "<script>",
            "</script>",
            "]]>",
            "'",
            "\"",
            "\\",
            "\\u0000",
            "/",
            "?",
            "#",
            "&",
            "=",
            "+",
            "%",
            "%%",
            "{",
            "}",
            "${jndi:ldap://127.0.0.1/a}",
            "' OR '1'='1",
            "{\"$gt\":\"\"}",
            "STORY#",
            "SLUG#en#",
            "LANG#en",
            "null",
            "NaN",
            "-1",
            "0",
            "99999999999999999999999",
            "1e309",
            " ",
            "");

    static final List<byte[]> BAD_UTF8 = List.of(
            new byte[] {(byte) 0xc0, (byte) 0xae},
            new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0xae},
            new byte[] {(byte) 0xf0, (byte) 0x80, (byte) 0x80, (byte) 0xae},
            new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xff},
            new byte[] {(byte) 0xfe, (byte) 0xff},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xe2, (byte) 0x82},
            new byte[] {(byte) 0xc0, (byte) 0x80});

    @BeforeContainer
    static void fixtureStories() throws Exception {
        editor = TestStack.token("hostile-editor", "editors");
        writer = TestStack.token("hostile-writer", "writers");
        for (String suffix : List.of("draft", "published")) {
            ObjectNode story = validStory("Hostile input fixture " + suffix, "hostile-fixture-" + suffix);
            HttpResponse<byte[]> created =
                    send("POST", "/articles", editor, bytes(story), List.of("Content-Type", "application/json"));
            assertEquals(201, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
            remember(created);
            String id = JSON.readTree(created.body()).get("id").asText();
            if (suffix.equals("published")) {
                HttpResponse<byte[]> published =
                        send("POST", "/articles/" + id + "/publish", editor, null, List.of("If-Match", etags.get(id)));
                assertEquals(200, published.statusCode());
                remember(published);
            }
        }
    }

    // --- properties

    @Property(tries = BODY_TRIES, generation = GenerationMode.RANDOMIZED)
    void malformedBodiesAreRefusedWithProblems(
            @ForAll("bodyRoutes") String[] route,
            @ForAll("malformedBodies") byte[] body,
            @ForAll("contentTypes") String contentType,
            @ForAll("ifMatches") List<String> ifMatch) {
        List<String> headers = new ArrayList<>();
        if (!contentType.isEmpty()) headers.addAll(List.of("Content-Type", contentType));
        for (String value : ifMatch) headers.addAll(List.of("If-Match", resolveEtag(value, route[1])));
        check("malformed bodies", route[0], route[1], editor, body, headers);
    }

    @Property(tries = FIELD_TRIES, generation = GenerationMode.RANDOMIZED)
    void hostileFieldValuesAreStoredSafelyOrRefused(
            @ForAll("hostileStories") ObjectNode story,
            @ForAll boolean escapeNonAscii,
            @ForAll("writeRoutes") String[] route) {
        byte[] body = escapeNonAscii ? escaped(story) : bytes(story);
        List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
        if (!route[1].equals("/articles")) headers.addAll(List.of("If-Match", resolveEtag("real", route[1])));
        byte[] sentBody = route[1].contains("/translations/") ? translationOf(story, escapeNonAscii) : body;
        HttpResponse<byte[]> response = check(
                "hostile field values",
                route[0],
                route[1],
                route[2].equals("writer") ? writer : editor,
                sentBody,
                headers);
        if (response != null && response.statusCode() < 300) remember(response);
    }

    @Property(tries = HUGE_TRIES, generation = GenerationMode.RANDOMIZED)
    void hugeValuesAreStoredOrRefusedWithProblems(
            @ForAll("hugeText") String huge, @ForAll("hugeFields") String field, @ForAll("formats") String format) {
        ObjectNode story = validStory("Huge " + UUID.randomUUID(), null);
        ObjectNode en = (ObjectNode) story.get("translations").get("en");
        en.put("format", format);
        switch (field) {
            case "tags" -> story.putArray("tags").add(huge);
            case "author" -> story.put("author", huge);
            default -> en.put(field, huge);
        }
        HttpResponse<byte[]> response = check(
                "huge values", "POST", "/articles", editor, bytes(story), List.of("Content-Type", "application/json"));
        if (response.statusCode() < 300) remember(response);
    }

    @Provide
    Arbitrary<String> hugeFields() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("body")),
                Tuple.of(
                        1,
                        Arbitraries.of("title", "lead", "dateline", "caption", "imageAlt", "slug", "tags", "author")));
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of("markdown", "html");
    }

    @Property(tries = PATH_TRIES, generation = GenerationMode.RANDOMIZED)
    void hostilePathsAndQueriesAreRefusedOrAnswered(
            @ForAll("methods") String method,
            @ForAll("hostilePaths") String path,
            @ForAll("hostileQueries") String query,
            @ForAll boolean withToken) {
        String target = query.isEmpty() ? path : path + "?" + query;
        byte[] body = method.equals("POST") || method.equals("PUT") ? "{}".getBytes(StandardCharsets.UTF_8) : null;
        check("paths and queries", method, target, withToken ? editor : null, body, List.of());
    }

    @Property(tries = HEADER_TRIES, generation = GenerationMode.RANDOMIZED)
    void abusedHeadersAreRefusedOrAnswered(
            @ForAll("headerRoutes") String[] route,
            @ForAll("authorizations") List<String> authorizations,
            @ForAll("abusiveHeaders") List<String> headers) {
        List<String> all = new ArrayList<>();
        for (String a : authorizations) all.addAll(List.of("Authorization", a));
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            String value = headers.get(i).equalsIgnoreCase("If-Match")
                    ? resolveEtag(headers.get(i + 1), route[1])
                    : headers.get(i + 1);
            all.addAll(List.of(headers.get(i), value));
        }
        byte[] body = route[0].equals("GET") ? null : "{}".getBytes(StandardCharsets.UTF_8);
        check("headers", route[0], route[1], null, body, all);
    }

    @AfterContainer
    static void storedStoriesStayValidAndFiguresAreWritten() throws Exception {
        List<String> storageProblems = new ArrayList<>();
        int stories = storiesReadBack(storageProblems);
        int total = sent.values().stream().mapToInt(AtomicInteger::get).sum();
        Map<String, Integer> tries = new LinkedHashMap<>();
        tries.put("malformed bodies", BODY_TRIES);
        tries.put("hostile field values", FIELD_TRIES);
        tries.put("huge values", HUGE_TRIES);
        tries.put("paths and queries", PATH_TRIES);
        tries.put("headers", HEADER_TRIES);
        List<List<String>> rows = new ArrayList<>();
        tries.forEach((group, count) -> {
            int requests = sent.getOrDefault(group, new AtomicInteger()).get();
            long bad = failures.stream().filter(f -> f.startsWith(group + ":")).count();
            rows.add(List.of(group, Integer.toString(count), Integer.toString(requests), Long.toString(bad)));
        });
        rows.add(List.of(
                "**all**",
                Integer.toString(tries.values().stream().mapToInt(i -> i).sum()),
                Integer.toString(total),
                Integer.toString(failures.size())));
        rows.add(List.of("stored stories read back afterwards", "", "", Integer.toString(storageProblems.size())));
        System.out.println("hostile requests: statuses " + statuses + ", stories read back " + stories);
        HostileReport.write(new HostileReport.Group(
                "Hostile requests through the API gateway",
                "Generated requests (jqwik properties with a fixed number of tries) sent over HTTP to"
                        + " the API gateway emulator. A request fails when the answer is a 5xx, a 4xx other"
                        + " than problem+json or API Gateway's own 401/404/413 JSON, or a body that shows a"
                        + " class name or a stack frame. Afterwards every story is listed and read back"
                        + " through the API; a story fails when it does not read back or its slugs, URLs,"
                        + " titles, languages or category break the newsroom's rules.",
                List.of("requests", "tries", "sent", "failed"),
                rows));
        assertTrue(total >= REQUIRED_REQUESTS, "only " + total + " requests were sent, not " + REQUIRED_REQUESTS);
        assertTrue(
                failures.isEmpty(),
                failures.size() + " bad answers, e.g. " + failures.subList(0, Math.min(5, failures.size())));
        assertTrue(storageProblems.isEmpty(), storageProblems.toString());
    }

    /** Lists every story through the API and reads each one back; returns how many read back. */
    static int storiesReadBack(List<String> problems) throws IOException {
        int count = 0;
        Optional<String> cursor = Optional.empty();
        for (int page = 0; page < 10_000; page++) {
            String path = "/articles?limit=100"
                    + cursor.map(c -> "&cursor=" + URLEncoder.encode(c, StandardCharsets.UTF_8))
                            .orElse("");
            HttpResponse<byte[]> list = send("GET", path, editor, null, List.of());
            if (list.statusCode() != 200) {
                problems.add("listing answered " + list.statusCode());
                break;
            }
            JsonNode listed = JSON.readTree(list.body());
            for (JsonNode item : listed.get("items")) {
                String id = item.get("id").asText();
                HttpResponse<byte[]> one = send("GET", "/articles/" + id, editor, null, List.of());
                if (one.statusCode() != 200) {
                    problems.add(id + " reads back as " + one.statusCode());
                    continue;
                }
                count++;
                problems.addAll(storedStoryProblems(JSON.readTree(one.body())));
            }
            JsonNode next = listed.get("nextCursor");
            if (next == null || next.isNull()) break;
            cursor = Optional.of(next.asText());
        }
        if (count == 0) problems.add("no story was listed");
        return count;
    }

    static List<String> storedStoryProblems(JsonNode story) {
        List<String> problems = new ArrayList<>();
        String id = story.path("id").asText();
        if (!CATEGORIES.contains(story.path("category").asText()))
            problems.add(id + ": category " + story.path("category"));
        if (story.path("tags").size() > 12) problems.add(id + ": more than 12 tags");
        if (story.path("translations").size() == 0) problems.add(id + ": no translation");
        story.path("translations").fields().forEachRemaining(e -> {
            String lang = e.getKey();
            JsonNode t = e.getValue();
            String slug = t.path("slug").asText("");
            if (!LANGUAGES.contains(lang)) problems.add(id + ": language " + lang);
            if (slug.length() > 80 || !SLUG.matcher(slug).matches()) problems.add(id + ": slug '" + slug + "'");
            if (!t.path("url").asText().equals("/" + lang + "/news/" + slug + "/"))
                problems.add(id + ": url " + t.path("url"));
            String title = t.path("title").asText("");
            if (title.isBlank() || title.codePointCount(0, title.length()) > 200)
                problems.add(id + ": title of " + title.length() + " chars");
            if (title.chars().anyMatch(Character::isISOControl)) problems.add(id + ": control character in the title");
            if (!Set.of("draft", "scheduled", "published")
                    .contains(t.path("status").asText())) problems.add(id + ": status " + t.path("status"));
        });
        return problems;
    }

    // --- generators

    @Provide
    Arbitrary<String[]> bodyRoutes() {
        return Arbitraries.of(
                        "POST /articles",
                        "PUT /articles/{id}",
                        "PUT /articles/{id}/translations/{lang}",
                        "POST /articles/{id}/publish",
                        "POST /articles/{id}/unpublish",
                        "POST /media")
                .flatMap(r -> knownIds().map(id -> concrete(r, id, "en")));
    }

    @Provide
    Arbitrary<String[]> writeRoutes() {
        Arbitrary<String> who = Arbitraries.of("editor", "writer");
        return Combinators.combine(
                        Arbitraries.frequencyOf(
                                Tuple.of(6, Arbitraries.just("POST /articles")),
                                Tuple.of(2, Arbitraries.just("PUT /articles/{id}")),
                                Tuple.of(2, Arbitraries.just("PUT /articles/{id}/translations/{lang}"))),
                        knownIds(),
                        Arbitraries.of("kk", "ru", "en"),
                        who)
                .as((r, id, lang, w) -> {
                    String[] route = concrete(r, id, lang);
                    return new String[] {route[0], route[1], w};
                });
    }

    @Provide
    Arbitrary<String[]> headerRoutes() {
        return Arbitraries.of(
                        "GET /articles",
                        "GET /articles/{id}",
                        "PUT /articles/{id}",
                        "POST /articles/{id}/publish",
                        "DELETE /articles/{id}",
                        "GET /articles/{id}/revisions",
                        "GET /openapi.json")
                .flatMap(r -> knownIds().map(id -> concrete(r, id, "en")));
    }

    static String[] concrete(String route, String id, String lang) {
        String[] parts = route.split(" ", 2);
        return new String[] {parts[0], parts[1].replace("{id}", id).replace("{lang}", lang)};
    }

    Arbitrary<String> knownIds() {
        return Arbitraries.integers().between(0, 1000).map(i -> {
            List<String> known = ids;
            if (known.isEmpty()) return "00000000-0000-4000-8000-000000000000";
            // mostly the fixtures and the newest stories, so that changes meet real versions
            int index =
                    i % 3 == 0 ? i % Math.min(2, known.size()) : known.size() - 1 - (i % Math.min(20, known.size()));
            return known.get(Math.max(0, index));
        });
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(
                "application/json",
                "application/json",
                "application/json; charset=utf-8",
                "application/json; charset=iso-8859-1",
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=----x",
                "application/xml",
                "*/*",
                ";;;",
                "");
    }

    @Provide
    Arbitrary<List<String>> ifMatches() {
        return Arbitraries.of(
                        "real",
                        "\"1\"",
                        "W/\"2\"",
                        "*",
                        "\"\"",
                        "\"-1\"",
                        "\"99999999999999999999\"",
                        "1",
                        "\"1\", \"2\"",
                        "garbage\u00e9")
                .list()
                .ofMaxSize(2);
    }

    /** "real" stands for the story's current ETag, as the last answer gave it. */
    static String resolveEtag(String value, String path) {
        if (!value.equals("real")) return value;
        String[] segments = path.split("[/?]");
        for (String s : segments) {
            String etag = etags.get(s);
            if (etag != null) return etag;
        }
        return "\"1\"";
    }

    @Provide
    Arbitrary<byte[]> malformedBodies() {
        Arbitrary<String> valid = hostileStories().map(HostileRequestsIT::text);
        return Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        valid.flatMap(t ->
                                Arbitraries.integers().between(0, t.length()).map(i -> utf8(t.substring(0, i))))),
                Tuple.of(2, deepNesting()),
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(96)),
                Tuple.of(2, invalidUtf8Inside(valid)),
                Tuple.of(2, Arbitraries.of(MALFORMED).map(HostileRequestsIT::utf8)),
                Tuple.of(2, wrongTypes()),
                Tuple.of(
                        1,
                        Combinators.combine(valid, Arbitraries.of("}", "]", " x", "{}", ",", "\u0000"))
                                .as((t, tail) -> utf8(t + tail))),
                Tuple.of(1, valid.map(t -> utf8("\ufeff" + t))),
                Tuple.of(1, hugeStrings()));
    }

    static final List<String> MALFORMED = List.of(
            "",
            " ",
            "\n\t ",
            "null",
            "[]",
            "\"just a string\"",
            "0",
            "true",
            "{",
            "}",
            "{\"category\":}",
            "{'category':'city'}",
            "{category:\"city\"}",
            "{\"category\":\"city\",}",
            "{\"category\":\"city\" /* comment */}",
            "{\"category\":\"city\"} // tail",
            "{\"a\":NaN}",
            "{\"a\":Infinity}",
            "{\"a\":-0}",
            "{\"a\":01}",
            "{\"a\":1e999999}",
            "{\"a\":" + "9".repeat(400) + "}",
            "{\"a\":\"\\x41\"}",
            "{\"a\":\"\\u12\"}",
            "{\"a\":\"\\ud800\"}",
            "{\"a\":\"\\udc00\\ud800\"}",
            "{\"category\":\"city\",\"category\":\"health\"}",
            "{\"translations\":{\"en\":{},\"en\":{}}}",
            "{\"\":\"\"}",
            "{\"__proto__\":{\"admin\":true}}",
            "{\"constructor\":{\"prototype\":{}}}",
            "{\"category\":\"city\"}{\"category\":\"city\"}",
            "{\"category\":\"city\"}\u0000",
            "\u0000{}",
            "{\"languages\":[\"en\",\"en\",\"en\"]}",
            "{\"languages\":\"en\"}",
            "{\"at\":\"2000-01-01T00:00:00\"}",
            "{\"at\":\"+999999999-12-31T23:59:59.999999999-18:00\"}",
            "{\"at\":\"-999999999-01-01T00:00:00+18:00\"}",
            "{\"at\":\"1999-12-31T23:59:59Z\"}",
            "{\"at\":\"2099-01-01T00:00:00Z\"}",
            "{\"contentType\":\"image/png\",\"size\":1e400}",
            "{\"contentType\":\"image/png\",\"size\":-9223372036854775809}",
            "{\"contentType\":\"image/svg+xml\",\"size\":10}",
            "{\"contentType\":\"IMAGE/PNG\",\"size\":1.0}",
            "{\"contentType\":[\"image/png\"],\"size\":\"10\"}");

    Arbitrary<byte[]> deepNesting() {
        return Combinators.combine(
                        Arbitraries.integers().between(10, 5000),
                        Arbitraries.of("[", "{\"a\":", "{\"translations\":{\"en\":"))
                .as((depth, open) -> utf8(open.repeat(depth)));
    }

    Arbitrary<byte[]> invalidUtf8Inside(Arbitrary<String> valid) {
        return Combinators.combine(
                        valid, Arbitraries.of(BAD_UTF8), Arbitraries.integers().between(0, 10_000))
                .as((t, bad, at) -> {
                    byte[] good = utf8(t);
                    int cut = Math.min(good.length, at % (good.length + 1));
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(good, 0, cut);
                    out.writeBytes(bad);
                    out.write(good, cut, good.length - cut);
                    return out.toByteArray();
                });
    }

    Arbitrary<byte[]> wrongTypes() {
        Arbitrary<Object> odd = Arbitraries.of(
                1,
                -1,
                0,
                1.5,
                true,
                false,
                List.of(),
                List.of("a", 1),
                Map.of(),
                Map.of("src", 1),
                Long.MAX_VALUE,
                "x".repeat(300));
        Arbitrary<String> field = Arbitraries.of(
                "category",
                "tags",
                "author",
                "image",
                "translations",
                "title",
                "lead",
                "body",
                "format",
                "slug",
                "languages",
                "at",
                "contentType",
                "size",
                "extra");
        return Combinators.combine(field, odd, hostileStories()).as((name, value, story) -> {
            ObjectNode copy = story.deepCopy();
            copy.set(name, JSON.valueToTree(value));
            if (copy.path("translations").path("en") instanceof ObjectNode en) {
                en.set(name, JSON.valueToTree(value));
            }
            return bytes(copy);
        });
    }

    Arbitrary<byte[]> hugeStrings() {
        return Combinators.combine(
                        hugeText(),
                        Arbitraries.of("body", "title", "lead", "caption", "slug"),
                        Arbitraries.of("markdown", "html"))
                .as((huge, field, format) -> {
                    ObjectNode story = validStory("Huge " + UUID.randomUUID(), null);
                    ObjectNode en = (ObjectNode) story.path("translations").path("en");
                    en.put(field, huge);
                    en.put("format", format);
                    return bytes(story);
                });
    }

    /**
     * Long text at the sizes where limits lie (the 100,000-byte body, the 256 KiB request), made of
     * characters that grow when they become HTML or JSON.
     */
    @Provide
    Arbitrary<String> hugeText() {
        Arbitrary<String> unit = Arbitraries.frequencyOf(
                // these grow three to seven times as HTML
                Tuple.of(3, Arbitraries.of("\"", "'", "&", "<", ">", "<b>", "[a](/x) ")),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                "a",
                                "*a* ",
                                "\u00e9",
                                "\u00a0",
                                "\ud83d\ude00",
                                "\\",
                                "\u2028",
                                "\n\n",
                                "> ",
                                "# ",
                                "|a|b|\n")));
        Arbitrary<Integer> bytes = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(60_000, 80_000, 99_999, 100_000, 100_001, 262_143, 262_144, 262_145)),
                Tuple.of(1, Arbitraries.integers().between(1_000, 300_000)));
        return Combinators.combine(unit, bytes).as((u, size) -> {
            int unitBytes = u.getBytes(StandardCharsets.UTF_8).length;
            return u.repeat(Math.max(1, size / unitBytes));
        });
    }

    /** Text that is hostile but usually within the limits, so it reaches the newsroom's rules. */
    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(TRICKS)),
                Tuple.of(
                        3,
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)),
                Tuple.of(
                        2,
                        Arbitraries.strings()
                                .withCharRange('\u0400', '\u04ff')
                                .ofMinLength(1)
                                .ofMaxLength(8)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8)));
        return Arbitraries.frequencyOf(
                Tuple.of(12, piece.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l))),
                Tuple.of(
                        1, piece.map(p -> (p.isEmpty() ? "x" : p).repeat(Math.max(1, 250 / Math.max(1, p.length()))))));
    }

    @Provide
    Arbitrary<String> hostileSlugs() {
        Arbitrary<String> validLooking = Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz0123456789")
                .ofMinLength(4)
                .ofMaxLength(12)
                .map(s -> "h-" + s);
        return Arbitraries.frequencyOf(
                Tuple.of(4, validLooking),
                Tuple.of(4, Combinators.combine(validLooking, hostileText()).as((a, b) -> a + b)),
                Tuple.of(2, hostileText()),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                "a/../b",
                                "..",
                                "a%2fb",
                                "%2e%2e",
                                "\uff41\uff42\uff43",
                                "\u0430bc",
                                "abc\u200b",
                                "abc\u202e",
                                "ABC",
                                "a--b",
                                "-a",
                                "a-",
                                "a".repeat(81),
                                "a\u0000b",
                                "a b",
                                "a.b",
                                "a_b",
                                "\u0131stanbul",
                                "e\u0301",
                                "")));
    }

    /** A valid story with one to three fields made hostile, so hostile values reach storage. */
    @Provide
    Arbitrary<ObjectNode> hostileStories() {
        return Combinators.combine(
                        Arbitraries.strings()
                                .withChars("abcdefghijklmnopqrstuvwxyz0123456789")
                                .ofLength(10)
                                .withoutEdgeCases(),
                        mutation().list().ofMinSize(1).ofMaxSize(3))
                .as((unique, mutations) -> {
                    ObjectNode story = validStory("Hostile " + unique, null);
                    mutations.forEach(m -> m.accept(story));
                    return story;
                });
    }

    static final List<String> STORY_FIELDS = List.of("category", "tags", "author", "image", "translations");
    static final List<String> TRANSLATION_FIELDS =
            List.of("title", "lead", "dateline", "body", "format", "slug", "caption", "imageAlt");

    Arbitrary<java.util.function.Consumer<ObjectNode>> mutation() {
        Arbitrary<Object> wrongType = Arbitraries.of(
                        1, -1.5, true, List.of(), List.of("x", 2), Map.of(), Map.of("src", 1))
                .map(o -> (Object) o)
                .injectNull(0.1);
        Arbitrary<Object> value = Arbitraries.frequencyOf(
                Tuple.of(8, hostileText().map(o -> (Object) o)),
                Tuple.of(2, hostileSlugs().map(o -> (Object) o)),
                Tuple.of(1, hugeText().map(o -> (Object) o)),
                Tuple.of(2, wrongType));
        Arbitrary<java.util.function.Consumer<ObjectNode>> translationField = Combinators.combine(
                        Arbitraries.of(TRANSLATION_FIELDS), value, Arbitraries.of("en", "ru", "kk"))
                .as((field, v, lang) -> story -> {
                    if (!(story.get("translations") instanceof ObjectNode translations)) return;
                    JsonNode existing = translations.get(lang);
                    ObjectNode t = existing instanceof ObjectNode o
                            ? o
                            : (ObjectNode) validStory("Hostile " + UUID.randomUUID(), null)
                                    .get("translations")
                                    .get("en");
                    translations.set(lang, t);
                    t.set(field, JSON.valueToTree(v));
                });
        Arbitrary<java.util.function.Consumer<ObjectNode>> slug = Combinators.combine(
                        hostileSlugs(), Arbitraries.of("en", "ru", "kk"))
                .as((v, lang) -> story -> {
                    if (story.path("translations").get(lang) instanceof ObjectNode t) t.put("slug", v);
                });
        Arbitrary<java.util.function.Consumer<ObjectNode>> storyField = Combinators.combine(
                        Arbitraries.of(STORY_FIELDS), value)
                .as((field, v) -> story -> story.set(field, JSON.valueToTree(v)));
        Arbitrary<java.util.function.Consumer<ObjectNode>> tags =
                hostileText().list().ofMaxSize(14).map(l -> story -> story.set("tags", JSON.valueToTree(l)));
        Arbitrary<java.util.function.Consumer<ObjectNode>> image = Arbitraries.of(
                        "/media/2026/01/photo.png",
                        "/media/../secret.png",
                        "//evil.example/x.png",
                        "javascript:alert(1)",
                        "/media/%2e%2e/x.png",
                        "/media/a.png\u0000.svg",
                        "/media/\u202egnp.svg",
                        "/media/a b.png")
                .map(src -> story -> story.putObject("image").put("src", src));
        Arbitrary<java.util.function.Consumer<ObjectNode>> language = Combinators.combine(
                        hostileText(), Arbitraries.of(false, true))
                .as((key, move) -> story -> {
                    if (!(story.get("translations") instanceof ObjectNode translations)) return;
                    JsonNode en = translations.get("en");
                    translations.set(key, en == null ? NODES.objectNode() : en.deepCopy());
                    if (move && !key.equals("en")) translations.remove("en");
                });
        Arbitrary<java.util.function.Consumer<ObjectNode>> removal = Arbitraries.of(TRANSLATION_FIELDS)
                .map(field -> story -> {
                    if (story.path("translations").get("en") instanceof ObjectNode t) t.remove(field);
                });
        Arbitrary<java.util.function.Consumer<ObjectNode>> unknown = Arbitraries.of(
                        "id", "version", "status", "createdBy", "publishedAt", "extra", "")
                .map(field -> story -> story.put(field, "x"));
        return Arbitraries.frequencyOf(
                Tuple.of(8, translationField),
                Tuple.of(3, slug),
                Tuple.of(2, storyField),
                Tuple.of(2, tags),
                Tuple.of(1, image),
                Tuple.of(1, language),
                Tuple.of(1, removal),
                Tuple.of(1, unknown));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("GET")),
                Tuple.of(2, Arbitraries.just("POST")),
                Tuple.of(2, Arbitraries.just("PUT")),
                Tuple.of(2, Arbitraries.just("DELETE")),
                Tuple.of(1, Arbitraries.of("PATCH", "OPTIONS", "HEAD", "PROPFIND", "get")));
    }

    @Provide
    Arbitrary<String> hostilePaths() {
        Arbitrary<String> segment = Arbitraries.frequencyOf(
                Tuple.of(3, knownIds()),
                Tuple.of(1, Arbitraries.create(() -> java.util.UUID.randomUUID().toString())),
                Tuple.of(2, knownIds().map(id -> id.toUpperCase(java.util.Locale.ROOT))),
                Tuple.of(
                        3,
                        Combinators.combine(
                                        knownIds(),
                                        hostileText(),
                                        Arbitraries.integers().between(0, 36))
                                .as((id, t, at) -> id.substring(0, at) + t + id.substring(at))),
                Tuple.of(3, hostileText()),
                Tuple.of(2, Arbitraries.of(TRICKS)));
        Arbitrary<String> lang = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("en", "kk", "ru")),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                "EN", "e\u0301n", "en\u0000", "\u0435n", "en\u200b", "zz", "..", "en/..", "ru%2f..")),
                Tuple.of(2, hostileText()));
        Arbitrary<String> template = Arbitraries.of(
                "/articles/{id}",
                "/articles/{id}/translations/{lang}",
                "/articles/{id}/publish",
                "/articles/{id}/unpublish",
                "/articles/{id}/preview/{lang}",
                "/articles/{id}/revisions",
                "/articles/{id}/{id}",
                "/{id}",
                "/articles/{id}/translations/{lang}/{id}",
                "/media/{id}",
                "/site/{id}",
                "/openapi.json/{id}");
        return Combinators.combine(
                        template, segment, segment, lang, Arbitraries.integers().between(0, 9))
                .as((t, a, b, l, raw) -> {
                    // a few segments go as typed (already encoded tricks such as %2e%2e), the rest
                    // encoded
                    String first = raw < 3 && isUriSafe(a) ? a : encode(a, raw % 2 == 0);
                    String second = raw >= 7 && isUriSafe(b) ? b : encode(b, raw % 2 == 0);
                    String language = isUriSafe(l) && raw % 3 == 0 ? l : encode(l, raw % 2 == 1);
                    return t.replaceFirst("\\{id\\}", java.util.regex.Matcher.quoteReplacement(first))
                            .replace("{id}", second)
                            .replace("{lang}", language);
                });
    }

    @Provide
    Arbitrary<String> hostileQueries() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("status", "lang", "category", "cursor", "limit")),
                Tuple.of(1, hostileText()));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(
                        2,
                        Arbitraries.of(
                                "draft",
                                "published",
                                "scheduled",
                                "en",
                                "city",
                                "1",
                                "100",
                                "101",
                                "0",
                                "-1",
                                "2147483648",
                                "1e3",
                                "0x10",
                                "eyJ4IjoxfQ",
                                "AAAA",
                                "")),
                Tuple.of(3, hostileText()));
        Arbitrary<String> pair = Combinators.combine(
                        name, value, Arbitraries.integers().between(0, 9))
                .as((n, v, form) ->
                        form == 0 ? encode(n, false) : encode(n, form % 2 == 0) + "=" + encode(v, form % 3 == 0));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(6, pair.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("&", l))),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                "&&&",
                                "=",
                                "==",
                                "&=&",
                                "limit=1&limit=2",
                                "lang=en&lang=ru",
                                "cursor=%00",
                                "status=%E2%80%AEdraft")));
    }

    @Provide
    Arbitrary<List<String>> authorizations() {
        Arbitrary<String> one = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.create(() -> "Bearer " + editor)),
                Tuple.of(1, Arbitraries.create(() -> "bearer    " + editor + "   ")),
                Tuple.of(1, Arbitraries.create(() -> "Bearer " + writer)),
                Tuple.of(1, Arbitraries.create(() -> "Basic " + editor)),
                Tuple.of(1, Arbitraries.create(() -> "Bearer " + editor + "x")),
                Tuple.of(1, Arbitraries.create(() -> "Bearer " + editor.substring(0, editor.lastIndexOf('.')) + ".")),
                Tuple.of(1, Arbitraries.create(() -> "Bearer " + editor.replace('.', ','))),
                Tuple.of(
                        2,
                        Arbitraries.strings()
                                .withCharRange('!', '~')
                                .ofMaxLength(120)
                                .map(s -> "Bearer " + s)),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
                                .ofMinLength(2)
                                .ofMaxLength(40)
                                .list()
                                .ofSize(3)
                                .map(l -> "Bearer " + String.join(".", l))),
                Tuple.of(1, Arbitraries.integers().between(1_000, 65_000).map(n -> "Bearer " + "A".repeat(n))),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                "Bearer",
                                "Bearer ",
                                "",
                                "null",
                                "Bearer null",
                                "Bearer eyJhbGciOiJub25lIn0.e30.",
                                "Bearer ..",
                                "Bearer \u00ff\u00fe")));
        return one.list().ofMinSize(0).ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<String>> abusiveHeaders() {
        Arbitrary<List<String>> one = Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        ifMatches()
                                .map(l -> l.stream()
                                        .flatMap(v -> java.util.stream.Stream.of("If-Match", v))
                                        .toList())),
                Tuple.of(2, Arbitraries.integers().between(1, 64_000).map(n -> List.of("X-Padding", "p".repeat(n)))),
                Tuple.of(2, Arbitraries.integers().between(1, 100).map(n -> {
                    List<String> many = new ArrayList<>();
                    for (int i = 0; i < n; i++) many.addAll(List.of("X-Many-" + i, "v" + i));
                    return many;
                })),
                Tuple.of(2, Arbitraries.integers().between(1, 50).map(n -> {
                    List<String> same = new ArrayList<>();
                    for (int i = 0; i < n; i++) same.addAll(List.of("If-Match", "\"" + i + "\""));
                    return same;
                })),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withCharRange(' ', '~')
                                .withCharRange('\u0080', '\u00ff')
                                .ofMaxLength(200)
                                .map(v -> List.of("X-Latin", v))),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                        "application/json",
                                        "text/html",
                                        "\u00e9",
                                        "application/json; charset=\"utf-7\"",
                                        "x/y; boundary=" + "b".repeat(5000))
                                .map(v -> List.of("Content-Type", v))),
                Tuple.of(1, Arbitraries.of("gzip", "br", "identity, gzip, x").map(v -> List.of("Content-Encoding", v))),
                Tuple.of(
                        1,
                        Arbitraries.of("127.0.0.1", "evil.example, 10.0.0.1", "\u00ff")
                                .map(v -> List.of("X-Forwarded-For", v))),
                Tuple.of(
                        1,
                        Arbitraries.of("a=b", "a=" + "c".repeat(8000), ";;;;").map(v -> List.of("Cookie", v))));
        return one.list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(l -> l.stream().flatMap(List::stream).toList());
    }

    // --- sending and judging

    static HttpResponse<byte[]> check(
            String group, String method, String target, String token, byte[] body, List<String> headers) {
        sent.computeIfAbsent(group, g -> new AtomicInteger()).incrementAndGet();
        HttpResponse<byte[]> response;
        try {
            response = send(method, target, token, body, headers);
        } catch (IOException e) {
            failures.add(group
                    + ": "
                    + method
                    + " "
                    + Answers.abbreviated(target)
                    + " got no answer ("
                    + e.getClass().getSimpleName()
                    + ")");
            throw new AssertionError("no answer to " + method + " " + Answers.abbreviated(target), e);
        }
        statuses.computeIfAbsent(group, g -> new TreeMap<>())
                .computeIfAbsent(Integer.toString(response.statusCode()), s -> new AtomicInteger())
                .incrementAndGet();
        List<String> problems = Answers.problems(method, response);
        if (!problems.isEmpty()) {
            String failure = group
                    + ": "
                    + method
                    + " "
                    + Answers.abbreviated(target)
                    + " -> "
                    + response.statusCode()
                    + " "
                    + problems
                    + " "
                    + Answers.abbreviated(new String(response.body(), StandardCharsets.UTF_8));
            failures.add(failure);
            throw new AssertionError(failure);
        }
        return response;
    }

    static HttpResponse<byte[]> send(String method, String target, String token, byte[] body, List<String> headers)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(TestStack.get().apiUrl() + target))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) request.header("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < headers.size(); i += 2) request.header(headers.get(i), headers.get(i + 1));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static void remember(HttpResponse<byte[]> response) {
        Optional<String> etag = response.headers().firstValue("ETag");
        JsonNode body = Answers.parse(new String(response.body(), StandardCharsets.UTF_8));
        if (etag.isEmpty() || body == null || !body.path("id").isTextual()) return;
        String id = body.get("id").asText();
        if (etags.put(id, etag.get()) == null) ids.add(id);
    }

    // --- building bodies

    static ObjectNode validStory(String title, String slug) {
        ObjectNode story = NODES.objectNode();
        story.put("category", "city");
        ObjectNode en = story.putObject("translations").putObject("en");
        en.put("title", title);
        en.put("lead", "A lead.");
        en.put("body", "Some *body* text.");
        if (slug != null) en.put("slug", slug);
        return story;
    }

    static byte[] translationOf(ObjectNode story, boolean escape) {
        JsonNode translations = story.path("translations");
        var it = translations.elements();
        JsonNode first = it.hasNext() ? it.next() : NODES.objectNode();
        if (!(first instanceof ObjectNode o)) return bytes(NODES.objectNode());
        return escape ? escaped(o) : bytes(o);
    }

    static String text(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(ObjectNode node) {
        return utf8(text(node));
    }

    /** With every non-ASCII character escaped, lone surrogates arrive as \\uD800 escapes. */
    static byte[] escaped(ObjectNode node) {
        try {
            return ESCAPING.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static boolean isUriSafe(String segment) {
        return segment.matches("(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})*");
    }

    /** Percent-encodes every byte that a path segment may not carry; with {@code all}, every byte. */
    static String encode(String text, boolean all) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = !all && (Character.isLetterOrDigit(c) && c < 0x80 || "-._~".indexOf(c) >= 0);
            if (plain) out.append((char) c);
            else out.append('%').append(String.format("%02X", c));
        }
        return out.toString();
    }
}
