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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core (from npm, pinned by the lockfile in src/test/js) run in headless Chromium over every
 * page kind a reader meets, in kk, ru and en, in the default and in the high-contrast scheme: WCAG
 * 2.1 A and AA rules, zero violations. The high-contrast scheme is chosen with its own button, so
 * the test also shows that the choice is remembered from page to page.
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

    static List<String> pages(String lang) {
        return List.of(
                "/" + lang + "/",
                story.at("/translations/" + lang + "/url").asText(),
                "/" + lang + "/news/",
                "/" + lang + "/search/?q=" + java.net.URLEncoder.encode(query(lang), StandardCharsets.UTF_8),
                "/" + lang + "/no-such-page/");
    }

    static String query(String lang) {
        return switch (lang) {
            case "kk" -> "аурухана";
            case "ru" -> "больница";
            default -> "hospital";
        };
    }

    @Test
    void everyPageKindInEveryLanguageAndSchemeHasNoViolations() {
        String cdn = TestStack.get().cdnUrl();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (boolean contrast : List.of(false, true)) {
            for (String lang : List.of("kk", "ru", "en")) {
                for (String path : pages(lang)) {
                    open(cdn + path);
                    if (contrast && !"contrast".equals(scheme())) {
                        // the reader's own way there: the button, then every later page remembers it
                        browser.findElement(By.cssSelector("[data-contrast]")).click();
                    }
                    assertEquals(contrast ? "contrast" : null, scheme(), path);
                    if (path.contains("/search/")) {
                        new WebDriverWait(browser, Duration.ofSeconds(20))
                                .until(d -> !d.findElements(By.cssSelector(".search-results li"))
                                        .isEmpty());
                    }
                    problems.addAll(violations(path + (contrast ? " (high contrast)" : "")));
                    checked++;
                }
            }
        }
        assertEquals(30, checked);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
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
