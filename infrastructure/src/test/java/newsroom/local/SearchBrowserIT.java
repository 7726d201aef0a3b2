package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Publishes stories through the API, then types into the search page at the CDN emulator in headless
 * Chromium: inflected Russian and Kazakh words and half-typed words find the story, and a story
 * taken down leaves the results.
 */
class SearchBrowserIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static WebDriver browser;
    static JsonNode hospital;
    static int published;

    static final String HOSPITAL = """
        {"category": "health",
         "translations": {
           "kk": {"title": "Алатау ауданында жаңа аурухана ашылды", "lead": "Аурухана үш жүз төсекке арналған.", "dateline": "Алматы", "body": "Қаланың барлық ауруханаларында жаңа жабдық орнатылды.", "format": "markdown"},
           "ru": {"title": "В Алатауском районе открылась новая больница", "lead": "Больница рассчитана на триста коек.", "dateline": "Алматы", "body": "Во всех городских больницах установлено новое оборудование.", "format": "markdown"},
           "en": {"title": "A new hospital opens in Alatau district", "lead": "The hospital has three hundred beds.", "dateline": "Almaty", "body": "New equipment was installed in every city hospital.", "format": "markdown"}}}
        """;

    /** Creates and publishes the hospital story; its answer names the story and its paths. */
    static JsonNode publishHospital() throws Exception {
        String editor = TestStack.token("dana", "editors");
        // each its own slugs: a number the search does not look for
        published++;
        String body = HOSPITAL.replace("ашылды\"", "ашылды " + published + "\"")
                .replace("больница\"", "больница " + published + "\"")
                .replace("district\"", "district " + published + "\"");
        var created = TestStack.api("POST", "/articles", editor, body);
        assertEquals(201, created.statusCode(), created.body());
        String id = JSON.readTree(created.body()).get("id").asText();
        var published = TestStack.api(
                "POST",
                "/articles/" + id + "/publish",
                editor,
                null,
                "If-Match",
                created.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, published.statusCode(), published.body());
        TestStack.settle();
        JsonNode answer = JSON.readTree(published.body());
        return answer.has("translations") ? answer : answer.get("story");
    }

    @BeforeAll
    static void publishAndOpenBrowser() throws Exception {
        assumeTrue(
                Files.isExecutable(HeadlessChrome.CHROMIUM) && Files.isExecutable(HeadlessChrome.DRIVER),
                "headless Chromium is not installed");
        hospital = publishHospital();

        browser = HeadlessChrome.start("search").orElseThrow();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.quit();
    }

    static String url(String lang) {
        return url(hospital, lang);
    }

    static String url(JsonNode story, String lang) {
        return story.at("/translations/" + lang + "/url").asText();
    }

    /** Opens the search page afresh, types the words and waits until the results settle. */
    static List<WebElement> search(String lang, String typed, boolean allLanguages) {
        browser.get(TestStack.get().cdnUrl() + "/" + lang + "/search/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement input = wait.until(d -> {
            WebElement field = d.findElement(By.id("search-query"));
            return field.isEnabled() ? field : null;
        });
        if (allLanguages) browser.findElement(By.id("search-all")).click();
        input.sendKeys(typed);
        // the page names the query its list answers: wait for the whole typed text's answer
        wait.until(
                d -> typed.equals(d.findElement(By.cssSelector("[data-search]")).getAttribute("data-answered")));
        return browser.findElements(By.cssSelector(".search-results li"));
    }

    static boolean finds(List<WebElement> results, String path) {
        return results.stream()
                .anyMatch(li -> li.findElement(By.cssSelector("h2 a"))
                        .getAttribute("href")
                        .endsWith(path));
    }

    @Test
    void aRussianInflectedFormFindsTheStoryWithTheWordMarked() {
        List<WebElement> results = search("ru", "больницы", false);
        assertTrue(finds(results, url("ru")), "«больницы» finds «больница»");
        WebElement hit = results.stream()
                .filter(li -> li.findElement(By.cssSelector("h2 a"))
                        .getAttribute("href")
                        .endsWith(url("ru")))
                .findFirst()
                .orElseThrow();
        assertEquals("больница", hit.findElement(By.cssSelector("h2 mark")).getText());
        assertFalse(hit.findElement(By.cssSelector("time")).getText().isBlank(), "the date is shown");
        assertFalse(hit.findElements(By.cssSelector("p mark")).isEmpty(), "the excerpt marks the word");
    }

    @Test
    void aKazakhInflectedFormFindsTheStory() {
        assertTrue(finds(search("kk", "ауруханаларда", false), url("kk")), "«ауруханаларда» finds «аурухана»");
    }

    @Test
    void halfTypedWordsFindTheWhole() {
        assertTrue(finds(search("ru", "больн", false), url("ru")));
        assertTrue(finds(search("kk", "аурух", false), url("kk")));
        assertTrue(finds(search("en", "hospit", false), url("en")));
    }

    @Test
    void theReadersLanguageComesFirstAndTheSwitchSearchesTheOthers() {
        List<WebElement> own = search("ru", "больница", false);
        assertFalse(finds(own, url("kk")), "only Russian stories unless asked");
        List<WebElement> all = search("ru", "hospital", true);
        assertTrue(finds(all, url("en")), "the English story found from the Russian page");
        assertEquals("en", all.get(0).getAttribute("lang"));
    }

    @Test
    void aStoryTakenDownLeavesTheResults() throws Exception {
        // a story of its own, so the other tests keep theirs
        JsonNode story = publishHospital();
        assertTrue(finds(search("ru", "больница", false), url(story, "ru")));
        assertTrue(finds(search("kk", "аурухана", false), url(story, "kk")));
        String id = story.get("id").asText();
        var current = TestStack.api("GET", "/articles/" + id, TestStack.token("dana", "editors"), null);
        var down = TestStack.api(
                "POST",
                "/articles/" + id + "/unpublish",
                TestStack.token("dana", "editors"),
                null,
                "If-Match",
                current.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, down.statusCode(), down.body());
        TestStack.settle();
        assertFalse(finds(search("ru", "больница", false), url(story, "ru")), "the withdrawn story is not found");
        assertFalse(finds(search("kk", "аурухана", false), url(story, "kk")));
        assertTrue(finds(search("ru", "больница", false), url("ru")), "the other story is still found");
    }
}
