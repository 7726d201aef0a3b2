package newsroom.local;

import static newsroom.local.StaffClient.create;
import static newsroom.local.StaffClient.translation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A conflict between two browsers, each signed in on its own: a writer and an editor open the same
 * story; the editor saves first, the writer's autosave meets 412 and the conflict screen shows,
 * field by field, who changed what. The writer keeps some of hers and takes some of theirs, and
 * the merged story is saved against the server's new ETag without losing either side.
 */
class EditorConflictIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static EditorBrowser writer;
    static EditorBrowser editor;

    @BeforeAll
    static void start() {
        Optional<String> missing = EditorBrowser.missing();
        if (missing.isPresent()) System.out.println("EditorConflictIT skipped: " + missing.get());
        assumeTrue(missing.isEmpty(), () -> "browser tests skipped: " + missing.get());
        writer = new EditorBrowser();
        editor = new EditorBrowser();
    }

    @AfterAll
    static void stop() {
        if (writer != null) writer.close();
        if (editor != null) editor.close();
    }

    @Test
    void theSecondBrowsersSaveMeetsAFieldByFieldConflictAndTheMergeKeepsBothSides() throws Exception {
        String suffix = StaffClient.unique();
        ObjectNode draft = StaffClient.JSON.createObjectNode();
        draft.put("category", "city");
        ObjectNode translations = draft.putObject("translations");
        translations.set(
                "ru", translation("Новый сквер " + suffix, "Сквер откроют в мае.", "Алматы", "Посадят сто лип."));
        translations.set(
                "kk", translation("Жаңа гүлзар " + suffix, "Гүлзар мамырда ашылады.", "Алматы", "Жүз жөке егіледі."));
        String id = create(StaffClient.WRITER, draft).get("id").asText();
        String url = TestStack.get().cdnUrl() + "/admin/#/story/" + id;

        // both open the story, each in its own browser with its own sign-in
        writer.driver.get(url);
        writer.signIn("wanda", "writers");
        writer.until(
                d -> d.findElement(By.id("pane-0-title")).getAttribute("value").endsWith(suffix));
        editor.driver.get(url);
        editor.signIn("olga", "editors");
        editor.until(
                d -> d.findElement(By.id("pane-0-title")).getAttribute("value").endsWith(suffix));

        // the editor saves first: a new Russian title and more Kazakh text
        editor.driver.findElement(By.id("pane-0-title")).sendKeys(" открыт");
        editor.typeBody(1, " Орындықтар қойылады.");
        editor.awaitSaved();
        JsonNode afterEditor = story(id);
        assertEquals(
                "Новый сквер " + suffix + " открыт",
                afterEditor.at("/translations/ru/title").asText());

        // the writer, still on the version she opened, changes the same title and the lead
        writer.driver.findElement(By.id("pane-0-title")).sendKeys(" у реки");
        writer.driver.findElement(By.id("pane-0-lead")).sendKeys(" Вход свободный.");
        WebElement conflict = writer.visible(By.id("conflict"));
        writer.until(d -> d.switchTo().activeElement().getAttribute("id").equals("conflict-h"));
        Map<String, String> changedBy = conflict.findElements(By.cssSelector("tbody tr")).stream()
                .collect(Collectors.toMap(r -> r.getAttribute("data-key"), r -> r.getAttribute("data-changed-by")));
        assertEquals(Map.of("ru.title", "both", "ru.lead", "mine", "kk.body", "theirs"), changedBy);
        // a field changed on one side only comes chosen; the one both changed waits for a decision
        assertTrue(choice("ru.lead", "mine").isSelected());
        assertTrue(choice("kk.body", "theirs").isSelected());
        assertTrue(!choice("ru.title", "mine").isSelected()
                && !choice("ru.title", "theirs").isSelected());
        // the body is also shown line by line, as the history shows it: − only mine, + only the server's
        WebElement bodyDiff = writer.visible(By.id("conflict-body-diff-kk"));
        assertEquals(
                List.of("Жүз жөке егіледі."),
                bodyDiff.findElements(By.cssSelector("del.removed")).stream()
                        .map(l -> l.getAttribute("textContent").replaceFirst("^−[^:]*: ", ""))
                        .toList());
        assertEquals(
                List.of("Жүз жөке егіледі. Орындықтар қойылады."),
                bodyDiff.findElements(By.cssSelector("ins.added")).stream()
                        .map(l -> l.getAttribute("textContent").replaceFirst("^\\+[^:]*: ", ""))
                        .toList());
        writer.axe("conflict between two browsers");
        writer.screenshot("editor-conflict-two-browsers");

        // nothing is sent before every field is decided
        writer.driver.findElement(By.id("resolve")).click();
        writer.until(d -> !d.findElement(By.id("conflict-note")).getText().isBlank());
        assertEquals(
                afterEditor.get("version").asLong(), story(id).get("version").asLong());

        choice("ru.title", "mine").click();
        writer.driver.findElement(By.id("resolve")).click();
        writer.until(d -> d.findElements(By.id("conflict")).isEmpty());
        writer.awaitSaved();

        JsonNode merged = story(id);
        assertEquals(
                afterEditor.get("version").asLong() + 1, merged.get("version").asLong());
        assertEquals(
                "Новый сквер " + suffix + " у реки",
                merged.at("/translations/ru/title").asText());
        assertEquals(
                "Сквер откроют в мае. Вход свободный.",
                merged.at("/translations/ru/lead").asText());
        assertEquals(
                "Жүз жөке егіледі. Орындықтар қойылады.",
                merged.at("/translations/kk/body").asText());
        assertEquals("wanda", merged.get("updatedBy").asText());
        // the writer's screen shows what was saved, and the editor's reload finds it too
        assertEquals("Жүз жөке егіледі. Орындықтар қойылады.", writer.body(1));
        editor.driver.navigate().refresh();
        editor.until(
                d -> d.findElement(By.id("pane-0-title")).getAttribute("value").endsWith(" у реки"));
        assertEquals(
                "Сквер откроют в мае. Вход свободный.",
                editor.driver.findElement(By.id("pane-0-lead")).getAttribute("value"));
    }

    private static WebElement choice(String key, String side) {
        return writer.driver.findElement(
                By.cssSelector("#conflict tr[data-key='" + key + "'] input[value=" + side + "]"));
    }

    private static JsonNode story(String id) throws Exception {
        var answer = TestStack.api("GET", "/articles/" + id, TestStack.token("olga", "editors"), null);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }
}
