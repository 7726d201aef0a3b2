package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Opens articles in headless Chromium from the CDN emulator, follows the switcher and »». */
class BrowserIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static Optional<Chromium> chromium;
    static String firstId;

    static String story(String suffix) {
        return """
        {"category": "culture",
         "translations": {
           "kk": {"title": "Кітапхана түнгі режимде жұмыс істейді %1$s", "lead": "Оқырмандар үшін жаңа кесте.", "dateline": "Алматы", "body": "Қалалық кітапхана енді түн ортасына дейін ашық.\\n\\n> «Бұл студенттерге ыңғайлы», — деді директор.", "format": "markdown"},
           "ru": {"title": "Библиотека переходит на ночной режим %1$s", "lead": "Новый график для читателей.", "dateline": "Алматы", "body": "Городская библиотека теперь открыта до полуночи.", "format": "markdown"},
           "en": {"title": "City library opens at night %1$s", "lead": "A new timetable for readers.", "dateline": "Almaty", "body": "The city library now stays open until midnight.", "format": "markdown"}}}
        """.formatted(suffix);
    }

    @BeforeAll
    static void twoPublishedStories() throws Exception {
        chromium = Chromium.find();
        assumeTrue(chromium.isPresent(), "headless Chromium is not installed");
        String editor = TestStack.token("dana", "editors");
        for (String suffix : List.of("one", "two")) {
            var created = TestStack.api("POST", "/articles", editor, story(suffix));
            assertEquals(201, created.statusCode(), created.body());
            JsonNode body = JSON.readTree(created.body());
            if (firstId == null) firstId = body.get("id").asText();
            var published = TestStack.api(
                    "POST",
                    "/articles/" + body.get("id").asText() + "/publish",
                    editor,
                    null,
                    "If-Match",
                    created.headers().firstValue("ETag").orElseThrow());
            assertEquals(200, published.statusCode(), published.body());
            Thread.sleep(1100); // distinct publication seconds, so the two have a defined order
        }
        TestStack.settle();
    }

    @Test
    void articleInEveryLanguageFollowsSwitcherAndNextLink() throws Exception {
        Chromium browser = chromium.orElseThrow();
        String cdn = TestStack.get().cdnUrl();
        Path shots = Path.of("target", "screenshots");
        for (String lang : List.of("kk", "ru", "en")) {
            String path = "/" + lang + "/news/" + slugOf(firstId, lang) + "/";
            Document page = Jsoup.parse(browser.dumpDom(cdn + path));
            assertEquals(lang, page.selectFirst("html").attr("lang"));
            assertNotNull(page.selectFirst("h1"));
            assertFalse(page.select(".latest li").isEmpty(), "latest-news block present after scripts ran");
            assertFalse(page.selectFirst("[data-today]").text().isBlank(), "header date filled in the page language");
            browser.screenshot(cdn + path, shots.resolve(lang + "-article.png"));

            String other = lang.equals("en") ? "ru" : "en";
            Element switcher = page.selectFirst(".switcher a[hreflang=" + other + "]");
            assertNotNull(switcher);
            Document translated = Jsoup.parse(browser.dumpDom(cdn + switcher.attr("href")));
            assertEquals(other, translated.selectFirst("html").attr("lang"));
            assertTrue(translated.selectFirst("h1").text().endsWith("one"), "the same story, not another");
            assertTrue(switcher.attr("href").contains(slugOf(firstId, other)), "the switcher leads to the same story");

            Element next = page.selectFirst("a[rel=next]");
            assertNotNull(next, "the first story has a newer neighbour");
            Document newer = Jsoup.parse(browser.dumpDom(cdn + next.attr("href")));
            assertTrue(
                    newer.selectFirst("h1").text().endsWith("two"),
                    newer.selectFirst("h1").text());
            Element back = newer.selectFirst("a[rel=prev]");
            assertNotNull(back);
            assertEquals(path, back.attr("href"));
        }
    }

    private static String slugOf(String id, String lang) throws Exception {
        var story = TestStack.api("GET", "/articles/" + id, TestStack.token("dana", "editors"), null);
        return JSON.readTree(story.body())
                .get("translations")
                .get(lang)
                .get("slug")
                .asText();
    }
}
