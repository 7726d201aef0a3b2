package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reader's pages as the README shows them, shot from a stack of its own with the demo stories:
 * the home page, an article, the search, the footer, the dark and the high-contrast scheme, under
 * target/screenshots
 * (docs/site-*.png are copies of these).
 */
class ReaderScreenshotsIT {
    static final Path SHOTS = Path.of("target", "screenshots");
    static LocalCloud cloud;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Optional<WebDriver> driver = HeadlessChrome.start("screenshots");
        assumeTrue(driver.isPresent(), "headless Chromium is not installed");
        browser = driver.get();
        cloud = SeparateStack.start(SeparateStack.Ports.free(), Optional.empty(), 3);
        int loaded = DemoContent.load(cloud.services(), cloud.s3(), LocalCloud.BUCKET);
        assertEquals(DemoContent.STORIES, loaded);
        cloud.awaitQuiet(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (cloud != null) cloud.close();
    }

    @Test
    void homeArticleSearchAndHighContrast() throws IOException {
        String site = cloud.cdnUrl();
        open(site + "/en/");
        assertTrue(browser.findElements(By.cssSelector(".teasers li")).size() >= 5, "the demo stories are listed");
        shoot("site-home");

        String article = browser.findElement(By.cssSelector(".teasers li h2 a")).getAttribute("href");
        open(article);
        assertEquals(1, browser.findElements(By.cssSelector("article.story h1")).size());
        shoot("site-article");

        open(site + "/ru/search/?q=" + URLEncoder.encode("парки", StandardCharsets.UTF_8));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector(".search-results li mark"))
                        .isEmpty());
        shoot("site-search");

        // the footer's site settings: links, copyright, address, phone, information support
        open(site + "/ru/news/");
        ((JavascriptExecutor) browser)
                .executeScript("window.scrollTo({top: document.body.scrollHeight, behavior: 'instant'})");
        shoot("site-footer");

        try {
            AccessibilityIT.emulate(browser, "dark", null);
            open(article);
            assertEquals("rgb(18, 23, 29)", AccessibilityIT.background(browser), "the dark scheme");
            shoot("site-dark");
        } finally {
            AccessibilityIT.emulate(browser, null, null);
        }

        open(site + "/kk/");
        browser.findElement(By.cssSelector("[data-contrast]")).click();
        assertEquals(
                "contrast",
                ((JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.getAttribute('data-scheme')"));
        browser.findElement(By.cssSelector("[data-font-size='1']")).click();
        shoot("site-contrast");
    }

    static void open(String url) {
        browser.get(url);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    static void shoot(String name) throws IOException {
        // the shot waits for the fonts and a frame, so the page has settled
        ((JavascriptExecutor) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + " document.fonts.ready.then(() => requestAnimationFrame(() => done(true)));");
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
