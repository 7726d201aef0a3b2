package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The editor in headless Chromium against the local stack: a writer writes a story in Russian and
 * Kazakh, autosave keeps it through a reload, a change made elsewhere meets a conflict screen whose
 * choices are saved; an editor publishes, reads the page on the CDN, schedules and unpublishes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditorIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static EditorBrowser browser;
    static String editorUrl;
    static String storyId;

    static final String RU_TITLE = "Трамвай вернётся на улицы Алматы";
    static final String RU_BODY = "Первая линия пройдёт по **Толе би**.";
    static final String KK_TITLE = "Алматы көшелеріне трамвай оралады";
    static final String KK_BODY = "Алғашқы желі Төле би көшесімен өтеді.";

    @BeforeAll
    static void start() {
        Optional<String> missing = EditorBrowser.missing();
        if (missing.isPresent()) System.out.println("EditorIT skipped: " + missing.get());
        assumeTrue(missing.isEmpty(), () -> "browser tests skipped: " + missing.get());
        editorUrl = TestStack.get().cdnUrl() + "/admin/";
        browser = new EditorBrowser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    @Order(1)
    void writerWritesRussianAndKazakhAndAutosaveKeepsItThroughAReload() throws Exception {
        browser.driver.get(editorUrl);
        browser.visible(By.id("sign-in"));
        browser.axe("signed-out");
        browser.signIn("wanda", "writers");
        assertTrue(browser.driver.findElement(By.cssSelector(".who")).getText().startsWith("Wanda"));
        browser.visible(By.id("new-story"));
        browser.axe("story list");

        browser.clickable(By.id("new-story")).click();
        WebElement ruTitle = browser.visible(By.id("pane-0-title"));
        assertEquals("ru", browser.driver.findElement(By.id("pane-0-lang")).getAttribute("value"));
        assertEquals("kk", browser.driver.findElement(By.id("pane-1-lang")).getAttribute("value"));
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("story-category")))
                .selectByValue("transport");
        ruTitle.sendKeys(RU_TITLE);
        browser.driver.findElement(By.id("pane-0-lead")).sendKeys("Город объявил план.");
        browser.driver.findElement(By.id("pane-0-dateline")).sendKeys("Алматы");
        browser.typeBody(0, RU_BODY);
        browser.driver.findElement(By.id("pane-1-title")).sendKeys(KK_TITLE);
        browser.typeBody(1, KK_BODY);
        browser.awaitSaved();
        browser.until(d -> d.getCurrentUrl().matches(".*#/story/[^n][^/]*$"));
        storyId = browser.driver.getCurrentUrl().replaceAll(".*#/story/", "");
        // a writer is told that an editor publishes
        browser.visible(By.id("writer-note"));
        assertTrue(browser.driver.findElements(By.id("publish-ru")).isEmpty());
        browser.axe("story");
        browser.screenshot("editor-story-writer");

        JsonNode saved = story();
        assertEquals(RU_TITLE, saved.at("/translations/ru/title").asText());
        assertEquals(RU_BODY, saved.at("/translations/ru/body").asText());
        assertEquals(KK_BODY, saved.at("/translations/kk/body").asText());
        assertEquals("transport", saved.get("category").asText());
        assertEquals("wanda", saved.get("updatedBy").asText());

        browser.driver.navigate().refresh();
        browser.until(d -> RU_TITLE.equals(d.findElement(By.id("pane-0-title")).getAttribute("value")));
        assertEquals(KK_TITLE, browser.driver.findElement(By.id("pane-1-title")).getAttribute("value"));
        assertEquals(RU_BODY, browser.body(0));
        assertEquals(KK_BODY, browser.body(1));
        assertTrue(browser.driver.findElements(By.id("local-copy")).isEmpty(), "nothing left only on this device");
    }

    @Test
    @Order(2)
    void aChangeMadeElsewhereMeetsTheConflictScreenAndTheLocalCopySurvivesAReload() throws Exception {
        JsonNode before = story();
        // someone else retitles the Russian text meanwhile
        var theirs = TestStack.api(
                "PUT",
                "/articles/" + storyId + "/translations/ru",
                TestStack.token("olga", "editors"),
                """
                {"title": "Трамвай вернётся в Алматы в 2027 году", "lead": "Город объявил план.",
                 "dateline": "Алматы", "body": "%s"}
                """.formatted(RU_BODY.replace("\"", "\\\"")),
                "If-Match",
                "\"" + before.get("version").asText() + "\"");
        assertEquals(200, theirs.statusCode(), theirs.body());

        browser.driver.findElement(By.id("pane-0-lead")).sendKeys(" Первые вагоны придут весной.");
        browser.visible(By.id("conflict"));
        browser.axe("conflict");
        browser.screenshot("editor-conflict");

        // leaving now warns (the browser shows its prompt when beforeunload is cancelled) ...
        assertEquals(
                Boolean.TRUE,
                browser.js("const e = new Event('beforeunload', {cancelable: true});"
                        + " window.dispatchEvent(e); return e.defaultPrevented;"));
        // ... and a reload loses nothing: the copy on this device is offered
        browser.driver.navigate().refresh();
        browser.clickable(By.id("restore-local"));
        browser.screenshot("editor-local-copy");
        browser.driver.findElement(By.id("restore-local")).click();
        browser.visible(By.id("conflict"));
        for (WebElement row : browser.driver.findElements(By.cssSelector("#conflict tbody tr"))) {
            String field = row.getAttribute("data-field");
            String choice = field.endsWith(": " + "Title") ? "theirs" : "mine";
            row.findElement(By.cssSelector("input[value=" + choice + "]")).click();
        }
        browser.driver.findElement(By.id("resolve")).click();
        browser.awaitSaved();
        JsonNode merged = story();
        assertEquals(
                "Трамвай вернётся в Алматы в 2027 году",
                merged.at("/translations/ru/title").asText());
        assertEquals(
                "Город объявил план. Первые вагоны придут весной.",
                merged.at("/translations/ru/lead").asText());
        assertEquals(KK_TITLE, merged.at("/translations/kk/title").asText());
    }

    @Test
    @Order(3)
    void writerSignsOutAndAnEditorPublishesReadsTheLivePageSchedulesAndUnpublishes() throws Exception {
        browser.clickable(By.id("sign-out")).click();
        browser.visible(By.id("sign-in"));
        browser.signIn("erin", "editors");
        WebElement row = browser.visible(By.cssSelector("tr[data-id='" + storyId + "']"));
        row.findElement(By.tagName("a")).click();
        browser.clickable(By.id("publish-ru")).click();
        WebElement live = browser.visible(By.cssSelector("a.live-link[data-lang=ru]"));
        String href = live.getAttribute("href");
        String path = href.substring(href.indexOf("/ru/"));
        var page = TestStack.cdn(path);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Трамвай вернётся в Алматы в 2027 году"), "the published title on the CDN");
        browser.axe("publishing");

        // Kazakh tomorrow at 09:00 Almaty time
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"))
                        .plusDays(1)
                        .toString() + "T09:00";
        browser.js(
                "const i = document.getElementById('schedule-kk'); i.value = arguments[0];"
                        + " i.dispatchEvent(new Event('input', {bubbles: true}));",
                tomorrow);
        browser.driver.findElement(By.id("schedule-kk-button")).click();
        browser.until(d -> "scheduled"
                .equals(d.findElement(By.cssSelector(".publish-lang[data-lang=kk] .chip"))
                        .getAttribute("data-status")));
        JsonNode scheduled = story();
        assertEquals("scheduled", scheduled.at("/translations/kk/status").asText());
        assertEquals(
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"))
                        .plusDays(1)
                        .atTime(9, 0)
                        .atZone(java.time.ZoneId.of("Asia/Almaty"))
                        .toInstant(),
                java.time.Instant.parse(
                        scheduled.at("/translations/kk/publishedAt").asText()));
        browser.js("window.scrollTo(0, 0)");
        browser.screenshot("editor-story");

        browser.clickable(By.id("pane-0-preview")).click();
        browser.visible(By.cssSelector("dialog.preview iframe"));
        browser.axe("preview");
        browser.screenshot("editor-preview");
        browser.driver.findElement(By.id("close-preview")).click();

        browser.clickable(By.id("unpublish-ru")).click();
        browser.until(d -> "draft"
                .equals(d.findElement(By.cssSelector(".publish-lang[data-lang=ru] .chip"))
                        .getAttribute("data-status")));
        TestStack.settle();
        browser.until(d -> TestStack.cdn(path).statusCode() == 404);

        browser.clickable(By.id("back")).click();
        WebElement listed = browser.visible(By.cssSelector("tr[data-id='" + storyId + "']"));
        assertEquals(
                "scheduled",
                listed.findElement(By.cssSelector(".chip[data-lang=kk]")).getAttribute("data-status"));
        assertEquals(
                "draft",
                listed.findElement(By.cssSelector(".chip[data-lang=ru]")).getAttribute("data-status"));
        assertTrue(listed.getText().contains("erin"), "who changed it last");
        browser.axe("story list");
        browser.screenshot("editor-list");
    }

    private static JsonNode story() throws Exception {
        var answer = TestStack.api("GET", "/articles/" + storyId, TestStack.token("olga", "editors"), null);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }
}
