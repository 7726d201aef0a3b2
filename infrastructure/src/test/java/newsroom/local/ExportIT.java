package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import newsroom.lambda.Wiring;
import newsroom.render.FullSite;
import newsroom.render.Output;
import newsroom.render.Page;
import newsroom.render.SiteIndex;
import newsroom.render.SiteRenderer;
import newsroom.render.SnapshotIndex;
import newsroom.story.StoryId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exports the whole site to a folder with the code behind {@code newsroom-local.jar export} and
 * reads it as a static web server would: every kind of page in every language, and no link that
 * leads out of the folder's pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportIT {
    static final ObjectMapper JSON = new ObjectMapper();
    final Path folder = Path.of("target", "export", getClass().getSimpleName());
    StaticExport.Result result;
    String site;
    String image;
    String storyId;
    /** How often the export read each story (with its bodies) from the index. */
    final Map<String, Integer> storyReads = new ConcurrentHashMap<>();

    /** The index, counting the stories read through it. */
    SiteIndex readsCounted(SiteIndex index) {
        return (SiteIndex) Proxy.newProxyInstance(
                SiteIndex.class.getClassLoader(), new Class<?>[] {SiteIndex.class}, (proxy, method, args) -> {
                    if (method.getName().equals("story")) {
                        storyReads.merge(((StoryId) args[0]).value(), 1, Integer::sum);
                    } else if (method.getName().equals("stories")) {
                        for (Object id : (Collection<?>) args[0]) {
                            storyReads.merge(((StoryId) id).value(), 1, Integer::sum);
                        }
                    }
                    try {
                        return method.invoke(index, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The stack exported: the in-memory one here, the on-disk one in {@link ExportOnDiskIT}. */
    LocalCloud cloud() {
        return TestStack.get();
    }

    @BeforeAll
    void exportTheSite() throws Exception {
        String editor = TestStack.token(cloud(), "export", "editors");
        image = SiteAuditIT.uploadImage(cloud(), editor);
        var created = TestStack.api(cloud(), "POST", "/articles", editor, """
            {"category": "economy",
             "image": {"src": "%s"},
             "translations": {
               "kk": {"title": "Экспорт сынағы", "lead": "Қысқаша.", "body": "Мәтін.", "format": "markdown",
                      "imageAlt": "Мектеп ауласы"},
               "ru": {"title": "Проверка экспорта", "lead": "Кратко.", "body": "Текст.", "format": "markdown",
                      "imageAlt": "Школьный двор"},
               "en": {"title": "Export check", "lead": "In short.", "body": "Text.", "format": "markdown",
                      "imageAlt": "A school yard"}}}
            """.formatted(image));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode story = JSON.readTree(created.body());
        var published = TestStack.api(
                cloud(),
                "POST",
                "/articles/" + story.get("id").asText() + "/publish",
                editor,
                null,
                "If-Match",
                created.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, published.statusCode(), published.body());
        TestStack.settle(cloud());

        deleteRecursively(folder);
        Wiring services = cloud().services();
        site = services.config().siteUrl();
        storyId = story.get("id").asText();
        result = StaticExport.export(
                readsCounted(services.index()), services.renderer(), services.config(), services.bucket(), folder);
    }

    static void deleteRecursively(Path folder) throws IOException {
        TestStack.deleteRecursively(folder);
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    boolean exists(String path) {
        return Files.isRegularFile(folder.resolve(SiteAudit.objectKey(path)));
    }

    List<Path> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void eachStoryIsReadOnceForItsPagesAndItsSearchEntries() {
        // the article pages and the search index of all three translations come from one read
        assertEquals(1, storyReads.get(storyId), storyReads.toString());
        for (String lang : List.of("kk", "ru", "en")) {
            assertTrue(
                    Files.isRegularFile(folder.resolve("search/" + lang + "/d/" + storyId + ".json")),
                    lang + ": the search page lists the story");
        }
    }

    @Test
    void uploadedImagesAreCopiedWithThePages() throws Exception {
        assertTrue(result.media() >= 1, result.toString());
        Path renditions = folder.resolve(SiteAuditIT.renditionsOf(image).substring(1));
        byte[] atSrc = Files.readAllBytes(folder.resolve(image.substring(1)));
        // the src holds the largest clean rendition, never the upload as sent with its metadata
        try (Stream<Path> copied = Files.list(renditions)) {
            assertTrue(
                    copied.filter(p -> !p.getFileName().toString().startsWith("card-"))
                            .anyMatch(p -> Arrays.equals(atSrc, read(p))),
                    "the src is one of the renditions in " + renditions);
        }
    }

    @Test
    void everyKindOfPageExistsInEveryLanguage() throws Exception {
        assertTrue(result.pages() > 0 && result.written() > 0, result.toString());
        for (String path : List.of("/", "/404.html", "/robots.txt", "/sitemap.xml", "/sitemap-news.xml")) {
            assertTrue(exists(path), path);
        }
        for (String lang : List.of("kk", "ru", "en")) {
            for (String path : List.of(
                    "/" + lang + "/",
                    "/" + lang + "/news/",
                    "/" + lang + "/feed.xml",
                    "/" + lang + "/latest.json",
                    "/" + lang + "/404.html",
                    "/" + lang + "/category/economy/",
                    "/" + lang + "/category/culture/")) {
                assertTrue(exists(path), path);
            }
            Document home = Jsoup.parse(folder.resolve(lang + "/index.html").toFile(), "UTF-8");
            assertEquals(lang, home.selectFirst("html").attr("lang"));
            Element newest = home.selectFirst(".teasers h2 a");
            assertTrue(exists(newest.attr("href")), "an article page: " + newest.attr("href"));
            try (Stream<Path> months = Files.list(folder.resolve(lang).resolve("news"))) {
                assertTrue(
                        months.anyMatch(p -> p.getFileName().toString().matches("\\d{4}")),
                        "month archives of " + lang);
            }
        }
        assertTrue(files(".xml").stream().anyMatch(p -> p.toString().contains("sitemaps")));
    }

    @Test
    void everyInternalLinkResolvesInsideTheFolder() throws Exception {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path file : files(".html")) {
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            for (Element e : page.select("a[href], link[href], script[src], img[src]")) {
                String target = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (target.startsWith(site + "/")) target = target.substring(site.length());
                if (!target.startsWith("/") || target.startsWith("//")) continue;
                links++;
                if (!exists(target.replaceAll("[?#].*$", ""))) broken.add(folder.relativize(file) + " -> " + target);
            }
        }
        for (Path file : files(".xml")) {
            Document xml = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", Parser.xmlParser());
            for (Element loc : xml.select("loc")) {
                links++;
                String target = loc.text().substring(site.length());
                if (!exists(target)) broken.add(folder.relativize(file) + " -> " + target);
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(links > 100, "links followed: " + links);
    }

    @Test
    void theSnapshotRendersEveryPageAsTheTableDoes() {
        Wiring services = cloud().services();
        SnapshotIndex snapshot =
                SnapshotIndex.of(services.index(), services.config().languages());
        SiteRenderer fromSnapshot = services.renderer().over(snapshot);
        List<Page> pages = FullSite.pages(services.index(), services.config());
        assertEquals(pages, FullSite.pages(snapshot, services.config()));
        List<String> different = new ArrayList<>();
        for (Page page : pages) {
            List<Output> expected = services.renderer().render(page);
            List<Output> actual = fromSnapshot.render(page);
            if (!describe(expected).equals(describe(actual))) different.add(page.toString());
        }
        assertEquals(List.of(), different);
        assertTrue(pages.size() > 20, "pages compared: " + pages.size());
    }

    /** Outputs with their bodies as text, so that two renderings compare by content. */
    private static List<String> describe(List<Output> outputs) {
        return outputs.stream()
                .map(o -> o instanceof Output.Put put
                        ? put.key()
                                + " "
                                + put.contentType()
                                + " "
                                + put.cacheControl()
                                + "\n"
                                + new String(put.body(), java.nio.charset.StandardCharsets.UTF_8)
                        : o.toString())
                .toList();
    }
}
