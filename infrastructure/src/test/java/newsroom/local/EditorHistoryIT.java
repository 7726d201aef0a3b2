package newsroom.local;

import static newsroom.local.StaffClient.call;
import static newsroom.local.StaffClient.create;
import static newsroom.local.StaffClient.etag;
import static newsroom.local.StaffClient.json;
import static newsroom.local.StaffClient.translation;
import static newsroom.local.StaffClient.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The history screen in headless Chromium: a writer opens a story's revisions, compares an older
 * Russian text with the current one field by field and line by line, and restores it as a draft,
 * by keyboard alone.
 */
class EditorHistoryIT {
    static EditorBrowser browser;

    static final String OLD_BODY = "Первая линия пройдёт по Толе би.\nВагоны придут весной.\nПроезд бесплатный неделю.";
    static final String NEW_BODY = "Первая линия пройдёт по Толе би.\nВагоны придут летом.\nПроезд бесплатный неделю.";

    @BeforeAll
    static void start() {
        Optional<String> missing = EditorBrowser.missing();
        if (missing.isPresent()) System.out.println("EditorHistoryIT skipped: " + missing.get());
        assumeTrue(missing.isEmpty(), () -> "browser tests skipped: " + missing.get());
        browser = new EditorBrowser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void aWriterComparesAnOlderRussianTextWithNowAndRestoresItAsADraft() {
        String suffix = unique();
        String oldTitle = "Трамвай вернётся " + suffix;
        String newTitle = "Трамвай вернётся летом " + suffix;
        ObjectNode draft = StaffClient.JSON.createObjectNode();
        draft.put("category", "transport");
        draft.putObject("translations").set("ru", translation(oldTitle, "Город объявил план.", "Алматы", OLD_BODY));
        JsonNode story = create(StaffClient.WRITER, draft);
        String id = story.get("id").asText();
        HttpResponse<String> edited = call(
                "PUT",
                "/articles/" + id + "/translations/ru",
                StaffClient.EDITOR,
                translation(newTitle, "Город объявил план.", "Алматы", NEW_BODY),
                "If-Match",
                etag(story));
        assertEquals(200, edited.statusCode(), edited.body());

        browser.driver.get(TestStack.get().cdnUrl() + "/admin/#/story/" + id);
        browser.signIn("wanda", "writers");
        browser.until(d -> newTitle.equals(d.findElement(By.id("pane-0-title")).getAttribute("value")));
        browser.clickable(By.id("history-link")).sendKeys(Keys.ENTER);

        // newest first: the edit, then the creation, each with who and what
        browser.visible(By.cssSelector("tr[data-rev='2-ru']"));
        List<String> listed = browser.driver.findElements(By.cssSelector(".revision-list tbody tr")).stream()
                .map(r -> r.getAttribute("data-rev"))
                .toList();
        assertEquals(List.of("2-ru", "1-ru"), listed);
        assertTrue(browser.driver
                .findElement(By.cssSelector("tr[data-rev='2-ru']"))
                .getText()
                .contains("erlan"));
        browser.axe("history");
        browser.screenshot("editor-history");

        browser.driver
                .findElement(By.cssSelector("tr[data-rev='1-ru'] a.open-revision"))
                .sendKeys(Keys.ENTER);
        WebElement heading = browser.visible(By.id("revision-h"));
        // the opened version takes the focus, so a keyboard user continues from there
        browser.until(d -> heading.equals(d.switchTo().activeElement()));
        // field by field: only the title differs
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#field-diff tbody tr"));
        assertEquals(1, rows.size());
        assertEquals("title", rows.get(0).getAttribute("data-field"));
        assertTrue(rows.get(0).getText().contains(oldTitle));
        assertTrue(rows.get(0).getText().contains(newTitle));
        // the body line by line: one line only in that version, one only now, two unchanged
        assertEquals(List.of("Вагоны придут весной."), lineTexts("#body-diff del"));
        assertEquals(List.of("Вагоны придут летом."), lineTexts("#body-diff ins"));
        assertEquals(
                2,
                browser.driver
                        .findElements(By.cssSelector("#body-diff .line.same"))
                        .size());
        browser.axe("revision");
        browser.screenshot("editor-revision");

        browser.clickable(By.id("restore-revision")).sendKeys(Keys.ENTER);
        browser.until(d -> d.getCurrentUrl().endsWith("#/story/" + id));
        browser.until(d -> oldTitle.equals(d.findElement(By.id("pane-0-title")).getAttribute("value")));
        assertEquals(OLD_BODY, browser.body(0).replace("\r", ""));

        JsonNode restored = json(call("GET", "/articles/" + id, StaffClient.EDITOR, null));
        assertEquals(OLD_BODY, restored.at("/translations/ru/body").asText());
        assertEquals(oldTitle, restored.at("/translations/ru/title").asText());
        assertEquals("draft", restored.at("/translations/ru/status").asText());
        JsonNode revisions = json(call("GET", "/articles/" + id + "/revisions", StaffClient.EDITOR, null));
        JsonNode last = revisions.get("items").get(revisions.get("items").size() - 1);
        assertEquals("restore", last.get("action").asText());
        assertEquals("wanda", last.get("by").asText());
    }

    private static List<String> lineTexts(String css) {
        // the visually hidden words that tell a screen reader which side a line is on are not the line
        return browser.driver.findElements(By.cssSelector(css)).stream()
                .map(e -> (String) browser.js(
                        "return [...arguments[0].childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('')",
                        e))
                .toList();
    }
}
