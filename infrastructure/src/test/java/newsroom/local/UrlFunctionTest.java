package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CDN's URL function, its own code read from template.yaml and run in the emulator's engine:
 * no hostile path is redirected to another host, pretty URLs and former story addresses work.
 */
class UrlFunctionTest {
    static CloudTemplate.FunctionCode code;
    static final Map<String, String> store = new HashMap<>();
    static CloudFrontFunction function;

    @BeforeAll
    static void read() {
        code = CloudTemplate.read(CloudTemplate.locate())
                .viewerRequestFunction()
                .orElseThrow();
        function = CloudFrontFunction.of(code.code(), code.logicalId(), key -> Optional.ofNullable(store.get(key)));
    }

    static CloudFrontFunction.Result run(String uri, String query) {
        return function.run(new CloudFrontFunction.Request("GET", uri, query, Map.of(), "127.0.0.1"));
    }

    @Test
    void noHostileUriIsRedirectedToAnotherHost() {
        List<String> wrong = new ArrayList<>();
        for (HostileUris.Case c : HostileUris.table()) {
            CloudFrontFunction.Result result = run(c.uri(), null);
            int status = result instanceof CloudFrontFunction.Result.Respond r ? r.status() : 200;
            if (result instanceof CloudFrontFunction.Result.Respond r
                    && r.headers().containsKey("location")) {
                String host = HostileUris.hostOf(r.headers().get("location").get(0));
                if (!host.equals(HostileUris.SITE_HOST)) wrong.add(c.uri() + " -> " + host);
            }
            if (result instanceof CloudFrontFunction.Result.Failed f) wrong.add(c.uri() + " failed: " + f.reason());
            if (status != c.status()) wrong.add(shorten(c.uri()) + ": " + status + ", expected " + c.status());
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void prettyUrls() {
        var index = assertInstanceOf(CloudFrontFunction.Result.Forward.class, run("/en/news/", null));
        assertEquals("/en/news/index.html", index.uri());
        var file = assertInstanceOf(CloudFrontFunction.Result.Forward.class, run("/assets/site.css", "v=2"));
        assertEquals("/assets/site.css", file.uri());
        assertEquals("v=2", file.querystring());
        var slash = assertInstanceOf(CloudFrontFunction.Result.Respond.class, run("/en/news/a-story", "x=1&y&x=2"));
        assertEquals(301, slash.status());
        assertEquals(List.of("/en/news/a-story/?x=1&x=2&y"), slash.headers().get("location"));
    }

    @Test
    void formerAddressesLeadToTheCurrentPage() {
        store.put("/en/news/first-slug/", "story/s1/en");
        store.put("/en/news/second-slug/", "story/s1/en");
        store.put("story/s1/en", "/en/news/third-slug/");
        store.put("/en/news/hidden/", "story/s2/en");
        store.put("story/s2/en", "unpublished /en/news/now/");
        store.put("/en/news/loop/", "story/s3/en");
        store.put("story/s3/en", "/en/news/loop/");
        store.put("/en/news/hostile/", "story/s4/en");
        store.put("story/s4/en", "//evil.example/x/");
        for (String former : List.of("/en/news/first-slug/", "/en/news/second-slug/")) {
            var moved = assertInstanceOf(CloudFrontFunction.Result.Respond.class, run(former, "utm=1"));
            assertEquals(301, moved.status());
            assertEquals(List.of("/en/news/third-slug/?utm=1"), moved.headers().get("location"));
        }
        // unpublished, its own page, a value that is no site path, an unknown path: the page is asked for
        for (String served :
                List.of("/en/news/hidden/", "/en/news/loop/", "/en/news/hostile/", "/en/news/third-slug/")) {
            var forward = assertInstanceOf(CloudFrontFunction.Result.Forward.class, run(served, null));
            assertEquals(served + "index.html", forward.uri());
        }
    }

    @Test
    void theEventHasCloudFrontsShapeAndTheAnswerIsReadAsCloudFrontReadsIt() {
        String echo = """
                function handler(event) {
                  var r = event.request;
                  return { statusCode: 200, statusDescription: 'OK',
                    headers: { 'x-seen': { value: [event.version, event.context.eventType, r.method, r.uri,
                      r.querystring.a.multiValue.length, r.querystring.b.value, r.headers['x-one'].value,
                      r.cookies.c.value, event.viewer.ip].join('|') } },
                    body: { encoding: 'base64', data: 'aGk=' } };
                }
                """;
        var answer = assertInstanceOf(
                CloudFrontFunction.Result.Respond.class,
                CloudFrontFunction.of(echo, "echo", CloudFrontFunction.KeyValueStore.EMPTY)
                        .run(new CloudFrontFunction.Request(
                                "GET",
                                "/p%20q",
                                "a=1&a=2&b=%20",
                                Map.of("X-One", List.of("v"), "Cookie", List.of("c=d; e=f")),
                                "10.0.0.1")));
        assertEquals(
                List.of("1.0|viewer-request|GET|/p%20q|2|%20|v|d|10.0.0.1"),
                answer.headers().get("x-seen"));
        assertEquals("hi", new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aFunctionThatThrowsRejectsOrRunsAwayFails() {
        for (String body : List.of(
                "throw new Error('no');",
                "return Promise.reject(new Error('no'));",
                "while (true) {}",
                "return new Promise(function () {});")) {
            var f = CloudFrontFunction.of(
                    "function handler(event) { " + body + " }", "bad", CloudFrontFunction.KeyValueStore.EMPTY);
            assertInstanceOf(CloudFrontFunction.Result.Failed.class, run(f, "/"), body);
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> CloudFrontFunction.of(
                        "import x from 'crypto';\nfunction handler(e) { return e.request; }",
                        "imports",
                        CloudFrontFunction.KeyValueStore.EMPTY));
    }

    private static CloudFrontFunction.Result run(CloudFrontFunction f, String uri) {
        return f.run(new CloudFrontFunction.Request("GET", uri, null, Map.of(), "127.0.0.1"));
    }

    private static String shorten(String uri) {
        return uri.length() > 60 ? uri.substring(0, 60) + "…(" + uri.length() + ")" : uri;
    }
}
