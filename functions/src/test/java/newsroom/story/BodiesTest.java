package newsroom.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodiesTest {

    @Test
    void markdownBecomesParagraphsQuotesAndLinks() {
        String html = Bodies.toSafeHtml(
                "First *paragraph*.\n\n> A quote.\n\n[Akimat](https://example.org)", BodyFormat.MARKDOWN);
        Document doc = Jsoup.parseBodyFragment(html);
        assertEquals("paragraph", doc.selectFirst("p em").text());
        assertEquals("A quote.", doc.selectFirst("blockquote").text());
        Element link = doc.selectFirst("a");
        assertEquals("https://example.org", link.attr("href"));
        assertTrue(link.attr("rel").contains("noopener"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<svg onload=alert(1)>",
                "<p style=\"background:url(javascript:alert(1))\">x</p>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<a href=\"&#106;avascript:alert(1)\">x</a>",
                "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
                "<<script>script>alert(1)<</script>/script>"
            })
    void htmlBodiesLoseEverythingExecutable(String vector) {
        for (BodyFormat format : BodyFormat.values()) {
            Document doc = Jsoup.parseBodyFragment(Bodies.toSafeHtml("Text " + vector, format));
            assertTrue(doc.select("script, iframe, svg, math, style").isEmpty(), doc.html());
            for (Element e : doc.getAllElements()) {
                e.attributes().forEach(a -> {
                    assertFalse(a.getKey().startsWith("on"), a.getKey());
                    assertFalse(a.getValue().toLowerCase().contains("javascript:"), a.getValue());
                    assertFalse(a.getKey().equals("style"), a.getKey());
                });
            }
        }
    }

    @Test
    void plainTextDropsTagsAndDecodesEntities() {
        assertEquals("Tom & Jerry say hi", Bodies.plainText("<p>Tom &amp; Jerry</p><p>say <b>hi</b></p>"));
    }

    @Test
    void inlineMarkupDoesNotPutASpaceBeforeThePunctuationAfterIt() {
        String html = Bodies.toSafeHtml(
                "Said **Baybek**, then *twice*: [the plan](https://example.kz/)! And `code`.", BodyFormat.MARKDOWN);
        assertEquals("Said Baybek, then twice: the plan! And code.", Bodies.plainText(html));
        assertEquals("one two", Bodies.plainText("<p>one</p><p>two</p>"), "blocks still part words");
        assertEquals("a b", Bodies.plainText("a<br>b"));
    }

    @Test
    void teaserExcerptsKeepPunctuationAgainstBoldAndItalicWords() {
        String html = Bodies.toSafeHtml("Акимат **Алматы**, по словам _акима_.", BodyFormat.MARKDOWN);
        assertEquals("Акимат Алматы, по словам акима.", newsroom.site.Excerpt.of(Bodies.plainText(html), 280));
    }
}
