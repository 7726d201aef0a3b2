package newsroom.local;

import static newsroom.local.StaffClient.EDITOR;
import static newsroom.local.StaffClient.JSON;
import static newsroom.local.StaffClient.assertProblem;
import static newsroom.local.StaffClient.call;
import static newsroom.local.StaffClient.create;
import static newsroom.local.StaffClient.etag;
import static newsroom.local.StaffClient.publish;
import static newsroom.local.StaffClient.read;
import static newsroom.local.StaffClient.story;
import static newsroom.local.StaffClient.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/**
 * A story's gallery through the staff API: refused field by field (problem+json naming the
 * picture's position) without changing anything, held to the alt-text rule per language, kept in
 * its order, and published as figures that offer the image function's renditions.
 */
class GalleryIT {
    static final String SRC = "/media/2026/12/3f0c1d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f.jpg";

    static ObjectNode picture(String src, String lang, String caption, String alt) {
        ObjectNode p = JSON.createObjectNode().put("src", src);
        if (caption != null) p.putObject("caption").put(lang, caption);
        if (alt != null) p.putObject("alt").put(lang, alt);
        return p;
    }

    static String src(int n) {
        return String.format("/media/2026/12/3f0c1d2e-8a4b-4c5d-9e6f-%012d.jpg", n);
    }

    @Test
    void aBadGalleryIsRefusedNamingEachPictureAndChangesNothing() {
        ObjectNode good = story("city", unique());
        good.putArray("gallery").add(picture(src(1), "en", "The square", "A square with fountains"));
        JsonNode created = create(EDITOR, good);
        String id = created.get("id").asText();

        ObjectNode bad = story("city", unique());
        ArrayNode gallery = bad.putArray("gallery");
        gallery.add(picture(src(2), "en", "Fine", "Fine"));
        gallery.add(picture("/etc/passwd", "en", null, null));
        gallery.add(picture(src(3), "de", null, "Ein Platz"));
        gallery.add(picture(src(4), "kk", "ә".repeat(301), null));
        gallery.add(picture(src(2), "en", null, null));
        gallery.add(picture(src(5), "ru", null, "Строка\u0007с звонком"));
        gallery.add(JSON.createObjectNode().putNull("src"));
        HttpResponse<String> refused = call("PUT", "/articles/" + id, EDITOR, bad, "If-Match", etag(created));
        assertProblem(
                refused,
                400,
                "gallery[1].src",
                "gallery[2].alt.de",
                "gallery[3].caption.kk",
                "gallery[4].src",
                "gallery[5].alt.ru",
                "gallery[6].src");
        assertFalse(refused.body().contains("gallery[0]"), "the good picture is not named: " + refused.body());

        ObjectNode shapes = story("city", unique());
        ArrayNode odd = shapes.putArray("gallery");
        odd.add(JSON.createObjectNode().put("src", src(6)).put("title", "no such field"));
        odd.add(JSON.createObjectNode().put("src", src(7)).put("alt", "not keyed by language"));
        ObjectNode numbered = JSON.createObjectNode().put("src", src(8));
        numbered.putObject("caption").put("en", 42);
        odd.add(numbered);
        odd.add("just a string");
        assertProblem(
                call("PUT", "/articles/" + id, EDITOR, shapes, "If-Match", etag(created)),
                400,
                "gallery[0].title",
                "gallery[1].alt",
                "gallery[2].caption.en",
                "gallery[3]");

        ObjectNode tooMany = story("city", unique());
        ArrayNode many = tooMany.putArray("gallery");
        for (int i = 0; i < 21; i++) many.add(picture(src(100 + i), "en", null, "Picture " + i));
        assertProblem(call("PUT", "/articles/" + id, EDITOR, tooMany, "If-Match", etag(created)), 400, "gallery");
        ObjectNode notAList = story("city", unique());
        notAList.put("gallery", SRC);
        assertProblem(call("POST", "/articles", EDITOR, notAList), 400, "gallery");

        JsonNode after = read(id);
        assertEquals(created.get("version"), after.get("version"), "nothing changed");
        assertEquals(created.get("gallery"), after.get("gallery"));
        assertEquals(src(1), after.at("/gallery/0/src").asText());
        assertEquals("A square with fountains", after.at("/gallery/0/alt/en").asText());
    }

    @Test
    void everyGalleryPictureNeedsAltTextInTheLanguagesThatGoPublic() throws Exception {
        // real uploads: the story is published on the shared site, whose links the export and audit follow
        String fountains = MediaClient.upload(Photos.phoneJpeg(Photos.scene(640, 480, 33)))
                .get("src")
                .asText();
        String benches = MediaClient.upload(Photos.phoneJpeg(Photos.scene(640, 480, 34)))
                .get("src")
                .asText();
        ObjectNode draft = story("city", unique());
        ArrayNode gallery = draft.putArray("gallery");
        ObjectNode both = picture(fountains, "en", null, "Fountains at noon");
        ((ObjectNode) both.get("alt")).put("ru", "Фонтаны в полдень");
        gallery.add(both);
        gallery.add(picture(benches, "en", "Benches", "New benches by the fountains"));
        JsonNode created = create(EDITOR, draft);

        HttpResponse<String> refused = call(
                "POST",
                "/articles/" + created.get("id").asText() + "/publish",
                EDITOR,
                "{\"languages\": [\"ru\", \"en\"]}",
                "If-Match",
                etag(created));
        JsonNode problem = assertProblem(refused, 400, "gallery[1].alt.ru");
        assertEquals(1, problem.get("errors").size(), refused.body());
        JsonNode unchanged = read(created.get("id").asText());
        assertEquals(created.get("version"), unchanged.get("version"));
        assertEquals("draft", unchanged.at("/translations/en/status").asText(), "nothing of it went public");

        JsonNode english = publish(created, "{\"languages\": [\"en\"]}");
        assertEquals("published", english.at("/translations/en/status").asText());
        assertEquals("draft", english.at("/translations/ru/status").asText());

        // an edit of a published translation is live at once: it may not add an undescribed picture
        gallery.add(picture(src(12), "ru", null, "Только по-русски"));
        HttpResponse<String> edit =
                call("PUT", "/articles/" + created.get("id").asText(), EDITOR, draft, "If-Match", etag(english));
        assertProblem(edit, 400, "gallery[2].alt.en");
        assertEquals(2, read(created.get("id").asText()).get("gallery").size(), "the edit changed nothing");
    }

    @Test
    void aPublishedGalleryShowsItsPicturesInOrderInTheirRenditions() throws Exception {
        JsonNode first = MediaClient.upload(Photos.phoneJpeg(Photos.scene(1600, 1200, 31)));
        JsonNode second = MediaClient.upload(Photos.phoneJpeg(Photos.scene(1000, 750, 32)));
        ObjectNode illustrated = story("culture", unique());
        ArrayNode gallery = illustrated.putArray("gallery");
        // the second upload first: the order is the writer's, not the uploads'
        ObjectNode benches = picture(second.get("src").asText(), "en", "Benches <by> the fountains", "New benches");
        ((ObjectNode) benches.get("alt")).put("ru", "Новые скамейки");
        ((ObjectNode) benches.get("caption")).put("ru", "Скамейки у фонтанов");
        gallery.add(benches);
        ObjectNode square = picture(first.get("src").asText(), "en", null, "The square from above");
        ((ObjectNode) square.get("alt")).put("ru", "Площадь сверху");
        gallery.add(square);
        JsonNode story = publish(create(EDITOR, illustrated), null);
        assertEquals(second.get("src"), story.at("/gallery/0/src"));
        TestStack.settle();

        for (String lang : List.of("en", "ru")) {
            String path = story.at("/translations/" + lang + "/url").asText();
            HttpResponse<String> page = TestStack.cdn(path);
            assertEquals(200, page.statusCode(), path);
            Elements figures = Jsoup.parse(page.body()).select("article .gallery > figure");
            assertEquals(2, figures.size(), path);
            for (int i = 0; i < 2; i++) {
                JsonNode picture = i == 0 ? second : first;
                Element img = figures.get(i).selectFirst("picture > img");
                assertNotNull(img, "a gallery picture is a <picture>: " + figures.get(i));
                for (JsonNode r : picture.get("renditions")) {
                    String offered =
                            r.get("src").asText() + " " + r.get("width").asInt() + "w";
                    assertTrue(img.attr("srcset").contains(offered), img.attr("srcset"));
                    assertEquals(200, TestStack.cdn(r.get("src").asText()).statusCode(), "served");
                }
                JsonNode widest =
                        picture.get("renditions").get(picture.get("renditions").size() - 1);
                assertEquals(widest.get("width").asText(), img.attr("width"));
                assertEquals(widest.get("height").asText(), img.attr("height"));
                assertEquals("lazy", img.attr("loading"));
            }
            String caption = figures.get(0).selectFirst("figcaption").text();
            assertEquals(lang.equals("en") ? "Benches <by> the fountains" : "Скамейки у фонтанов", caption);
            assertEquals(
                    lang.equals("en") ? "The square from above" : "Площадь сверху",
                    figures.get(1).selectFirst("img").attr("alt"));
            assertFalse(page.body().contains("<by>"), "a caption is text, not markup");
        }
    }
}
