package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through its chromedriver by Selenium, with the helpers the editor's
 * tests share: waiting on conditions, axe-core checks and screenshots.
 */
final class EditorBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path AXE = Path.of("..", "editor", "node_modules", "axe-core", "axe.min.js");
    static final Path SHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    final ChromeDriver driver;
    final WebDriverWait wait;

    /** Why the browser tests cannot run here, or empty when they can. */
    static Optional<String> missing() {
        if (!Files.isExecutable(CHROMIUM)) return Optional.of("no Chromium at " + CHROMIUM);
        if (!Files.isExecutable(CHROMEDRIVER)) return Optional.of("no chromedriver at " + CHROMEDRIVER);
        if (!Files.isRegularFile(AXE)) return Optional.of("axe-core is not installed (npm ci in editor/)");
        if (!EditorSite.built()) return Optional.of("the editor is not built (npm run build in editor/)");
        return Optional.empty();
    }

    EditorBrowser() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1100",
                "--lang=en-GB");
        // prompts (the leave-page warning) stay open for the test to see and answer
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // screens re-render what they show: a condition looks its elements up afresh each time
        wait.ignoring(StaleElementReferenceException.class);
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement clickable(By by) {
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Signs in on the authorize page the editor sends us to. */
    /** Opens the editor on the test stack, signs in and starts a new story with this title. */
    void startStory(String user, String group, String title) {
        driver.get(TestStack.get().cdnUrl() + "/admin/");
        signIn(user, group);
        clickable(By.id("new-story")).click();
        visible(By.id("pane-0-title")).sendKeys(title);
    }

    void signIn(String user, String group) {
        clickable(By.id("sign-in")).click();
        WebElement name = visible(By.id("username"));
        axe("sign-in");
        name.sendKeys(user);
        driver.findElement(By.id("g-" + group)).click();
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        visible(By.id("sign-out"));
    }

    /** Types at the end of the CodeMirror body of a pane. */
    void typeBody(int pane, String text) {
        WebElement content = visible(By.cssSelector("#pane-" + pane + "-body .cm-content"));
        content.click();
        content.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        content.sendKeys(text);
    }

    String body(int pane) {
        return visible(By.cssSelector("#pane-" + pane + "-body .cm-content")).getText();
    }

    void awaitSaved() {
        try {
            until(d -> "saved".equals(d.findElement(By.id("save-state")).getAttribute("data-state"))
                    && !d.findElement(By.id("save-state")).getText().isBlank());
        } catch (org.openqa.selenium.TimeoutException e) {
            // what the page said instead, to tell a refused save from a slow one
            screenshot("not-saved");
            throw new AssertionError(
                    "not saved; the page says: " + js("return document.querySelector('main').innerText"), e);
        }
    }

    /** axe-core on the page as it is: no serious or critical violation. */
    void axe(String screen) {
        try {
            js(Files.readString(AXE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String result = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, {resultTypes: ['violations']})
                          .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact,
                             nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))))
                          .catch(e => done(JSON.stringify([{id: 'axe-failed', impact: 'critical', nodes: [String(e)]}])));
                        """);
        List<String> bad = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(result)) {
                String impact = v.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) bad.add(v.toString());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(List.of(), bad, "axe-core on the " + screen + " screen");
    }

    void screenshot(String name) {
        try {
            // screens write into live regions as they settle: the shot waits for the fonts and a frame
            ((JavascriptExecutor) driver)
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + " document.fonts.ready.then(() => requestAnimationFrame(() => done(true)));");
            Files.createDirectories(SHOTS);
            Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
