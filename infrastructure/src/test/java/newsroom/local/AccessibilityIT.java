package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core (from npm, pinned by the lockfile in src/test/js) run in headless Chromium over every
 * page kind a reader meets, in kk, ru and en, in the default and in the high-contrast scheme: WCAG
 * 2.1 A and AA rules, zero violations. The dark scheme is the system's, emulated through Chromium's
 * DevTools protocol; the high-contrast scheme is chosen with its own button while the system asks
 * for dark, so the test also shows that the choice wins and is remembered from page to page.
 */
class AccessibilityIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static WebDriver browser;
    static String axe;
    static JsonNode story;

    @BeforeAll
    static void start() throws Exception {
        Optional<String> source = axeSource();
        assumeTrue(source.isPresent(), "npm or axe-core is not available");
        axe = source.get();
        Optional<WebDriver> driver = HeadlessChrome.start("accessibility");
        assumeTrue(driver.isPresent(), "headless Chromium is not installed");
        browser = driver.get();
        story = SearchBrowserIT.publishHospital();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
    }

    /** axe-core installed with npm ci into target/, from the committed lockfile. */
    static Optional<String> axeSource() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of("target", "axe"));
        Path script = dir.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.isRegularFile(script)) {
            for (String f : List.of("package.json", "package-lock.json")) {
                Files.copy(Path.of("src", "test", "js", f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            Process npm;
            try {
                npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("npm.log").toFile())
                        .start();
            } catch (IOException noNpm) {
                return Optional.empty();
            }
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) return Optional.empty();
        }
        return Optional.of(Files.readString(script, StandardCharsets.UTF_8));
    }

    /** Every page kind a reader meets: home, article, All news, month archive, category, search, 404. */
    static List<String> pages(String lang) {
        return List.of(
                "/" + lang + "/",
                story.at("/translations/" + lang + "/url").asText(),
                "/" + lang + "/news/",
                monthOf(story, lang),
                "/" + lang + "/category/" + story.get("category").asText() + "/",
                "/" + lang + "/search/?q=" + java.net.URLEncoder.encode(query(lang), StandardCharsets.UTF_8),
                "/" + lang + "/no-such-page/");
    }

    /** The month archive the story was published into, in the site's zone. */
    static String monthOf(JsonNode story, String lang) {
        JsonNode at = story.at("/translations/" + lang + "/publishedAt");
        java.time.ZoneId almaty = java.time.ZoneId.of("Asia/Almaty");
        java.time.YearMonth month = at.isTextual()
                ? java.time.YearMonth.from(java.time.Instant.parse(at.asText()).atZone(almaty))
                : java.time.YearMonth.now(almaty);
        return String.format(
                java.util.Locale.ROOT, "/%s/news/%04d/%02d/", lang, month.getYear(), month.getMonthValue());
    }

    static String query(String lang) {
        return switch (lang) {
            case "kk" -> "аурухана";
            case "ru" -> "больница";
            default -> "hospital";
        };
    }

    /** The schemes a reader can meet: the default, the system's dark one, and the high-contrast choice. */
    enum Scheme {
        DEFAULT,
        DARK,
        /** chosen with its button while the system asks for dark: the choice wins */
        CONTRAST
    }

    @Test
    void everyPageKindInEveryLanguageAndSchemeHasNoViolations() {
        String cdn = TestStack.get().cdnUrl();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try {
            for (Scheme scheme : Scheme.values()) {
                emulate(scheme == Scheme.DEFAULT ? null : "dark", null);
                for (String lang : List.of("kk", "ru", "en")) {
                    for (String path : pages(lang)) {
                        open(cdn + path);
                        boolean contrast = scheme == Scheme.CONTRAST;
                        if (contrast && !"contrast".equals(scheme())) {
                            // the reader's own way there: the button, then every later page remembers it
                            browser.findElement(By.cssSelector("[data-contrast]"))
                                    .click();
                        }
                        assertEquals(contrast ? "contrast" : null, scheme(), path);
                        assertEquals(expectedBackground(scheme), background(), path + " " + scheme);
                        if (path.contains("/search/")) {
                            new WebDriverWait(browser, Duration.ofSeconds(20))
                                    .until(d -> !d.findElements(By.cssSelector(".search-results li"))
                                            .isEmpty());
                        }
                        problems.addAll(violations(path + " (" + scheme + ")"));
                        checked++;
                    }
                }
            }
        } finally {
            emulate(null, null);
            clearPreferences();
        }
        assertEquals(7 * 3 * 3, checked);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    static String expectedBackground(Scheme scheme) {
        return switch (scheme) {
            case DEFAULT -> "rgb(255, 255, 255)";
            case DARK -> "rgb(18, 23, 29)";
            case CONTRAST -> "rgb(0, 0, 0)";
        };
    }

    static String background() {
        return background(browser);
    }

    static String background(WebDriver driver) {
        return (String)
                ((JavascriptExecutor) driver).executeScript("return getComputedStyle(document.body).backgroundColor");
    }

    /** Chromium's own emulation of the reader's system settings and of print (DevTools protocol). */
    static void emulate(String colorScheme, String media) {
        emulate(browser, colorScheme, media);
    }

    static void emulate(WebDriver driver, String colorScheme, String media) {
        List<Map<String, String>> features = new ArrayList<>();
        features.add(Map.of("name", "prefers-color-scheme", "value", colorScheme == null ? "" : colorScheme));
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("media", media == null ? "" : media);
        params.put("features", features);
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", params);
    }

    static void clearPreferences() {
        ((JavascriptExecutor) browser).executeScript("try { localStorage.clear(); } catch (e) {}");
        ((JavascriptExecutor) browser).executeScript("document.documentElement.removeAttribute('data-scheme')");
    }

    @Test
    void aMissingPageShowsThePathsLanguageFirst() {
        String cdn = TestStack.get().cdnUrl();
        for (String lang : List.of("ru", "en", "kk")) {
            open(cdn + "/" + lang + "/no-such-page/");
            // the CDN answers with the one multilingual /404.html; the page's script reorders it
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(d -> lang.equals(d.findElement(By.cssSelector("[data-not-found] .in-language"))
                            .getAttribute("lang")));
            String heading =
                    browser.findElement(By.cssSelector("[data-not-found] h1")).getText();
            String first = browser.findElement(By.cssSelector("[data-not-found] .in-language h2"))
                    .getText();
            assertEquals(first, heading, lang);
        }
    }

    @Test
    void anArticlePrintsAsItsStoryAloneInOrder() {
        String url = TestStack.get().cdnUrl() + story.at("/translations/en/url").asText();
        try {
            emulate(null, "print");
            open(url);
            JavascriptExecutor js = (JavascriptExecutor) browser;
            // a figure where the template puts one (before the body), for a story without an image
            js.executeScript("var a = document.querySelector('article.story');"
                    + "if (!a.querySelector('figure')) { var f = document.createElement('figure');"
                    + " f.innerHTML = '<img src=\"/favicon.ico\" alt=\"\" width=\"48\" height=\"48\"><figcaption>c</figcaption>';"
                    + " a.insertBefore(f, a.querySelector('.body')); }");
            for (String hidden : List.of(
                    ".site-header", ".story-nav", ".latest", ".site-footer", ".to-top", ".skip", ".meta .category")) {
                assertEquals("none", display(hidden), hidden + " is not printed");
            }
            List<String> order = List.of(
                    "article h1",
                    ".meta .dateline",
                    ".meta time",
                    "article .lead",
                    "article .body",
                    "article figure",
                    "article .print-only");
            double previous = -1;
            for (String shown : order) {
                assertTrue(!"none".equals(display(shown)), shown + " is printed");
                double top = ((Number) js.executeScript(
                                "return document.querySelector(arguments[0]).getBoundingClientRect().top", shown))
                        .doubleValue();
                assertTrue(top >= previous, shown + " comes after the one before it: " + order);
                previous = top;
            }
            String printed =
                    browser.findElement(By.cssSelector("article .print-only")).getText();
            // the site's public address (SITE_URL), which the test's CDN port does not share
            assertTrue(
                    printed.startsWith("http")
                            && printed.endsWith(story.at("/translations/en/url").asText()),
                    "the page's address, so a printout leads back: " + printed);
        } finally {
            emulate(null, null);
        }
    }

    @Test
    void reducedMotionIsHonoured() {
        String url = TestStack.get().cdnUrl() + "/en/";
        try {
            List<Map<String, String>> reduce = List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"));
            ((ChromeDriver) browser)
                    .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", reduce));
            open(url);
            assertEquals("auto", scrollBehavior(), "no smooth scrolling to ^ top when motion is reduced");
            List<Map<String, String>> any = List.of(Map.of("name", "prefers-reduced-motion", "value", "no-preference"));
            ((ChromeDriver) browser)
                    .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", any));
            open(url);
            assertEquals("smooth", scrollBehavior());
        } finally {
            emulate(null, null);
        }
    }

    static String scrollBehavior() {
        return (String) ((JavascriptExecutor) browser)
                .executeScript("return getComputedStyle(document.documentElement).scrollBehavior");
    }

    static String display(String selector) {
        return (String) ((JavascriptExecutor) browser)
                .executeScript(
                        "var e = document.querySelector(arguments[0]);"
                                + " return e ? getComputedStyle(e).display : 'missing';",
                        selector);
    }

    @Test
    void theSiteHasAFavicon() {
        var answer = TestStack.cdn("/favicon.ico");
        assertEquals(200, answer.statusCode());
        assertEquals(
                "image/vnd.microsoft.icon",
                answer.headers().firstValue("content-type").orElse(""));
    }

    static void open(String url) {
        browser.get(url);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    static String scheme() {
        return (String) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.getAttribute('data-scheme')");
    }

    static List<String> violations(String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        String tags = String.join("','", TAGS);
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['" + tags + "']}})"
                + ".then(function (r) { done(JSON.stringify(r.violations.map(function (v) {"
                + "  return {id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(function (n) {"
                + "    return n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '); })}; }))); })"
                + ".catch(function (e) { done('ERROR ' + e); });");
        String text = String.valueOf(result);
        List<String> found = new ArrayList<>();
        if (text.startsWith("ERROR")) {
            found.add(page + ": axe failed: " + text);
            return found;
        }
        try {
            for (JsonNode v : JSON.readTree(text)) {
                found.add(page + ": " + v.get("id").asText() + " ("
                        + v.get("help").asText() + ") " + v.get("nodes"));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
