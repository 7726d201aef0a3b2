package newsroom.local;

import static newsroom.local.StaffClient.EDITOR;
import static newsroom.local.StaffClient.JSON;
import static newsroom.local.StaffClient.call;
import static newsroom.local.StaffClient.create;
import static newsroom.local.StaffClient.etag;
import static newsroom.local.StaffClient.publish;
import static newsroom.local.StaffClient.read;
import static newsroom.local.StaffClient.story;
import static newsroom.local.StaffClient.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The record of which stories show which picture: a picture that is processed after its story
 * was published shows up in its renditions without another save, and a deleted story takes its
 * pictures along only when no other story shows them.
 */
class PictureUseIT {

    @Test
    void aPictureReadyAfterThePublishShowsOnThePageAndInListsWithoutAnotherSave() throws Exception {
        byte[] leadPhoto = Photos.phoneJpeg(Photos.scene(1600, 1200, 51));
        byte[] galleryPhoto = Photos.phoneJpeg(Photos.scene(1200, 900, 52));
        // the addresses are granted, the files not uploaded yet
        JsonNode leadGrant = MediaClient.grant(leadPhoto.length);
        JsonNode galleryGrant = MediaClient.grant(galleryPhoto.length);
        String leadSrc = leadGrant.get("src").asText();
        String gallerySrc = galleryGrant.get("src").asText();
        ObjectNode illustrated = story("economy", unique());
        illustrated.putObject("image").put("src", leadSrc);
        ((ObjectNode) illustrated.at("/translations/en")).put("imageAlt", "The new market hall");
        ((ObjectNode) illustrated.at("/translations/ru")).put("imageAlt", "Новый рынок");
        ObjectNode picture = illustrated.putArray("gallery").addObject().put("src", gallerySrc);
        picture.putObject("alt").put("en", "Stalls inside the hall").put("ru", "Прилавки внутри");
        JsonNode story = publish(create(EDITOR, illustrated), null);
        long version = story.get("version").asLong();
        String path = story.at("/translations/en/url").asText();
        TestStack.settle();
        Document before = Jsoup.parse(TestStack.cdn(path).body());
        assertNull(before.selectFirst("article figure img[srcset]"), "no renditions yet: " + before.select("figure"));
        assertNull(before.selectFirst(".gallery img[srcset]"));
        assertNull(teaserPicture("/en/category/economy/", path), "the list has no renditions to show yet");

        MediaClient.put(leadGrant, leadPhoto);
        MediaClient.put(galleryGrant, galleryPhoto);
        JsonNode lead = MediaClient.awaitOutcome(leadSrc);
        JsonNode shown = MediaClient.awaitOutcome(gallerySrc);
        assertEquals("ready", lead.get("status").asText(), lead.toString());
        assertEquals("ready", shown.get("status").asText(), shown.toString());

        String leadSmallest = lead.at("/renditions/0/src").asText();
        String gallerySmallest = shown.at("/renditions/0/src").asText();
        SeparateStack.awaitUntil("the article shows both pictures' renditions", MediaClient.PROCESSING, () -> {
            Document page = Jsoup.parse(TestStack.cdn(path).body());
            Element leadImg = page.selectFirst("article > figure picture img");
            Element galleryImg = page.selectFirst(".gallery picture img");
            return leadImg != null
                    && leadImg.attr("srcset").contains(leadSmallest)
                    && galleryImg != null
                    && galleryImg.attr("srcset").contains(gallerySmallest);
        });
        SeparateStack.awaitUntil(
                "the category list shows the lead picture's renditions", MediaClient.PROCESSING, () -> {
                    Element img = teaserPicture("/en/category/economy/", path);
                    return img != null && img.attr("srcset").contains(leadSmallest);
                });
        SeparateStack.awaitUntil("the Russian home page shows it too", MediaClient.PROCESSING, () -> {
            Element img = teaserPicture("/ru/", story.at("/translations/ru/url").asText());
            return img != null && img.attr("srcset").contains(leadSmallest);
        });
        assertEquals(version, read(story.get("id").asText()).get("version").asLong(), "no one saved the story again");
    }

    @Test
    void aSharedPictureStaysUntilTheLastStoryShowingItIsDeleted() throws Exception {
        JsonNode picture = MediaClient.upload(Photos.phoneJpeg(Photos.scene(1600, 1200, 61)));
        String src = picture.get("src").asText();
        ObjectNode withImage = story("city", unique());
        withImage.putObject("image").put("src", src);
        JsonNode first = create(EDITOR, withImage);
        ObjectNode withGallery = story("city", unique());
        withGallery
                .putArray("gallery")
                .addObject()
                .put("src", src)
                .putObject("alt")
                .put("en", "The square");
        JsonNode second = create(EDITOR, withGallery);
        List<String> files = files(picture);
        for (String file : files) assertEquals(200, TestStack.cdn(file).statusCode(), file);

        delete(first);
        TestStack.settle();
        for (String file : files) {
            assertEquals(200, TestStack.cdn(file).statusCode(), "another story still shows " + file);
        }
        assertEquals("ready", MediaClient.awaitOutcome(src).get("status").asText());

        delete(second);
        SeparateStack.awaitUntil(
                "the last story's pictures gone",
                MediaClient.PROCESSING,
                () -> TestStack.get()
                        .services()
                        .bucket()
                        .keys(src.substring(1, src.lastIndexOf('.')))
                        .isEmpty());
        // the edge had them cached for a year: it is told to drop them
        SeparateStack.awaitUntil(
                "the CDN no longer serves them",
                MediaClient.PROCESSING,
                () -> files.stream().allMatch(file -> TestStack.cdn(file).statusCode() == 404));
        assertFalse(
                "ready"
                        .equals(json(call("GET", src, EDITOR, null))
                                .path("status")
                                .asText()),
                "the catalog no longer offers renditions that are gone");
    }

    private static List<String> files(JsonNode picture) {
        List<String> files = new ArrayList<>();
        files.add(picture.get("src").asText());
        picture.get("renditions").forEach(r -> files.add(r.get("src").asText()));
        files.add(picture.at("/card/src").asText());
        return files;
    }

    private static void delete(JsonNode story) {
        HttpResponse<String> deleted =
                call("DELETE", "/articles/" + story.get("id").asText(), EDITOR, null, "If-Match", etag(story));
        assertEquals(204, deleted.statusCode(), deleted.body());
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The picture of a story's teaser on a list page, if it shows one. */
    private static Element teaserPicture(String list, String articlePath) {
        Document page = Jsoup.parse(TestStack.cdn(list).body());
        Element teaser = page.selectFirst(".teasers li:has(a[href=" + articlePath + "])");
        assertTrue(teaser != null, articlePath + " is on " + list);
        return teaser.selectFirst("picture img[srcset]");
    }
}
