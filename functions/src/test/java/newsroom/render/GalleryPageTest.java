package newsroom.render;

import static newsroom.render.SiteFixture.AUGUST_4;
import static newsroom.render.SiteFixture.SITE;
import static newsroom.render.SiteFixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.story.GalleryImage;
import newsroom.story.Picture;
import newsroom.story.PictureCatalog;
import newsroom.story.Story;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A story's gallery on its article: figures in the story's order, in the page's language. */
class GalleryPageTest {
    static final Picture BRIDGE = Picture.ready(
            "/media/2020/08/bridge.jpg",
            1600,
            1200,
            List.of(
                    new Picture.Rendition("/media/2020/08/bridge/480w-aaaaaaaaaaaaaaaaaaaa.jpg", 480, 360),
                    new Picture.Rendition("/media/2020/08/bridge/960w-bbbbbbbbbbbbbbbbbbbb.jpg", 960, 720),
                    new Picture.Rendition("/media/2020/08/bridge/1440w-cccccccccccccccccccc.jpg", 1440, 1080)),
            new Picture.Rendition("/media/2020/08/bridge/card-dddddddddddddddddddd.jpg", 1200, 630));

    final Map<String, Picture> known = new LinkedHashMap<>(Map.of(BRIDGE.src(), BRIDGE));
    final SiteFixture site = SiteFixture.standard();
    final SiteRenderer renderer =
            new SiteRenderer(site.index, SiteFixture.CONFIG, new Assets(), SiteFixture.CLOCK, new PictureCatalog() {
                @Override
                public void save(Picture picture) {
                    known.put(picture.src(), picture);
                }

                @Override
                public Optional<Picture> find(String src) {
                    return Optional.ofNullable(known.get(src));
                }

                @Override
                public void forget(String src) {
                    known.remove(src);
                }
            });

    GalleryPageTest() {
        Story plain = site.add(
                30,
                "city",
                null,
                SiteFixture.published("kk", "Көпір ашылды", "kopir-ashyldy", AUGUST_4.plusSeconds(60)),
                SiteFixture.published("ru", "Мост открыт", "most-otkryt", AUGUST_4.plusSeconds(60)),
                SiteFixture.published("en", "The bridge opens", "the-bridge-opens", AUGUST_4.plusSeconds(60)));
        Story withGallery = new Story(
                plain.id(),
                plain.category(),
                plain.tags(),
                plain.author(),
                null,
                List.of(
                        new GalleryImage(
                                BRIDGE.src(),
                                Map.of("kk", "Жаңа көпір", "ru", "Новый мост", "en", "The new bridge"),
                                Map.of(
                                        "kk",
                                        "Өзен үстіндегі көпір",
                                        "ru",
                                        "Мост над рекой",
                                        "en",
                                        "A bridge over the river")),
                        // not processed yet: shown as uploaded; its caption is what a writer typed
                        new GalleryImage(
                                "/media/2020/08/crowd.jpg",
                                Map.of("en", "<script>alert(1)</script> & the crowd"),
                                Map.of("en", "People on the bridge \"at dawn\"")),
                        new GalleryImage("/media/2020/08/river.png", Map.of("ru", "Река"), Map.of())),
                plain.version() + 1,
                plain.createdAt(),
                plain.createdBy(),
                plain.updatedAt(),
                plain.updatedBy(),
                plain.translations());
        site.stories.save(Optional.of(plain), withGallery, List.of()).ifPresent(r -> {
            throw new IllegalStateException(r.toString());
        });
    }

    Document article(String lang) {
        Output.Put put =
                (Output.Put) renderer.render(new Page.Article(lang, id(30))).get(0);
        return Jsoup.parse(new String(put.body(), StandardCharsets.UTF_8), SITE + "/" + put.key());
    }

    @Test
    void galleryFollowsTheBodyAsFiguresInTheStorysOrder() {
        Document page = article("en");
        Elements figures = page.select("article.story .body + .gallery > figure");
        assertEquals(3, figures.size());
        assertEquals(
                List.of(BRIDGE.largest().orElseThrow().src(), "/media/2020/08/crowd.jpg", "/media/2020/08/river.png"),
                figures.stream().map(f -> f.selectFirst("img").attr("src")).toList());
        assertNull(page.selectFirst("article.story > figure"), "a gallery is not a lead image");
    }

    @Test
    void aProcessedPictureOffersItsRenditionsWithItsSizeAndLoadsLazily() {
        Element img = article("en").selectFirst(".gallery figure picture > img");
        assertNotNull(img);
        assertEquals(
                "/media/2020/08/bridge/480w-aaaaaaaaaaaaaaaaaaaa.jpg 480w, "
                        + "/media/2020/08/bridge/960w-bbbbbbbbbbbbbbbbbbbb.jpg 960w, "
                        + "/media/2020/08/bridge/1440w-cccccccccccccccccccc.jpg 1440w",
                img.attr("srcset"));
        assertEquals(ArticlePage.IMAGE_SIZES, img.attr("sizes"));
        assertEquals("1440", img.attr("width"));
        assertEquals("1080", img.attr("height"));
        for (Element any : article("en").select(".gallery img")) {
            assertEquals("lazy", any.attr("loading"), "below the body, every gallery picture waits for the reader");
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "kk | Өзен үстіндегі көпір | Жаңа көпір",
                "ru | Мост над рекой | Новый мост",
                "en | A bridge over the river | The new bridge",
            })
    void captionsAndAltTextsAreThoseOfThePagesLanguage(String lang, String alt, String caption) {
        Element first = article(lang).selectFirst(".gallery figure");
        assertEquals(alt, first.selectFirst("img").attr("alt"));
        assertEquals(caption, first.selectFirst("figcaption").text());
    }

    @Test
    void aPictureWithoutWordsInTheLanguageHasNoCaptionAndIsDescribedByItsCaptionOrNothing() {
        Elements ru = article("ru").select(".gallery figure");
        assertNull(ru.get(1).selectFirst("figcaption"), "no Russian caption for the crowd");
        assertEquals("", ru.get(1).selectFirst("img").attr("alt"));
        assertEquals("Река", ru.get(2).selectFirst("img").attr("alt"), "its caption describes it");
    }

    @Test
    void whatAWriterTypedIsTextNotMarkup() {
        Document page = article("en");
        assertTrue(page.select(".gallery script").isEmpty());
        Element crowd = page.select(".gallery figure").get(1);
        assertEquals(
                "<script>alert(1)</script> & the crowd",
                crowd.selectFirst("figcaption").text());
        assertEquals(
                "People on the bridge \"at dawn\"", crowd.selectFirst("img").attr("alt"));
    }

    @Test
    void galleryMarkupMatchesItsGoldenFile() throws Exception {
        Output.Put put =
                (Output.Put) renderer.render(new Page.Article("en", id(30))).get(0);
        String html = new String(put.body(), StandardCharsets.UTF_8);
        int from = html.indexOf("<div class=\"gallery\">");
        int to = html.indexOf("</div>", from) + "</div>".length();
        assertTrue(from >= 0, "the page has a gallery");
        GoldenFiles.assertMatches(
                "article-gallery-en.html", (html.substring(from, to) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aStoryWithoutAGalleryHasNone() {
        Output.Put put =
                (Output.Put) renderer.render(new Page.Article("en", id(3))).get(0);
        assertNull(Jsoup.parse(new String(put.body(), StandardCharsets.UTF_8)).selectFirst(".gallery"));
    }
}
