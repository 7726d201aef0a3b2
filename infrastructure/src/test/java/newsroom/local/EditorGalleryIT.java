package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A gallery in the editor, in headless Chromium against the local stack: an editor uploads three
 * photos, describes them, removes one with the pointer, moves one up with the keyboard (the focus
 * stays on the picture moved), cannot publish while a picture lacks alt text, and publishes a page
 * whose gallery shows the pictures in the order chosen, with their captions.
 */
class EditorGalleryIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static EditorBrowser browser;
    static final List<Path> photos = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Optional<String> missing = EditorBrowser.missing();
        if (missing.isPresent()) System.out.println("EditorGalleryIT skipped: " + missing.get());
        assumeTrue(missing.isEmpty(), () -> "browser tests skipped: " + missing.get());
        Path folder = Files.createDirectories(Path.of("target", "editor-gallery"));
        for (int i = 0; i < 3; i++) {
            Path photo = folder.resolve("gallery-" + i + ".jpg").toAbsolutePath();
            Files.write(photo, Photos.phoneJpeg(Photos.scene(1000, 750, 40 + i)));
            photos.add(photo);
        }
        browser = new EditorBrowser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void anEditorBuildsAGalleryReordersItByKeyboardAndPublishesItsFigures() throws Exception {
        String suffix = StaffClient.unique();
        String title = "Новый мост " + suffix;
        browser.startStory("gulnar", "editors", title);
        browser.typeBody(0, "Мост через реку открыт для пешеходов.");
        browser.awaitSaved();
        browser.until(d -> d.getCurrentUrl().matches(".*#/story/[0-9a-f-]{36}$"));
        String id = browser.driver.getCurrentUrl().replaceAll(".*#/story/", "");

        List<String> srcs = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            browser.driver
                    .findElement(By.id("gallery-file"))
                    .sendKeys(photos.get(i).toString());
            int count = i + 1;
            WebDriverWait processing = new WebDriverWait(browser.driver, Duration.ofSeconds(120));
            processing.ignoring(StaleElementReferenceException.class);
            processing.until(
                    d -> d.findElements(By.cssSelector("#gallery-list > li")).size() == count
                            || List.of("failed", "refused").contains(state(d)));
            assertEquals(
                    "ready",
                    state(browser.driver),
                    browser.driver.findElement(By.id("gallery-state")).getText());
            srcs.add(browser.driver
                    .findElement(By.cssSelector("#gallery-list > li:nth-child(" + count + ")"))
                    .getAttribute("data-src"));
            browser.driver.findElement(By.id("gallery-" + i + "-caption-ru")).sendKeys("Подпись " + i);
            if (i < 2)
                browser.driver.findElement(By.id("gallery-" + i + "-alt-ru")).sendKeys("Описание " + i);
        }
        for (String src : srcs) assertTrue(src.matches("/media/\\d{4}/\\d{2}/[0-9a-f-]{36}\\.jpg"), src);

        browser.awaitSaved();
        browser.until(d -> story(id).path("gallery").size() == 3);
        // the third picture has no Russian description yet: Russian cannot be published, and the editor says why
        browser.until(d -> !d.findElement(By.id("publish-ru")).isEnabled());
        assertTrue(browser.visible(By.id("publish-blocked-ru")).getText().contains("alt"));
        browser.js("window.scrollTo(0, 0)");
        browser.axe("story with a gallery");
        browser.screenshot("editor-gallery");

        // the pointer removes the second picture
        browser.clickable(By.id("gallery-1-remove")).click();
        browser.until(d -> d.findElements(By.cssSelector("#gallery-list > li")).size() == 2);
        // the keyboard moves the last one up: Enter on its focused button
        browser.js("document.getElementById('gallery-1-up').focus()");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.until(d -> srcs.get(2)
                .equals(d.findElement(By.cssSelector("#gallery-list > li:first-child"))
                        .getAttribute("data-src")));
        // the focus stayed with the picture: at the top its "up" is disabled, so it is on its "down"
        assertEquals("gallery-0-down", browser.driver.switchTo().activeElement().getAttribute("id"));
        assertTrue(
                browser.driver.findElement(By.id("gallery-announce")).getText().contains("1"));
        // and a second Enter moves it back down: keyboard alone reorders both ways
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.until(d -> srcs.get(2)
                .equals(d.findElement(By.cssSelector("#gallery-list > li:last-child"))
                        .getAttribute("data-src")));
        assertEquals("gallery-1-up", browser.driver.switchTo().activeElement().getAttribute("id"));
        browser.driver.switchTo().activeElement().sendKeys(Keys.SPACE);
        browser.until(d -> srcs.get(2)
                .equals(d.findElement(By.cssSelector("#gallery-list > li:first-child"))
                        .getAttribute("data-src")));
        // its words moved along with it
        assertEquals(
                "Подпись 2",
                browser.driver.findElement(By.id("gallery-0-caption-ru")).getAttribute("value"));
        browser.driver.findElement(By.id("gallery-0-alt-ru")).sendKeys("Мост <b>на рассвете</b>");

        browser.awaitSaved();
        browser.until(d -> srcs.get(2).equals(story(id).at("/gallery/0/src").asText()));
        JsonNode gallery = story(id).path("gallery");
        assertEquals(2, gallery.size());
        assertEquals(srcs.get(0), gallery.at("/1/src").asText());
        assertEquals("Подпись 2", gallery.at("/0/caption/ru").asText());
        assertEquals("Мост <b>на рассвете</b>", gallery.at("/0/alt/ru").asText());
        assertEquals("Описание 0", gallery.at("/1/alt/ru").asText());

        browser.until(d -> d.findElement(By.id("publish-ru")).isEnabled());
        browser.js("window.scrollTo(0, 0)");
        browser.axe("story with a described gallery");
        browser.clickable(By.id("publish-ru")).click();
        String href =
                browser.visible(By.cssSelector("a.live-link[data-lang=ru]")).getAttribute("href");
        var page = TestStack.cdn(href.substring(href.indexOf("/ru/")));
        assertEquals(200, page.statusCode());
        Elements figures = Jsoup.parse(page.body()).select("article .gallery > figure");
        assertEquals(2, figures.size());
        Element first = figures.get(0).selectFirst("picture > img");
        assertNotNull(first, "a processed gallery picture is a <picture>");
        assertEquals("Мост <b>на рассвете</b>", first.attr("alt"));
        assertEquals("lazy", first.attr("loading"));
        String folder = srcs.get(2).substring(0, srcs.get(2).lastIndexOf('.')) + "/";
        assertTrue(first.attr("srcset").startsWith(folder + "480w-"), first.attr("srcset"));
        assertEquals("Подпись 2", figures.get(0).selectFirst("figcaption").text());
        assertEquals("Подпись 0", figures.get(1).selectFirst("figcaption").text());
        assertFalse(page.body().contains("<b>на рассвете</b>"), "what was typed is text on the page");
    }

    private static String state(WebDriver d) {
        return d.findElement(By.id("gallery-state")).getAttribute("data-state");
    }

    private static JsonNode story(String id) {
        try {
            var answer = TestStack.api("GET", "/articles/" + id, TestStack.token("olga", "editors"), null);
            assertEquals(200, answer.statusCode(), answer.body());
            return JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
