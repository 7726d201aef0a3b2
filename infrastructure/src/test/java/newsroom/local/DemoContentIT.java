package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The demo content in a stack of its own: its illustrated stories are processed like uploads, so
 * the home page and the lists show their renditions.
 */
class DemoContentIT {
    /** The demo stories that name an illustration. */
    static final int ILLUSTRATED = 3;

    @Test
    void demoStoriesShowTheirPicturesOnTheHomePage() throws Exception {
        try (LocalCloud cloud = SeparateStack.start(SeparateStack.Ports.free(), Optional.empty(), 3)) {
            assertEquals(DemoContent.STORIES, DemoContent.load(cloud.services(), cloud.s3(), LocalCloud.BUCKET));
            cloud.awaitQuiet(Duration.ofSeconds(60));
            for (String lang : List.of("kk", "ru", "en")) {
                Document home = Jsoup.parse(get(cloud, "/" + lang + "/").body());
                List<Element> images = home.select(".teasers li.pictured picture img");
                assertEquals(ILLUSTRATED, images.size(), home.select(".teasers").outerHtml());
                assertEquals(1, home.select(".teasers li.lead").size());
                long phoneBytes = 0;
                for (Element img : images) {
                    assertFalse(img.attr("alt").isBlank(), img.outerHtml());
                    assertTrue(img.attr("src").startsWith("/media/2026/01/"), img.attr("src"));
                    boolean lead = img.closest("li").hasClass("lead");
                    // what a 390-pixel-wide phone at 3 device pixels per CSS pixel picks from srcset:
                    // the teaser thumbnail is 6.5rem (104 px), the lead the column (358 px)
                    String picked = pick(img.attr("srcset"), (lead ? 358 : 104) * 3);
                    HttpResponse<byte[]> served = bytes(cloud, picked);
                    assertEquals(200, served.statusCode(), picked);
                    assertEquals(
                            "image/jpeg",
                            served.headers().firstValue("Content-Type").orElse(null));
                    phoneBytes += served.body().length;
                }
                System.out.printf(
                        "%s home: %d pictured teasers, %d image bytes on a 390 px phone at 3x%n",
                        lang, images.size(), phoneBytes);
                // the park story shows a gallery of two described pictures, in this language
                List<Element> galleries = new ArrayList<>();
                for (String href : home.select(".teasers li a[href]").eachAttr("href").stream()
                        .distinct()
                        .toList()) {
                    galleries.addAll(Jsoup.parse(get(cloud, href).body()).select(".gallery"));
                }
                assertEquals(1, galleries.size(), lang + ": one demo story has a gallery");
                List<Element> figures = galleries.get(0).select("figure");
                assertEquals(2, figures.size(), galleries.get(0).outerHtml());
                for (Element figure : figures) {
                    Element img = figure.selectFirst("picture img");
                    assertFalse(img.attr("alt").isBlank(), figure.outerHtml());
                    assertTrue(img.attr("src").startsWith("/media/2026/01/"), img.attr("src"));
                    assertEquals(200, bytes(cloud, img.attr("src")).statusCode(), img.attr("src"));
                    assertFalse(figure.select("figcaption").text().isBlank(), figure.outerHtml());
                }
            }
        }
    }

    /** The narrowest candidate at least {@code pixels} wide, else the widest. */
    static String pick(String srcset, int pixels) {
        List<String[]> candidates = new ArrayList<>();
        for (String c : srcset.split(",\\s*")) candidates.add(c.trim().split("\\s+"));
        for (String[] c : candidates) {
            if (Integer.parseInt(c[1].replace("w", "")) >= pixels) return c[0];
        }
        return candidates.get(candidates.size() - 1)[0];
    }

    private static HttpResponse<String> get(LocalCloud cloud, String path) throws Exception {
        return TestStack.HTTP.send(
                HttpRequest.newBuilder(URI.create(cloud.cdnUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> bytes(LocalCloud cloud, String path) throws Exception {
        return TestStack.HTTP.send(
                HttpRequest.newBuilder(URI.create(cloud.cdnUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
