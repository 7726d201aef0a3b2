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
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An image in the editor, in headless Chromium against the local stack: an editor picks a real
 * JPEG, the browser uploads it through the presigned URL with progress, the editor waits for the
 * renditions, refuses to publish a language without alt text (and shows the API's refusal to a
 * click that gets past the disabled button) and, once it has one, publishes a page whose figure is a
 * {@code <picture>}.
 */
class EditorMediaIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String RU_ALT = "Трамвай на остановке у площади Республики";
    static final String RU_CAPTION = "Первый вагон на испытаниях";
    static EditorBrowser browser;
    static Path photo;

    @BeforeAll
    static void start() throws Exception {
        Optional<String> missing = EditorBrowser.missing();
        if (missing.isPresent()) System.out.println("EditorMediaIT skipped: " + missing.get());
        assumeTrue(missing.isEmpty(), () -> "browser tests skipped: " + missing.get());
        Path folder = Files.createDirectories(Path.of("target", "editor-media"));
        photo = folder.resolve("tram.jpg").toAbsolutePath();
        Files.write(photo, Photos.phoneJpeg(Photos.scene(1600, 1200, 21)));
        browser = new EditorBrowser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void anEditorUploadsAJpegWaitsForRenditionsAddsAltTextAndThePublishedPageShowsAPicture() throws Exception {
        String suffix = StaffClient.unique();
        String title = "Трамвай на испытаниях " + suffix;
        browser.startStory("erin", "editors", title);
        new Select(browser.driver.findElement(By.id("story-category"))).selectByValue("transport");
        browser.typeBody(0, "Первый вагон вышел на линию.");
        browser.driver.findElement(By.id("pane-1-title")).sendKeys("Трамвай сынақта " + suffix);
        browser.typeBody(1, "Алғашқы вагон желіге шықты.");
        browser.awaitSaved();
        browser.until(d -> d.getCurrentUrl().matches(".*#/story/[0-9a-f-]{36}$"));
        String id = browser.driver.getCurrentUrl().replaceAll(".*#/story/", "");

        // a dropped file that is no image is refused before anything is sent
        browser.js("""
                const t = new DataTransfer();
                t.items.add(new File(['plain words'], 'notes.txt', {type: 'text/plain'}));
                document.getElementById('image-drop').dispatchEvent(
                  new DragEvent('drop', {dataTransfer: t, bubbles: true, cancelable: true}));
                """);
        browser.until(d -> "refused".equals(d.findElement(By.id("image-state")).getAttribute("data-state")));

        // every state the upload line passes through, as the page shows them
        browser.js("""
                window.imageStates = [];
                const line = document.getElementById('image-state');
                new MutationObserver(() => window.imageStates.push(line.dataset.state))
                  .observe(line, {attributes: true, attributeFilter: ['data-state']});
                """);
        browser.driver.findElement(By.id("story-image-file")).sendKeys(photo.toString());
        // the refusal above is still shown until this upload begins
        browser.until(d -> ((List<?>) browser.js("return window.imageStates")).contains("uploading"));
        WebDriverWait processing = new WebDriverWait(browser.driver, Duration.ofSeconds(120));
        processing.ignoring(StaleElementReferenceException.class);
        processing.until(d -> List.of("ready", "failed", "refused")
                .contains(d.findElement(By.id("image-state")).getAttribute("data-state")));
        assertEquals(
                "ready",
                browser.driver.findElement(By.id("image-state")).getAttribute("data-state"),
                browser.driver.findElement(By.id("image-state")).getText());
        @SuppressWarnings("unchecked")
        List<String> states = (List<String>) browser.js("return window.imageStates");
        assertTrue(states.contains("uploading") && states.contains("processing"), states.toString());
        assertTrue(
                browser.driver.findElement(By.id("image-state")).getText().contains("1600 × 1200"),
                "the picture's size is shown");
        // the thumbnail is a rendition the CDN serves
        browser.until(d -> ((Number) browser.js("const i = document.getElementById('image-thumb');"
                                + " return i.complete ? i.naturalWidth : 0;"))
                        .intValue()
                > 0);
        String src = browser.driver.findElement(By.id("story-image")).getAttribute("value");
        assertTrue(src.matches("/media/\\d{4}/\\d{2}/[0-9a-f-]{36}\\.jpg"), src);

        browser.awaitSaved();
        browser.until(d -> src.equals(story(id).at("/image/src").asText()));
        // without alt text in a language, that language cannot be published, and the editor says why
        browser.until(d -> !d.findElement(By.id("publish-ru")).isEnabled());
        assertTrue(browser.visible(By.id("publish-blocked-ru")).getText().contains("alt"));
        assertFalse(browser.driver.findElement(By.id("publish-kk")).isEnabled());
        assertFalse(browser.driver.findElement(By.id("publish-all")).isEnabled());
        browser.js("window.scrollTo(0, 0)");
        browser.axe("story with an image");
        browser.screenshot("editor-media");

        browser.driver.findElement(By.id("pane-0-caption")).sendKeys(RU_CAPTION);
        browser.driver.findElement(By.id("pane-0-imageAlt")).sendKeys(RU_ALT);
        browser.awaitSaved();
        browser.until(d -> d.findElement(By.id("publish-ru")).isEnabled());
        // Kazakh still has no description
        assertFalse(browser.driver.findElement(By.id("publish-kk")).isEnabled());
        assertEquals(RU_ALT, story(id).at("/translations/ru/imageAlt").asText());
        assertEquals(RU_CAPTION, story(id).at("/translations/ru/caption").asText());
        // a client that gets past the disabled button meets the API's own refusal, which the editor shows
        browser.js("const b = document.getElementById('publish-kk'); b.disabled = false; b.click();");
        String refused = browser.visible(By.id("publish-refused")).getText();
        assertTrue(refused.contains("alt"), refused);
        assertEquals("draft", story(id).at("/translations/kk/status").asText());

        browser.clickable(By.id("publish-ru")).click();
        String href =
                browser.visible(By.cssSelector("a.live-link[data-lang=ru]")).getAttribute("href");
        var page = TestStack.cdn(href.substring(href.indexOf("/ru/")));
        assertEquals(200, page.statusCode());
        Element img = Jsoup.parse(page.body()).selectFirst("article figure picture img");
        assertNotNull(img, "the lead image is a <picture>");
        assertEquals(RU_ALT, img.attr("alt"));
        assertTrue(img.attr("srcset").contains("/media/"), img.attr("srcset"));
        assertTrue(page.body().contains(RU_CAPTION), "the caption on the page");
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
