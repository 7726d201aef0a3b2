package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * Never losing work, in headless Chromium: text typed while the server cannot be reached stays on
 * the device, is saved by itself once the connection is back, and text on the device that never
 * reached the server (the tab crashed) is offered back in a new tab and saved intact.
 */
class EditorAutosaveIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static EditorBrowser browser;

    @BeforeAll
    static void start() {
        Optional<String> missing = EditorBrowser.missing();
        if (missing.isPresent()) System.out.println("EditorAutosaveIT skipped: " + missing.get());
        assumeTrue(missing.isEmpty(), () -> "browser tests skipped: " + missing.get());
        browser = new EditorBrowser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void textTypedOfflineIsKeptSavedWhenTheConnectionReturnsAndOfferedBackAfterAReload() throws Exception {
        String suffix = StaffClient.unique();
        String title = "Снег убирают ночью " + suffix;
        browser.startStory("wanda", "writers", title);
        browser.typeBody(0, "Техника выходит после полуночи.");
        // the saved indicator, by condition: the story exists on the server with these words
        browser.awaitSaved();
        browser.until(d -> d.getCurrentUrl().matches(".*#/story/[0-9a-f-]{36}$"));
        String id = browser.driver.getCurrentUrl().replaceAll(".*#/story/", "");
        assertEquals(
                "Техника выходит после полуночи.",
                story(id).at("/translations/ru/body").asText());

        // the connection drops: what is typed now stays on the device, and the page says so
        offline(true);
        browser.typeBody(0, " Парковаться на Абая нельзя.");
        browser.until(d -> "dirty".equals(d.findElement(By.id("save-state")).getAttribute("data-state"))
                && d.findElement(By.id("save-state")).getText().contains("device"));
        assertEquals(
                "Техника выходит после полуночи.",
                story(id).at("/translations/ru/body").asText());
        // back online, the editor saves by itself: nobody has to type again
        offline(false);
        browser.awaitSaved();
        assertEquals(
                "Техника выходит после полуночи. Парковаться на Абая нельзя.",
                story(id).at("/translations/ru/body").asText());

        // offline again, more words, and the tab crashes before the server could have them: no
        // unload handler runs and nothing more is sent; a new tab signs in and opens the story
        offline(true);
        browser.driver.findElement(By.id("pane-0-lead")).sendKeys("Город просит убрать машины.");
        browser.until(d -> d.findElement(By.id("save-state")).getText().contains("device"));
        String storyUrl = browser.driver.getCurrentUrl();
        // the new tab is opened first: the driver will not open one from a crashed tab
        String crashing = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        String fresh = browser.driver.getWindowHandle();
        browser.driver.switchTo().window(crashing);
        try {
            browser.driver.executeCdpCommand("Page.crash", Map.of());
        } catch (WebDriverException expected) {
            // the driver reports the tab it was talking to as crashed
        }
        browser.driver.switchTo().window(fresh);
        offline(false);
        browser.driver.get(storyUrl);
        browser.signIn("wanda", "writers");
        browser.clickable(By.id("restore-local"));
        assertTrue(browser.driver.findElement(By.id("local-copy")).getText().contains("device"));
        browser.axe("local copy offered");
        browser.driver.findElement(By.id("restore-local")).click();
        browser.awaitSaved();
        JsonNode saved = story(id);
        assertEquals(
                "Город просит убрать машины.", saved.at("/translations/ru/lead").asText());
        assertEquals(
                "Техника выходит после полуночи. Парковаться на Абая нельзя.",
                saved.at("/translations/ru/body").asText());
        assertEquals(title, saved.at("/translations/ru/title").asText());

        // and a plain reload finds everything as it was, with nothing left only on the device
        browser.driver.navigate().refresh();
        browser.until(d -> "Город просит убрать машины."
                .equals(d.findElement(By.id("pane-0-lead")).getAttribute("value")));
        assertEquals(title, browser.driver.findElement(By.id("pane-0-title")).getAttribute("value"));
        assertEquals("Техника выходит после полуночи. Парковаться на Абая нельзя.", browser.body(0));
        assertTrue(browser.driver.findElements(By.id("local-copy")).isEmpty());
    }

    private static void offline(boolean offline) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(offline);
        browser.driver.setNetworkConditions(conditions);
    }

    private static JsonNode story(String id) throws Exception {
        var answer = TestStack.api("GET", "/articles/" + id, TestStack.token("olga", "editors"), null);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }
}
