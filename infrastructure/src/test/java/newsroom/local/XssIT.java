package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * Known XSS vectors in every text field of published stories: the public pages, feeds, latest.json
 * and JSON-LD from the CDN, and the staff preview, must show them as text and nothing else.
 */
class XssIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CATEGORY = "economy";
    static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    static final List<String> LANGS = List.of("en", "kk");
    static final List<String> FIELDS = List.of(
            "title", "lead", "dateline", "caption", "imageAlt", "tags", "author", "body (markdown)", "body (html)");

    /** Script tags, handlers, URL schemes, SVG/MathML, CSS, entities, broken markup, breakouts. */
    static final List<String> VECTORS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<script src=\"data:text/javascript,alert(1)\"></script>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"javascript:alert(1)\">",
            "<IMG SRC=JaVaScRiPt:alert(1)>",
            "<img src=`x` onerror=alert(1)>",
            "<img \"\"\"><script>alert(1)</script>\">",
            "<img src=x:alert(alt) onerror=eval(src) alt=0>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
            "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<math href=\"javascript:alert(1)\">x</math>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
            "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"https://example.com\" onclick=\"alert(1)\">x</a>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
            "<embed src=\"javascript:alert(1)\">",
            "<form action=\"javascript:alert(1)\"><button formaction=javascript:alert(1)>x</button></form>",
            "<input autofocus onfocus=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<video><source onerror=\"alert(1)\"></video>",
            "<body onload=alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<div style=\"width: expression(alert(1))\">x</div>",
            "<style>@import 'javascript:alert(1)';</style>",
            "<link rel=stylesheet href=javascript:alert(1)>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"javascript:alert(1)//\">",
            "\" onmouseover=\"alert(1)",
            "' onfocus='alert(1)' autofocus='",
            "\"><script>alert(1)</script>",
            "'><img src=x onerror=alert(1)>",
            "\"'><svg/onload=alert(1)>",
            "</script><script>alert(1)</script>",
            "</SCRIPT ><script>alert(1)</script>",
            "<!--<script>alert(1)//-->",
            "</title><script>alert(1)</script>",
            "</textarea><script>alert(1)</script>",
            "]]><script>alert(1)</script>",
            "<![CDATA[<script>alert(1)</script>]]>",
            "]]>&lt;x&gt;]]>",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<<script>alert(1);//<</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&#60;script&#62;alert(1)&#60;/script&#62;",
            "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
            "%3Cscript%3Ealert(1)%3C/script%3E",
            "+ADw-script+AD4-alert(1)+ADw-/script+AD4-",
            "<x onclick=alert(1)>click",
            "{{constructor.constructor('alert(1)')()}}",
            "${alert(1)} #{alert(1)} <%= alert(1) %>",
            "[x](javascript:alert(1))",
            "![x](javascript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[x](<javascript:alert(1)>)",
            "<https://example.com/\"onmouseover=\"alert(1)>",
            "<javascript:alert(1)>",
            "\u202e<script>alert(1)</script>",
            "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
            "\ufffe\uffff <b>x</b>");

    static final Map<String, Published> published = new LinkedHashMap<>();
    static final List<String> problems = new ArrayList<>();
    static final List<String> refusals = new ArrayList<>();
    static final Set<String> pagesChecked = new LinkedHashSet<>();
    static final AtomicInteger refusedAtWrite = new AtomicInteger();
    static String editor;
    /** The site's own scripts: those of a page no story text reaches (the search page). */
    static Set<String> scriptPaths;

    /** A story as the API answered it after publishing. */
    record Published(int vector, String id, JsonNode story) {
        JsonNode translation(String lang) {
            return story.path("translations").path(lang);
        }
    }

    @BeforeAll
    static void publishAStoryPerVector() throws Exception {
        editor = TestStack.token("xss-editor", "editors");
        for (int i = 0; i < VECTORS.size(); i++) {
            String vector = VECTORS.get(i);
            HttpResponse<String> created =
                    TestStack.api("POST", "/articles", editor, JSON.writeValueAsString(story(i, vector)));
            if (created.statusCode() != 201) {
                // a vector the newsroom refuses cannot reach a page; the first test says whether it may
                refusedAtWrite.incrementAndGet();
                refusals.add("vector " + i + " answered " + created.statusCode() + ": " + created.body());
                continue;
            }
            String id = JSON.readTree(created.body()).get("id").asText();
            HttpResponse<String> done = TestStack.api(
                    "POST",
                    "/articles/" + id + "/publish",
                    editor,
                    null,
                    "If-Match",
                    created.headers().firstValue("ETag").orElseThrow());
            assertEquals(200, done.statusCode(), done.body());
            published.put(id, new Published(i, id, JSON.readTree(done.body())));
        }
        TestStack.settle();
        // list pages are cached for a minute: start from what the bucket holds now
        TestStack.get().cdn().invalidate(List.of("/*"));
        scriptPaths = Jsoup.parse(TestStack.cdn("/en/search/").body()).select("script[src]").stream()
                .map(e -> e.attr("src"))
                .collect(java.util.stream.Collectors.toSet());
        assertTrue(scriptPaths.size() >= 2, "the site's scripts: " + scriptPaths);
    }

    static ObjectNode story(int i, String vector) {
        ObjectNode story = JSON.createObjectNode();
        story.put("category", CATEGORY);
        story.putArray("tags").add(fit(vector, 40)).add("xss");
        story.put("author", fit(vector, 120));
        story.putObject("image").put("src", "/media/2026/01/xss-" + i + ".png");
        ObjectNode translations = story.putObject("translations");
        for (String lang : LANGS) {
            ObjectNode t = translations.putObject(lang);
            t.put("title", fit(vector, 200));
            t.put("lead", fit(vector + " lead", 600));
            t.put("dateline", fit(vector, 100));
            t.put("caption", fit(vector, 300));
            t.put("imageAlt", fit(vector, 300));
            t.put("body", vector + "\n\n" + vector + " in a paragraph.");
            t.put("format", lang.equals("en") ? "markdown" : "html");
            t.put("slug", "xss-vector-" + i + "-" + lang);
        }
        return story;
    }

    static String fit(String text, int codePoints) {
        if (text.codePointCount(0, text.length()) <= codePoints) return text;
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    /** Bidirectional controls reorder what follows them: the newsroom refuses them in short texts. */
    static boolean reorders(String text) {
        return text.codePoints().anyMatch(c -> (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
    }

    /**
     * Every vector is stored and published, except that text with characters XML 1.0 forbids may be
     * refused at write with a problem (no feed or sitemap could carry it), and so may text with
     * bidirectional controls (a title could read as another).
     */
    @Test
    void everyVectorIsPublishedUnlessXmlCannotCarryIt() {
        List<String> wrongly = new ArrayList<>();
        for (int i = 0; i < VECTORS.size(); i++) {
            int vector = i;
            boolean stored = published.values().stream().anyMatch(p -> p.vector() == vector);
            if (!stored && !xmlForbids(VECTORS.get(i)) && !reorders(VECTORS.get(i))) wrongly.add(VECTORS.get(i));
        }
        assertTrue(wrongly.isEmpty(), "refused: " + wrongly + " " + refusals);
        // tags and author appear on no page: they must come back from the API exactly as sent
        for (Published p : published.values()) {
            String vector = VECTORS.get(p.vector());
            assertEquals(fit(vector, 40), p.story().path("tags").path(0).asText(), "tag of " + vector);
            assertEquals(fit(vector, 120).strip(), p.story().path("author").asText(), "author of " + vector);
        }
        for (String refusal : refusals) assertTrue(refusal.contains(" answered 400: "), refusal);
    }

    static boolean xmlForbids(String text) {
        return text.codePoints()
                .anyMatch(c -> c < 0x20 && c != 0x9 && c != 0xa && c != 0xd
                        || c >= 0xd800 && c <= 0xdfff
                        || c == 0xfffe
                        || c == 0xffff);
    }

    @Test
    void articlePagesShowEveryVectorAsTextOnly() throws Exception {
        assertFalse(published.isEmpty());
        int before = problems.size();
        for (Published p : published.values()) {
            for (String lang : LANGS) {
                JsonNode t = p.translation(lang);
                String where = "vector " + p.vector() + " " + lang + " article";
                HttpResponse<String> page = TestStack.cdn(t.path("url").asText());
                if (page.statusCode() != 200) {
                    problems.add(where + " answered " + page.statusCode());
                    continue;
                }
                Document doc = checked(where, page.body());
                articleShowsTheStoryAsText(where, doc, p, t);
                String preview = "vector " + p.vector() + " " + lang + " staff preview";
                HttpResponse<String> previewed =
                        TestStack.api("GET", "/articles/" + p.id() + "/preview/" + lang, editor, null);
                if (previewed.statusCode() != 200) problems.add(preview + " answered " + previewed.statusCode());
                else articleShowsTheStoryAsText(preview, checked(preview, previewed.body()), p, t);
            }
        }
        List<String> found = problems.subList(before, problems.size());
        assertTrue(found.isEmpty(), found.size() + " problems:\n" + String.join("\n", found));
    }

    @Test
    void listsFeedsAndLatestShowEveryVectorAsTextOnly() throws Exception {
        assertFalse(published.isEmpty());
        int before = problems.size();
        Set<String> months = new LinkedHashSet<>();
        for (Published p : published.values()) {
            Instant at = Instant.parse(p.translation("en").path("publishedAt").asText());
            YearMonth month = YearMonth.from(at.atZone(ZONE));
            months.add(String.format(Locale.ROOT, "%04d/%02d", month.getYear(), month.getMonthValue()));
        }
        Set<String> titles = new LinkedHashSet<>();
        published
                .values()
                .forEach(p -> LANGS.forEach(
                        l -> titles.add(p.translation(l).path("title").asText())));
        for (String lang : LANGS) {
            List<String> paths = new ArrayList<>(
                    List.of("/" + lang + "/", "/" + lang + "/news/", "/" + lang + "/category/" + CATEGORY + "/"));
            months.forEach(m -> paths.add("/" + lang + "/news/" + m + "/"));
            for (String path : paths) {
                HttpResponse<String> page = TestStack.cdn(path);
                if (page.statusCode() != 200) {
                    problems.add(path + " answered " + page.statusCode());
                    continue;
                }
                Document doc = checked(path, page.body());
                // the newest stories are this test's: their titles must be there, as text
                List<String> shown = doc.select(".teasers h2 a").eachText();
                if (shown.stream()
                        .noneMatch(
                                s -> titles.stream().anyMatch(t -> normalized(t).equals(s)))) {
                    problems.add(path + " lists none of the vector stories");
                }
            }
            feedIsWellFormedXml(lang);
            latestIsJsonWithTitlesAsText(lang, titles);
        }
        xmlIsWellFormed("/sitemap-news.xml");
        List<String> found = problems.subList(before, problems.size());
        assertTrue(found.isEmpty(), found.size() + " problems:\n" + String.join("\n", found));
    }

    @Test
    void contentSecurityPolicyForbidsInlineScript() {
        Published any = published.values().iterator().next();
        for (String path :
                List.of(any.translation("en").path("url").asText(), "/en/", "/en/feed.xml", "/en/latest.json")) {
            HttpResponse<String> response = TestStack.cdn(path);
            String csp =
                    response.headers().firstValue("Content-Security-Policy").orElse("");
            Map<String, List<String>> directives = directives(csp);
            List<String> script = directives.getOrDefault("script-src", directives.get("default-src"));
            assertTrue(script != null, path + " has no script-src or default-src: " + csp);
            for (String forbidden :
                    List.of("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "data:", "*", "http:", "https:")) {
                assertFalse(script.contains(forbidden), path + " allows " + forbidden + " in scripts: " + csp);
            }
            List<String> objects = directives.getOrDefault("object-src", directives.get("default-src"));
            assertEquals(List.of("'none'"), objects, "plugins on " + path);
            assertTrue(directives.containsKey("base-uri"), "no base-uri on " + path);
            assertEquals(
                    "nosniff",
                    response.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
    }

    @AfterAll
    static void writeFigures() {
        int pages = pagesChecked.size();
        HostileReport.write(new HostileReport.Group(
                "XSS vectors in every text field",
                "Each vector goes into every text field of one story (English with a Markdown body,"
                        + " Kazakh with an HTML body; tags and author too, which no page shows and the API"
                        + " must give back unchanged), which is published; the pages"
                        + " are fetched from the CDN emulator and parsed. A page fails when it has a script"
                        + " other than the site's own file and its JSON-LD, an on* attribute, a"
                        + " javascript:, vbscript: or data: URL, a style, frame, object, form or SVG element,"
                        + " or shows a field other than as its exact text; feeds and sitemaps must parse as"
                        + " XML and latest.json as JSON.",
                List.of("figure", "value"),
                List.of(
                        List.of("vectors", Integer.toString(VECTORS.size())),
                        List.of("text fields per story", Integer.toString(FIELDS.size())),
                        List.of("vector × field placements", Integer.toString(VECTORS.size() * FIELDS.size())),
                        List.of("vectors refused at write", Integer.toString(refusedAtWrite.get())),
                        List.of("documents checked (pages, previews, feeds, JSON)", Integer.toString(pages)),
                        List.of("problems", Integer.toString(problems.size())))));
    }

    // --- what a page must be

    /** A button of the page's own reading preferences (font size, contrast), as the layout writes it. */
    static boolean ownPreferenceButton(Document doc, Element e) {
        Element panel = doc.selectFirst("header [data-prefs]");
        return e.normalName().equals("button")
                && panel != null
                && e.parent() == panel
                && e.attributes().asList().stream()
                        .allMatch(a -> Set.of("type", "data-font-size", "data-contrast", "aria-label")
                                .contains(a.getKey()));
    }

    static Document checked(String where, String html) {
        pagesChecked.add(where);
        Document doc = Jsoup.parse(html);
        int ldJson = 0;
        for (Element script : doc.select("script")) {
            if (script.attr("type").equals("application/ld+json") && !script.hasAttr("src")) {
                ldJson++;
                if (Answers.parse(script.data()) == null) problems.add(where + ": JSON-LD does not parse");
            } else if (!(scriptPaths.contains(script.attr("src"))
                    && script.data().isBlank())) {
                problems.add(where + ": foreign script " + Answers.abbreviated(script.outerHtml()));
            }
        }
        if (ldJson > 1) problems.add(where + ": " + ldJson + " JSON-LD blocks");
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            if (Set.of(
                                    "iframe",
                                    "frame",
                                    "frameset",
                                    "object",
                                    "embed",
                                    "applet",
                                    "base",
                                    "form",
                                    "input",
                                    "button",
                                    "textarea",
                                    "select",
                                    "style",
                                    "svg",
                                    "math",
                                    "template",
                                    "video",
                                    "audio",
                                    "source",
                                    "details")
                            .contains(tag)
                    && !ownPreferenceButton(doc, e)) {
                problems.add(where + ": element <" + tag + ">");
            }
            if (tag.equals("meta") && e.hasAttr("http-equiv")) problems.add(where + ": meta http-equiv");
            if (tag.equals("link")
                    && !Set.of("canonical", "alternate", "stylesheet").contains(e.attr("rel"))) {
                problems.add(where + ": link rel=" + e.attr("rel"));
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) problems.add(where + ": handler attribute " + name + " on <" + tag + ">");
                if (name.equals("style") || name.equals("srcdoc")) problems.add(where + ": attribute " + name);
                if (Set.of(
                                        "href",
                                        "src",
                                        "action",
                                        "formaction",
                                        "xlink:href",
                                        "data",
                                        "poster",
                                        "background",
                                        "srcset",
                                        "cite",
                                        "longdesc",
                                        "ping")
                                .contains(name)
                        && dangerousUrl(a.getValue())) {
                    problems.add(where + ": " + name + "=" + Answers.abbreviated(a.getValue()) + " on <" + tag + ">");
                }
            }
        }
        return doc;
    }

    static boolean dangerousUrl(String value) {
        StringBuilder compact = new StringBuilder();
        value.codePoints().filter(c -> c > 0x20 && !Character.isWhitespace(c)).forEach(compact::appendCodePoint);
        String url = compact.toString().toLowerCase(Locale.ROOT);
        return url.startsWith("javascript:") || url.startsWith("vbscript:") || url.startsWith("data:");
    }

    static void articleShowsTheStoryAsText(String where, Document doc, Published p, JsonNode t) {
        String title = t.path("title").asText();
        expectText(where, "h1", doc.select("article h1").text(), normalized(title));
        if (!doc.title().startsWith(normalized(title) + " — "))
            problems.add(where + ": <title> is '" + doc.title() + "'");
        expectText(where, "og:title", doc.select("meta[property=og:title]").attr("content"), title);
        expectText(
                where,
                "meta description",
                doc.select("meta[name=description]").attr("content"),
                t.path("lead").asText());
        expectText(
                where,
                "lead",
                doc.select("article p.lead").text(),
                normalized(t.path("lead").asText()));
        expectText(
                where,
                "dateline",
                doc.select("article .dateline").text(),
                normalized(t.path("dateline").asText()) + ",");
        expectText(
                where,
                "image alt",
                doc.select("article figure img").attr("alt"),
                t.path("imageAlt").asText());
        expectText(
                where,
                "caption",
                doc.select("article figcaption").text(),
                normalized(t.path("caption").asText()));
        Element ld = doc.selectFirst("script[type=application/ld+json]");
        if (ld == null) {
            problems.add(where + ": no JSON-LD");
        } else {
            JsonNode node = Answers.parse(ld.data());
            if (node != null)
                expectText(where, "JSON-LD headline", node.path("headline").asText(), title);
        }
        if (doc.select("article .body").isEmpty()) problems.add(where + ": no body");
    }

    static void expectText(String where, String what, String actual, String expected) {
        if (!actual.equals(expected)) {
            problems.add(where
                    + ": "
                    + what
                    + " is '"
                    + Answers.abbreviated(actual)
                    + "', expected '"
                    + Answers.abbreviated(expected)
                    + "'");
        }
    }

    /** The text jsoup gives for an element: runs of HTML whitespace as one space, trimmed. */
    static String normalized(String text) {
        return text.replaceAll("[ \\t\\n\\f\\r]+", " ").strip();
    }

    static void feedIsWellFormedXml(String lang) throws Exception {
        String path = "/" + lang + "/feed.xml";
        org.w3c.dom.Document feed = xmlIsWellFormed(path);
        if (feed == null) return;
        NodeList items = feed.getElementsByTagName("item");
        Map<String, String> titleByGuid = new LinkedHashMap<>();
        for (int i = 0; i < items.getLength(); i++) {
            org.w3c.dom.Element item = (org.w3c.dom.Element) items.item(i);
            titleByGuid.put(
                    item.getElementsByTagName("guid").item(0).getTextContent(),
                    item.getElementsByTagName("title").item(0).getTextContent());
        }
        int found = 0;
        for (Published p : published.values()) {
            String title = titleByGuid.get(p.id() + "/" + lang);
            if (title == null) continue;
            found++;
            expectText(
                    path, "item title", title, p.translation(lang).path("title").asText());
        }
        if (found == 0) problems.add(path + " carries none of the vector stories");
    }

    static org.w3c.dom.Document xmlIsWellFormed(String path) {
        HttpResponse<String> response = TestStack.cdn(path);
        pagesChecked.add(path);
        if (response.statusCode() != 200) {
            problems.add(path + " answered " + response.statusCode());
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            problems.add(path + " is not well-formed XML: " + e.getMessage());
            return null;
        }
    }

    static void latestIsJsonWithTitlesAsText(String lang, Set<String> titles) {
        String path = "/" + lang + "/latest.json";
        pagesChecked.add(path);
        HttpResponse<String> response = TestStack.cdn(path);
        JsonNode latest = Answers.parse(response.body());
        if (response.statusCode() != 200 || latest == null) {
            problems.add(path + " is not JSON (" + response.statusCode() + ")");
            return;
        }
        int found = 0;
        for (JsonNode item : latest.path("items")) {
            String url = item.path("url").asText();
            if (!url.startsWith("/") || url.startsWith("//")) problems.add(path + ": url " + url);
            if (titles.contains(item.path("title").asText())) found++;
        }
        if (found == 0) problems.add(path + " shows none of the vector titles as text");
    }

    static Map<String, List<String>> directives(String csp) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String part : csp.split(";")) {
            List<String> words = List.of(part.strip().split("\\s+"));
            if (words.isEmpty() || words.get(0).isEmpty()) continue;
            directives.put(words.get(0).toLowerCase(Locale.ROOT), words.subList(1, words.size()));
        }
        return directives;
    }
}
