package newsroom.render;

import static newsroom.render.SiteFixture.AUGUST_1;
import static newsroom.render.SiteFixture.AUGUST_4;
import static newsroom.render.SiteFixture.JULY_18;
import static newsroom.render.SiteFixture.SITE;
import static newsroom.render.SiteFixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import newsroom.store.InMemorySiteBucket;
import newsroom.story.Picture;
import newsroom.story.Translation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.NodeList;

/** Every kind of page of a small fixed site, in every language, as readers and crawlers get it. */
class SiteRendererTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    final SiteFixture site = SiteFixture.standard();

    Translation t(int story, String lang) {
        return site.stories.find(id(story)).orElseThrow().translation(lang).orElseThrow();
    }

    Document html(Page page) {
        Output.Put put = site.put(page);
        assertEquals(Output.HTML, put.contentType(), page.toString());
        return Jsoup.parse(new String(put.body(), StandardCharsets.UTF_8), SITE + "/" + put.key());
    }

    Document article(int story, String lang) {
        return html(new Page.Article(lang, id(story)));
    }

    static org.w3c.dom.Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    static List<org.w3c.dom.Element> children(org.w3c.dom.Element parent, String ns, String name) {
        List<org.w3c.dom.Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof org.w3c.dom.Element e
                    && name.equals(e.getLocalName())
                    && (ns == null ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()))) {
                found.add(e);
            }
        }
        return found;
    }

    static String child(org.w3c.dom.Element parent, String ns, String name) {
        List<org.w3c.dom.Element> found = children(parent, ns, name);
        assertEquals(1, found.size(), "one <" + name + "> in <" + parent.getTagName() + ">");
        return found.get(0).getTextContent();
    }

    static List<String> texts(Elements elements) {
        return elements.stream().map(Element::text).toList();
    }

    List<String> titles(String lang, int... stories) {
        List<String> titles = new ArrayList<>();
        for (int n : stories) titles.add(t(n, lang).title());
        return titles;
    }

    // --- articles

    @ParameterizedTest
    @CsvSource({
        "kk, Алматы, 18 шілде 2020, Қала",
        "ru, Алматы, 18 июля 2020 г., Город",
        "en, Almaty, 18 July 2020, City",
    })
    void articleShowsTitleDatelineDateLeadAndBody(String lang, String dateline, String date, String category) {
        Document page = article(3, lang);
        Element story = page.selectFirst("main article.story");
        assertNotNull(story);
        assertEquals(t(3, lang).title(), story.selectFirst("h1").text());
        assertEquals(dateline + ",", story.selectFirst(".meta .dateline").text());
        Element time = story.selectFirst(".meta time");
        assertEquals(date, time.text());
        assertEquals("2020-07-18T15:46:00+06:00", time.attr("datetime"));
        assertEquals(SiteFixture.LEADS.get(lang), story.selectFirst(".lead").text());
        assertEquals(2, story.select(".body > p").size(), "paragraphs of the body");
        assertEquals(1, story.select(".body blockquote").size(), "the quotation");
        Element rubric = story.selectFirst(".meta a.category");
        assertEquals(category, rubric.text());
        assertEquals("/" + lang + "/category/city/", rubric.attr("href"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "kk | Фонтандар мен жаңа орындықтары бар Республика алаңы | Жаңартылған Республика алаңы",
                "ru | Площадь Республики с фонтанами и новыми скамейками | Обновлённая площадь Республики",
                "en | Republic Square with fountains and new benches | The renovated Republic Square",
            })
    void articleShowsItsImageWithTextAlternativeAndCaption(String lang, String alt, String caption) {
        Element figure = article(3, lang).selectFirst("article.story figure");
        assertNotNull(figure);
        Element img = figure.selectFirst("img");
        assertEquals("/media/2020/07/square.jpg", img.attr("src"));
        assertEquals(alt, img.attr("alt"));
        assertEquals(caption, figure.selectFirst("figcaption").text());
        assertNull(article(2, lang).selectFirst("article.story figure"), "no image, no figure");
    }

    @Test
    void imageWithoutTextAlternativeIsDescribedByItsCaption() {
        site.add(
                20,
                "culture",
                new newsroom.story.Image("/media/2020/08/theatre.png"),
                SiteFixture.withImage(
                        SiteFixture.published(
                                "en", "Theatre season opens", "theatre-season-opens", AUGUST_4.plusSeconds(60)),
                        "The opera house on Abay Avenue",
                        null));
        Element img = article(20, "en").selectFirst("figure img");
        assertEquals("The opera house on Abay Avenue", img.attr("alt"));
    }

    @Test
    void articleSwitcherLeadsToTheSameStoryInEachLanguage() {
        Document kk = article(3, "kk");
        Element current = kk.selectFirst(".switcher .current");
        assertEquals("kk", current.attr("lang"));
        assertEquals("true", current.attr("aria-current"));
        assertEquals(
                SitePaths.article(t(3, "ru")),
                kk.selectFirst(".switcher a[hreflang=ru]").attr("href"));
        assertEquals(
                SitePaths.article(t(3, "en")),
                kk.selectFirst(".switcher a[hreflang=en]").attr("href"));
        assertEquals("ru", kk.selectFirst(".switcher a[hreflang=ru]").attr("lang"));
        assertEquals(List.of("Қаз", "Рус", "Eng"), texts(kk.select(".switcher > *")), "the seed's switcher");
    }

    @Test
    void switcherLeadsToTheLanguageHomeWhenTheTranslationIsNotPublished() {
        Document kk = article(4, "kk");
        assertEquals("/ru/", kk.selectFirst(".switcher a[hreflang=ru]").attr("href"), "ru is a draft");
        assertEquals(
                SitePaths.article(t(4, "en")),
                kk.selectFirst(".switcher a[hreflang=en]").attr("href"));
        Document en = article(6, "en");
        assertEquals("/kk/", en.selectFirst(".switcher a[hreflang=kk]").attr("href"), "no kk at all");
        assertEquals("/ru/", en.selectFirst(".switcher a[hreflang=ru]").attr("href"));
    }

    @Test
    void articleOfADraftTranslationIsNotRendered() {
        assertEquals(List.of(new Output.Keep()), site.renderer.render(new Page.Article("ru", id(4))));
    }

    @ParameterizedTest
    @CsvSource({"kk, 2, 4", "ru, 2, 5", "en, 2, 4"})
    void articleLinksToItsNeighboursInItsLanguageAndToAllNews(String lang, int older, int newer) {
        Document page = article(3, lang);
        Element prev = page.selectFirst(".story-nav a[rel=prev]");
        Element next = page.selectFirst(".story-nav a[rel=next]");
        assertEquals(SitePaths.article(t(older, lang)), prev.attr("href"));
        assertTrue(prev.text().startsWith("««"), prev.text());
        assertEquals(t(older, lang).title(), prev.attr("title"));
        assertEquals(SitePaths.article(t(newer, lang)), next.attr("href"));
        assertTrue(next.text().endsWith("»»"), next.text());
        Element allNews = page.select(".story-nav a").last();
        assertEquals("/" + lang + "/news/", allNews.attr("href"));
        assertEquals(
                Map.of("kk", "Барлық жаңалықтар", "ru", "Все новости", "en", "All news")
                        .get(lang),
                allNews.text());
    }

    @Test
    void firstAndLastStoriesHaveOnlyTheNeighbourTheyHave() {
        assertNull(article(1, "kk").selectFirst("a[rel=prev]"));
        assertNotNull(article(1, "kk").selectFirst("a[rel=next]"));
        assertNull(article(6, "en").selectFirst("a[rel=next]"));
        assertEquals(
                SitePaths.article(t(5, "en")),
                article(6, "en").selectFirst("a[rel=prev]").attr("href"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "kk | 5,4,3 | 1 тамыз 2020 - 11:00;20 шілде 2020 - 15:42;18 шілде 2020 - 15:46",
                "ru | 5,3,2 | 1 августа 2020 - 11:00;18 июля 2020 - 15:46;2 июля 2020 - 18:49",
                "en | 6,5,4 | 4 August 2020 - 09:30;1 August 2020 - 11:00;20 July 2020 - 15:42",
            })
    void articleShowsTheThreeLatestStoriesWithTimeAndExcerpt(String lang, String stories, String times) {
        Elements items = article(1, lang).select("aside.latest li");
        assertEquals(3, items.size());
        int[] ids = java.util.Arrays.stream(stories.split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        assertEquals(titles(lang, ids), texts(items.select("a")));
        assertEquals(List.of(times.split(";")), texts(items.select("time")));
        for (Element p : items.select("p")) {
            assertTrue(p.text().endsWith("..."), p.text());
            assertTrue(p.text().length() <= Entry.EXCERPT_CHARS + 3, p.text());
        }
        assertEquals(
                "/" + lang + "/latest.json",
                article(1, lang).selectFirst("aside.latest").attr("data-latest"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void articleDescribesItselfAsANewsArticle(String lang) throws Exception {
        Document page = article(3, lang);
        Elements scripts = page.select("script[type=application/ld+json]");
        assertEquals(1, scripts.size());
        JsonNode ld = JSON.readTree(scripts.first().data());
        assertEquals("https://schema.org", ld.get("@context").asText());
        assertEquals("NewsArticle", ld.get("@type").asText());
        assertEquals(t(3, lang).title(), ld.get("headline").asText());
        assertEquals(
                JULY_18, OffsetDateTime.parse(ld.get("datePublished").asText()).toInstant());
        assertEquals(lang, ld.get("inLanguage").asText());
        assertEquals(
                SITE + SitePaths.article(t(3, lang)), ld.get("mainEntityOfPage").asText());
        assertEquals(SITE + "/media/2020/07/square.jpg", ld.get("image").get(0).asText());
        assertEquals("article", og(page, "type"));
        assertEquals(SITE + "/media/2020/07/square.jpg", og(page, "image"));
    }

    @Test
    void textFromStaffIsEscapedInPagesAndStructuredData() throws Exception {
        String title = "Tom & Jerry <script>alert(1)</script> \"live\"";
        site.add(
                21,
                "culture",
                null,
                SiteFixture.published("en", title, "tom-and-jerry-live", AUGUST_4.plusSeconds(120)));
        Document page = article(21, "en");
        assertEquals(title, page.selectFirst("h1").text());
        assertTrue(page.select("h1 script, body script:not([src])").isEmpty(), "no script from text");
        assertEquals(title + " — Almaty City Administration", page.title());
        String ld = page.selectFirst("script[type=application/ld+json]").data();
        assertFalse(ld.contains("</script"), ld);
        assertEquals(title, JSON.readTree(ld).get("headline").asText());
    }

    // --- head metadata of every HTML page

    static String og(Document page, String property) {
        Element meta = page.selectFirst("meta[property=og:" + property + "]");
        return meta == null ? null : meta.attr("content");
    }

    static Map<String, String> alternates(Document page) {
        Map<String, String> found = new TreeMap<>();
        for (Element link : page.select("head link[rel=alternate][hreflang]")) {
            assertTrue(found.put(link.attr("hreflang"), link.attr("href")) == null, "one alternate per language");
        }
        return found;
    }

    static Map<String, String> everyLanguage(String section, boolean xDefault) {
        Map<String, String> expected = new TreeMap<>();
        for (String lang : SiteFixture.LANGUAGES) expected.put(lang, SITE + "/" + lang + section);
        if (xDefault) expected.put("x-default", SITE + "/kk" + section);
        return expected;
    }

    void assertHead(Document page, String lang, String path, Map<String, String> alternates) {
        String where = path + " in " + lang;
        assertEquals(lang, page.selectFirst("html").attr("lang"), where);
        assertEquals(1, page.select("head link[rel=canonical]").size(), where);
        assertEquals(SITE + path, page.selectFirst("head link[rel=canonical]").attr("href"), where);
        assertEquals(alternates, alternates(page), where);
        assertFalse(page.title().isBlank(), where);
        assertFalse(page.selectFirst("meta[name=description]").attr("content").isBlank(), where);
        assertEquals(SITE + path, og(page, "url"), where);
        assertFalse(og(page, "title").isBlank(), where);
        assertFalse(og(page, "description").isBlank(), where);
        assertNotNull(og(page, "type"), where);
        assertEquals(Map.of("kk", "kk_KZ", "ru", "ru_RU", "en", "en_GB").get(lang), og(page, "locale"), where);
        assertEquals(
                Map.of(
                                "kk", "Алматы қаласының әкімдігі",
                                "ru", "Акимат города Алматы",
                                "en", "Almaty City Administration")
                        .get(lang),
                og(page, "site_name"),
                where);
        assertNull(page.selectFirst("meta[name=robots]"), where + " is indexed");
        assertAccessible(page, where);
    }

    static void assertAccessible(Document page, String where) {
        Element skip = page.body().child(0);
        assertEquals("#content", skip.attr("href"), where + ": skip link comes first");
        assertNotNull(page.selectFirst("main#content"), where);
        for (Element nav : page.select("nav")) {
            assertFalse(nav.attr("aria-label").isBlank(), where + ": every nav is labelled");
        }
        for (Element img : page.select("img")) {
            assertTrue(img.hasAttr("alt"), where + ": " + img);
        }
        for (Element a : page.select("a[hreflang]")) {
            assertEquals(a.attr("hreflang"), languageOf(a), where + ": a link to another language");
        }
        assertEquals(1, page.select("h1").size(), where + ": one main heading");
    }

    /** The language an element is in: its own lang attribute or its nearest ancestor's. */
    static String languageOf(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e.hasAttr("lang")) return e.attr("lang");
        }
        return "";
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void everyPageKindCarriesLanguageCanonicalAlternatesAndOpenGraph(String lang) {
        Map<String, String> story3 = new TreeMap<>();
        for (String l : SiteFixture.LANGUAGES) story3.put(l, SITE + SitePaths.article(t(3, l)));
        assertHead(article(3, lang), lang, SitePaths.article(t(3, lang)), story3);
        assertHead(html(new Page.Home(lang)), lang, "/" + lang + "/", everyLanguage("/", true));
        assertHead(html(new Page.NewsHead(lang)), lang, "/" + lang + "/news/", everyLanguage("/news/", true));
        assertHead(
                html(new Page.MonthArchive(lang, YearMonth.of(2020, 7))),
                lang,
                "/" + lang + "/news/2020/07/",
                everyLanguage("/news/2020/07/", true));
        for (String category : List.of("city", "education")) {
            String section = "/category/" + category + "/";
            assertHead(
                    html(new Page.Category(lang, category)), lang, "/" + lang + section, everyLanguage(section, true));
        }
    }

    @Test
    void articleAlternatesNameOnlyPublishedTranslations() {
        Map<String, String> expected =
                Map.of("kk", SITE + SitePaths.article(t(4, "kk")), "en", SITE + SitePaths.article(t(4, "en")));
        assertEquals(new TreeMap<>(expected), alternates(article(4, "kk")));
        assertEquals(new TreeMap<>(expected), alternates(article(4, "en")));
    }

    // --- lists

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "kk | 5,4,3,2,1 | Баспасөз қызметінің жаңалықтары",
                "ru | 5,3,2,1 | Новости пресс-службы",
                "en | 6,5,4,3,2,1,7 | Press service news",
            })
    void homeListsTheNewestStoriesOfItsLanguageAndLeadsToAllNews(String lang, String stories, String heading) {
        Document home = html(new Page.Home(lang));
        assertEquals(heading, home.selectFirst("h1").text());
        int[] ids = java.util.Arrays.stream(stories.split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        assertEquals(titles(lang, ids), texts(home.select(".teasers h2 a")));
        for (Element teaser : home.select(".teasers li")) {
            assertFalse(teaser.selectFirst("time").attr("datetime").isBlank());
            assertTrue(teaser.selectFirst("p").text().endsWith("..."));
        }
        assertEquals("/" + lang + "/news/", home.selectFirst(".more a").attr("href"));
        assertEquals("website", og(home, "type"));
        assertTrue(home.select("script[type=application/ld+json]").isEmpty());
    }

    @Test
    void allNewsShowsTheNewestTwentyAndLeadsToTheMonthOfTheNextOlderStory() {
        SiteFixture big = new SiteFixture();
        Instant first = Instant.parse("2020-06-10T06:00:00Z");
        for (int n = 1; n <= 25; n++) {
            big.add(
                    n,
                    "city",
                    null,
                    SiteFixture.published("en", "Story " + n, "story-" + n, first.plusSeconds(86400L * (n - 1))));
        }
        Document head = Jsoup.parse(new String(big.put(new Page.NewsHead("en")).body(), StandardCharsets.UTF_8));
        assertEquals(20, head.select(".teasers li").size());
        assertEquals("Story 25", head.selectFirst(".teasers h2").text());
        assertEquals("Story 6", head.select(".teasers h2").last().text());
        // story 5 (14 June) is the first one left out
        Element older = head.selectFirst(".pager a[rel=prev]");
        assertEquals("/en/news/2020/06/", older.attr("href"));
        assertEquals("« Older news", older.text());
        assertTrue(FullSite.pages(big.index, SiteFixture.CONFIG)
                .contains(new Page.MonthArchive("en", YearMonth.of(2020, 6))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void allNewsWithoutOlderStoriesHasNoOlderLink(String lang) {
        Document head = html(new Page.NewsHead(lang));
        assertFalse(head.select(".teasers li").isEmpty());
        assertNull(head.selectFirst(".pager"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void allNewsLinksEveryMonthArchiveNewestFirst(String lang) {
        Document news = html(new Page.NewsHead(lang));
        List<String> linked = news.select("nav.months a").eachAttr("href");
        List<String> existing = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2020, 12); !m.isBefore(YearMonth.of(2019, 1)); m = m.minusMonths(1)) {
            if (site.renderer.render(new Page.MonthArchive(lang, m)).get(0) instanceof Output.Put) {
                existing.add(SitePaths.month(lang, m));
            }
        }
        assertTrue(existing.size() >= 2, "the fixture spans months: " + existing);
        assertEquals(existing, linked);
        newsroom.site.Localization l = newsroom.site.Localization.of(lang, SiteFixture.CONFIG.zone());
        assertEquals(
                l.monthTitle(YearMonth.of(2020, 7)),
                news.selectFirst("nav.months a[href$=/2020/07/]").text());
        assertNull(html(new Page.Home(lang)).selectFirst("nav.months"), "only All news lists them");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "kk | 4,3,2 | Жаңалықтар мұрағаты: Шілде 2020 | Маусым 2020 | Тамыз 2020",
                "ru | 3,2 | Архив новостей: Июль 2020 | Июнь 2020 | Август 2020",
                "en | 4,3,2 | News archive: July 2020 | June 2020 | August 2020",
            })
    void monthArchiveListsItsMonthAndLeadsToTheMonthsBeforeAndAfter(
            String lang, String stories, String heading, String june, String august) {
        Document month = html(new Page.MonthArchive(lang, YearMonth.of(2020, 7)));
        assertEquals(heading, month.selectFirst("h1").text());
        int[] ids = java.util.Arrays.stream(stories.split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        assertEquals(titles(lang, ids), texts(month.select(".teasers h2 a")));
        Element older = month.selectFirst(".pager a[rel=prev]");
        Element newer = month.selectFirst(".pager a[rel=next]");
        assertEquals("/" + lang + "/news/2020/06/", older.attr("href"));
        assertEquals("« " + june, older.text());
        assertEquals("/" + lang + "/news/2020/08/", newer.attr("href"));
        assertEquals(august + " »", newer.text());
        for (String other : SiteFixture.LANGUAGES) {
            if (other.equals(lang)) continue;
            assertEquals(
                    "/" + other + "/news/2020/07/",
                    month.selectFirst(".switcher a[hreflang=" + other + "]").attr("href"),
                    "the switcher keeps the month");
        }
    }

    @Test
    void monthOfOneLanguageOnlyHasNoAlternatesAndItsSwitcherLeadsHome() {
        Document may = html(new Page.MonthArchive("en", YearMonth.of(2020, 5)));
        assertEquals(Map.of("en", SITE + "/en/news/2020/05/"), alternates(may));
        assertEquals("/kk/", may.selectFirst(".switcher a[hreflang=kk]").attr("href"));
        assertEquals("/ru/", may.selectFirst(".switcher a[hreflang=ru]").attr("href"));
        assertNull(may.selectFirst(".pager a[rel=prev]"), "nothing older");
        assertEquals("/en/news/2020/06/", may.selectFirst(".pager a[rel=next]").attr("href"));
        assertEquals(
                List.of(new Output.Remove("kk/news/2020/05/index.html")),
                site.renderer.render(new Page.MonthArchive("kk", YearMonth.of(2020, 5))),
                "a month without stories has no archive");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "kk | 3 | Айдар: Қала | Айдар: Білім беру | Мұнда әзірге жаңалық жоқ.",
                "ru | 3 | Рубрика: Город | Рубрика: Образование | Здесь пока нет новостей.",
                "en | 6,3,7 | Category: City | Category: Education | No news here yet.",
            })
    void categoryPagesListTheirStoriesAndExistWhenEmpty(
            String lang, String stories, String city, String education, String empty) {
        Document page = html(new Page.Category(lang, "city"));
        assertEquals(city, page.selectFirst("h1").text());
        int[] ids = java.util.Arrays.stream(stories.split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        assertEquals(titles(lang, ids), texts(page.select(".teasers h2 a")));
        Document none = html(new Page.Category(lang, "education"));
        assertEquals(education, none.selectFirst("h1").text());
        assertTrue(none.select(".teasers li").isEmpty());
        assertEquals(empty, none.selectFirst(".empty").text());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "kk | сенбі, 15 тамыз 2020 | дүйсенбі",
                "ru | суббота, 15 августа 2020 г. | понедельник",
                "en | Saturday, 15 August 2020 | Monday",
            })
    void headerCarriesTheWordsForTodaysDateInThePageLanguage(String lang, String saturday15August, String monday) {
        Element today = html(new Page.Home(lang)).selectFirst(".site-header [data-today]");
        assertEquals("Asia/Almaty", today.attr("data-zone"));
        List<String> weekdays = List.of(today.attr("data-weekdays").split(","));
        List<String> months = List.of(today.attr("data-months").split(","));
        assertEquals(7, weekdays.size());
        assertEquals(monday, weekdays.get(0));
        assertEquals(12, months.size());
        // what the page's script does with them on 15 August 2020, a Saturday
        String written = today.attr("data-today")
                .replace("{w}", weekdays.get(5))
                .replace("{d}", "15")
                .replace("{m}", months.get(7))
                .replace("{y}", "2020");
        assertEquals(saturday15August, written);
        assertEquals("", today.text(), "the date is not baked into the page, which would go stale");
        assertTrue(today.hasAttr("hidden"), "without the script that writes it, no empty slot shows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void headerAndFooterShowTheSiteSettingsOfThePageLanguage(String lang) {
        newsroom.site.SiteSettings settings = newsroom.site.SiteSettings.of(lang);
        for (Page page : List.of(new Page.Home(lang), new Page.Article(lang, id(3)), new Page.NotFound(lang))) {
            Document html = html(page);
            Element name = html.selectFirst(".site-header .site-name");
            assertEquals(settings.name(), name.text(), page.toString());
            Element emblem = name.selectFirst("img.emblem");
            assertEquals(settings.emblemPath(), emblem.attr("src"), "emblem beside the name");
            assertEquals("", emblem.attr("alt"), "the name beside it speaks for it");
            Element footer = html.selectFirst("footer.site-footer");
            assertTrue(footer.text().contains("\u00a9 " + settings.copyright() + " " + settings.name()), footer.text());
            assertTrue(footer.selectFirst("address").text().contains(settings.address()));
            Element phone = footer.selectFirst("address a[href^=tel:]");
            assertEquals(settings.phone(), phone.text());
            assertEquals(settings.phoneHref(), phone.attr("href"));
            assertTrue(footer.text().contains(settings.support()));
            List<String> links = footer.select(".footer-links a").eachAttr("href");
            for (newsroom.site.SiteSettings.Link link : settings.links()) assertTrue(links.contains(link.href()));
            assertFalse(footer.text().contains("000-00-00"), "no placeholder phone");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void navigationLeadsToHomeAllNewsAndEveryCategory(String lang) {
        Document page = html(new Page.Home(lang));
        List<String> hrefs = page.select("nav.sections a").eachAttr("href");
        List<String> expected = new ArrayList<>(List.of("/" + lang + "/", "/" + lang + "/news/"));
        for (String c : SiteFixture.CONFIG.categories()) expected.add("/" + lang + "/category/" + c + "/");
        expected.add("/" + lang + "/search/");
        assertEquals(expected, hrefs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void searchPageLoadsItsScriptFromTheSiteAndSpeaksItsLanguage(String lang) {
        Output.Put put = site.put(new Page.Search(lang));
        assertEquals(lang + "/search/index.html", put.key());
        Document doc = Jsoup.parse(new String(put.body(), StandardCharsets.UTF_8));
        assertEquals(lang, doc.selectFirst("html").attr("lang"));
        Element search = doc.selectFirst("[data-search]");
        assertEquals(lang, search.attr("data-lang"));
        assertTrue(search.attr("data-langs").startsWith(lang + ","), "the reader's language first");
        assertEquals(
                new Assets().searchScriptPath(), search.selectFirst("script").attr("src"));
        assertTrue(search.selectFirst("script").attr("src").matches("/assets/search\\.[0-9a-f]{12}\\.js"));
        assertNotNull(doc.selectFirst("label[for=search-query]"));
        assertNotNull(doc.selectFirst("noscript"), "without JavaScript the page says why nothing happens");
        assertNull(doc.selectFirst("script:not([src])"), "no inline script: the CSP allows only the site's files");
    }

    // --- pages in every language at once

    @ParameterizedTest
    @CsvSource({"404.html, kk", "kk/404.html, kk", "ru/404.html, ru", "en/404.html, en"})
    void notFoundPagesSpeakEveryLanguageTheirOwnFirst(String key, String lang) {
        Page page = key.contains("/") ? new Page.NotFound(lang) : new Page.RootNotFound();
        Output.Put put = site.put(page);
        assertEquals(key, put.key());
        Document doc = Jsoup.parse(new String(put.body(), StandardCharsets.UTF_8));
        assertEquals(lang, doc.selectFirst("html").attr("lang"));
        assertEquals("noindex", doc.selectFirst("meta[name=robots]").attr("content"));
        assertNull(doc.selectFirst("link[rel=canonical]"), "a 404 is nobody's canonical page");
        Elements parts = doc.select("section.in-language");
        List<String> order = new ArrayList<>(List.of(lang));
        SiteFixture.LANGUAGES.stream().filter(l -> !l.equals(lang)).forEach(order::add);
        assertEquals(order, parts.eachAttr("lang"));
        Map<String, String> headings =
                Map.of("kk", "Бет табылмады", "ru", "Страница не найдена", "en", "Page not found");
        for (Element part : parts) {
            String l = part.attr("lang");
            assertEquals(headings.get(l), part.selectFirst("h2").text());
            assertEquals(
                    List.of("/" + l + "/", "/" + l + "/news/"), part.select("a").eachAttr("href"));
        }
        assertAccessible(doc, key);
    }

    @Test
    void rootTitleNamesTheSiteOnce() {
        assertEquals("Алматы қаласының әкімдігі", html(new Page.Root()).title());
        assertTrue(html(new Page.Home("en")).title().endsWith(" — Almaty City Administration"));
    }

    @Test
    void notFoundPagesAreMarkedForTheScriptThatPutsThePathsLanguageFirst() {
        assertNotNull(html(new Page.RootNotFound()).selectFirst("section.multilingual[data-not-found]"));
        assertNull(html(new Page.Root()).selectFirst("[data-not-found]"), "the language chooser is not a 404");
    }

    @Test
    void assetsIncludeAFaviconAtTheRoot() throws Exception {
        Output.Put favicon = new Assets()
                .outputs().stream()
                        .filter(p -> p.key().equals("favicon.ico"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("image/vnd.microsoft.icon", favicon.contentType());
        java.nio.ByteBuffer ico = java.nio.ByteBuffer.wrap(favicon.body()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, ico.getShort(0));
        assertEquals(1, ico.getShort(2), "an icon, not a cursor");
        int images = ico.getShort(4);
        assertTrue(images >= 2, "more than one size");
        for (int i = 0; i < images; i++) {
            int size = Byte.toUnsignedInt(ico.get(6 + 16 * i));
            int length = ico.getInt(6 + 16 * i + 8);
            int offset = ico.getInt(6 + 16 * i + 12);
            var image = javax.imageio.ImageIO.read(new ByteArrayInputStream(favicon.body(), offset, length));
            assertNotNull(image, "entry " + i + " is a PNG");
            assertEquals(size, image.getWidth());
        }
        List<String> keys = site.renderer.render(new Page.Assets()).stream()
                .map(o -> ((Output.Put) o).key())
                .toList();
        assertTrue(keys.contains("favicon.ico"), keys.toString());
        assertTrue(keys.contains(newsroom.site.SiteSettings.emblemAddress().substring(1)), keys.toString());
    }

    @Test
    void rootOffersEveryLanguageInItsOwnWords() {
        Document root = html(new Page.Root());
        assertEquals("kk", root.selectFirst("html").attr("lang"));
        assertEquals(SITE + "/", root.selectFirst("link[rel=canonical]").attr("href"));
        Elements parts = root.select("section.in-language");
        assertEquals(SiteFixture.LANGUAGES, parts.eachAttr("lang"));
        assertEquals(List.of("/kk/", "/ru/", "/en/"), parts.select("a").eachAttr("href"));
        assertEquals(List.of("Қазақша", "Русский", "English"), texts(parts.select("a")));
        assertEquals("Акимат города Алматы", parts.get(1).selectFirst("h2").text());
        assertAccessible(root, "/");
    }

    // --- feeds and machine-readable pages

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"kk | 5,4,3,2,1", "ru | 5,3,2,1", "en | 6,5,4,3,2,1,7"})
    void feedIsAnRss2ChannelOfTheNewestStories(String lang, String stories) throws Exception {
        Output.Put put = site.put(new Page.Feed(lang));
        assertEquals(lang + "/feed.xml", put.key());
        assertEquals(Output.RSS, put.contentType());
        org.w3c.dom.Element rss = xml(put.body()).getDocumentElement();
        assertEquals("rss", rss.getTagName());
        assertEquals("2.0", rss.getAttribute("version"));
        List<org.w3c.dom.Element> channels = children(rss, null, "channel");
        assertEquals(1, channels.size());
        org.w3c.dom.Element channel = channels.get(0);
        assertFalse(child(channel, null, "title").isBlank());
        assertEquals(SITE + "/" + lang + "/", child(channel, null, "link"));
        assertFalse(child(channel, null, "description").isBlank());
        assertEquals(lang, child(channel, null, "language"));
        org.w3c.dom.Element self = children(channel, ATOM_NS, "link").get(0);
        assertEquals(SITE + "/" + lang + "/feed.xml", self.getAttribute("href"));
        assertEquals("self", self.getAttribute("rel"));

        List<Integer> expected = java.util.Arrays.stream(stories.split(","))
                .map(Integer::valueOf)
                .toList();
        List<org.w3c.dom.Element> items = children(channel, null, "item");
        assertEquals(expected.size(), items.size());
        for (int i = 0; i < items.size(); i++) {
            Translation story = t(expected.get(i), lang);
            org.w3c.dom.Element item = items.get(i);
            assertEquals(story.title(), child(item, null, "title"));
            assertEquals(SITE + SitePaths.article(story), child(item, null, "link"));
            assertFalse(child(item, null, "description").isBlank());
            assertEquals(
                    story.publishedAt(),
                    ZonedDateTime.parse(child(item, null, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
            assertEquals("false", children(item, null, "guid").get(0).getAttribute("isPermaLink"));
        }
    }

    @Test
    void feedKeepsTheFiftyNewestStories() throws Exception {
        SiteFixture big = new SiteFixture();
        Instant first = Instant.parse("2020-01-01T06:00:00Z");
        for (int n = 1; n <= 60; n++) {
            big.add(n, "city", null, SiteFixture.published("en", "Story " + n, "s-" + n, first.plusSeconds(3600L * n)));
        }
        org.w3c.dom.Element channel = children(
                        xml(big.put(new Page.Feed("en")).body()).getDocumentElement(), null, "channel")
                .get(0);
        List<org.w3c.dom.Element> items = children(channel, null, "item");
        assertEquals(50, items.size());
        assertEquals("Story 60", child(items.get(0), null, "title"));
        assertEquals("Story 11", child(items.get(49), null, "title"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "kk | 5 | 1 тамыз 2020 - 11:00 | 2020-08-01T11:00:00+06:00",
                "ru | 5 | 1 августа 2020 - 11:00 | 2020-08-01T11:00:00+06:00",
                "en | 6 | 4 August 2020 - 09:30 | 2020-08-04T09:30:00+06:00",
            })
    void latestJsonHoldsTheThreeNewestStories(String lang, int newest, String dateTime, String iso) throws Exception {
        Output.Put put = site.put(new Page.Latest(lang));
        assertEquals(lang + "/latest.json", put.key());
        assertEquals(Output.SHORT, put.cacheControl());
        JsonNode latest = JSON.readTree(put.body());
        assertEquals(lang, latest.get("lang").asText());
        assertEquals(3, latest.get("items").size());
        JsonNode first = latest.get("items").get(0);
        assertEquals(t(newest, lang).title(), first.get("title").asText());
        assertEquals(SitePaths.article(t(newest, lang)), first.get("url").asText());
        assertEquals(dateTime, first.get("dateTime").asText());
        assertEquals(iso, first.get("isoDateTime").asText());
        for (JsonNode item : latest.get("items")) {
            assertTrue(item.get("excerpt").asText().endsWith("..."));
        }
    }

    @Test
    void sitemapIndexListsTheMonthlySitemapsNewestFirst() throws Exception {
        Output.Put put = site.put(new Page.SitemapIndex());
        assertEquals("sitemap.xml", put.key());
        org.w3c.dom.Element index = xml(put.body()).getDocumentElement();
        assertEquals("sitemapindex", index.getLocalName());
        assertEquals(SITEMAP_NS, index.getNamespaceURI());
        List<String> locs = new ArrayList<>();
        for (org.w3c.dom.Element sitemap : children(index, SITEMAP_NS, "sitemap")) {
            locs.add(child(sitemap, SITEMAP_NS, "loc"));
        }
        assertEquals(
                List.of(
                        SITE + "/sitemaps/2020-08.xml",
                        SITE + "/sitemaps/2020-07.xml",
                        SITE + "/sitemaps/2020-06.xml",
                        SITE + "/sitemaps/2020-05.xml"),
                locs);
    }

    @Test
    void monthSitemapListsEveryPublishedTranslationWithItsAlternates() throws Exception {
        Output.Put put = site.put(new Page.MonthSitemap(YearMonth.of(2020, 7)));
        assertEquals("sitemaps/2020-07.xml", put.key());
        org.w3c.dom.Element urlset = xml(put.body()).getDocumentElement();
        assertEquals("urlset", urlset.getLocalName());
        assertEquals(SITEMAP_NS, urlset.getNamespaceURI());
        Map<String, Map<String, String>> alternatesByLoc = new LinkedHashMap<>();
        Map<String, String> lastmods = new LinkedHashMap<>();
        for (org.w3c.dom.Element url : children(urlset, SITEMAP_NS, "url")) {
            String loc = child(url, SITEMAP_NS, "loc");
            lastmods.put(loc, child(url, SITEMAP_NS, "lastmod"));
            Map<String, String> alternates = new TreeMap<>();
            for (org.w3c.dom.Element link : children(url, XHTML_NS, "link")) {
                assertEquals("alternate", link.getAttribute("rel"));
                alternates.put(link.getAttribute("hreflang"), link.getAttribute("href"));
            }
            alternatesByLoc.put(loc, alternates);
        }
        List<String> expectedLocs = new ArrayList<>();
        for (int story : List.of(2, 3)) {
            for (String lang : SiteFixture.LANGUAGES) expectedLocs.add(SITE + SitePaths.article(t(story, lang)));
        }
        expectedLocs.add(SITE + SitePaths.article(t(4, "kk")));
        expectedLocs.add(SITE + SitePaths.article(t(4, "en")));
        assertEquals(Set.copyOf(expectedLocs), alternatesByLoc.keySet());
        assertEquals(expectedLocs.size(), alternatesByLoc.size(), "each page once");
        assertEquals(
                new TreeMap<>(
                        Map.of("kk", SITE + SitePaths.article(t(4, "kk")), "en", SITE + SitePaths.article(t(4, "en")))),
                alternatesByLoc.get(SITE + SitePaths.article(t(4, "kk"))),
                "the draft ru translation is no alternate");
        assertEquals(
                3, alternatesByLoc.get(SITE + SitePaths.article(t(2, "ru"))).size());
        assertEquals("2020-07-02", lastmods.get(SITE + SitePaths.article(t(2, "ru"))));
        assertEquals(
                List.of(new Output.Remove("sitemaps/2020-04.xml")),
                site.renderer.render(new Page.MonthSitemap(YearMonth.of(2020, 4))));
    }

    @Test
    void newsSitemapListsOnlyTheLastFortyEightHours() throws Exception {
        Output.Put put = site.put(new Page.NewsSitemap());
        assertEquals("sitemap-news.xml", put.key());
        org.w3c.dom.Element urlset = xml(put.body()).getDocumentElement();
        List<org.w3c.dom.Element> urls = children(urlset, SITEMAP_NS, "url");
        assertEquals(1, urls.size(), "story 6 only; story 5 is four days old");
        org.w3c.dom.Element url = urls.get(0);
        assertEquals(SITE + SitePaths.article(t(6, "en")), child(url, SITEMAP_NS, "loc"));
        org.w3c.dom.Element news = children(url, NEWS_NS, "news").get(0);
        org.w3c.dom.Element publication = children(news, NEWS_NS, "publication").get(0);
        assertEquals("Almaty City Administration", child(publication, NEWS_NS, "name"));
        assertEquals("en", child(publication, NEWS_NS, "language"));
        assertEquals(
                AUGUST_4,
                OffsetDateTime.parse(child(news, NEWS_NS, "publication_date")).toInstant());
        assertEquals(t(6, "en").title(), child(news, NEWS_NS, "title"));
        assertTrue(AUGUST_1.isBefore(SiteFixture.NOW.minus(Sitemaps.NEWS_WINDOW)));
    }

    @Test
    void robotsAllowEverythingAndNameBothSitemaps() {
        Output.Put put = site.put(new Page.Robots());
        assertEquals("robots.txt", put.key());
        assertEquals(Output.TEXT, put.contentType());
        List<String> lines =
                new String(put.body(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.contains("User-agent: *"));
        assertTrue(lines.contains("Allow: /"));
        assertTrue(lines.contains("Sitemap: " + SITE + "/sitemap.xml"));
        assertTrue(lines.contains("Sitemap: " + SITE + "/sitemap-news.xml"));
    }

    @Test
    void articlesAreCachedLongAndEverythingThatChangesWithAPublishBriefly() {
        assertEquals(Output.ARTICLE, site.put(new Page.Article("en", id(3))).cacheControl());
        for (Page page : List.of(
                new Page.Home("en"),
                new Page.NewsHead("en"),
                new Page.MonthArchive("en", YearMonth.of(2020, 7)),
                new Page.Category("en", "city"),
                new Page.Feed("en"),
                new Page.Latest("en"),
                new Page.SitemapIndex(),
                new Page.NewsSitemap())) {
            assertEquals(Output.SHORT, site.put(page).cacheControl(), page.toString());
        }
    }

    // --- the whole site at once

    InMemorySiteBucket wholeSite() {
        InMemorySiteBucket bucket = new InMemorySiteBucket();
        bucket.putIfChanged("media/2020/07/square.jpg", new byte[] {1}, "image/jpeg", "public");
        for (Picture.Rendition r : SiteFixture.SQUARE.renditions()) {
            bucket.putIfChanged(r.src().substring(1), new byte[] {1}, "image/jpeg", "public");
        }
        new SiteWriter(site.renderer, bucket, paths -> {}).write(FullSite.pages(site.index, SiteFixture.CONFIG));
        return bucket;
    }

    static String keyOf(String href) {
        String path = href.startsWith(SITE) ? href.substring(SITE.length()) : href;
        path = path.replaceAll("[?#].*$", "");
        if (!path.startsWith("/") || path.startsWith("//")) return null;
        path = path.substring(1);
        if (path.isEmpty() || path.endsWith("/")) return path + "index.html";
        return path.substring(path.lastIndexOf('/') + 1).contains(".") ? path : path + "/index.html";
    }

    Map<String, Document> htmlPages(InMemorySiteBucket bucket) {
        Map<String, Document> pages = new TreeMap<>();
        for (String key : bucket.keys("")) {
            if (key.endsWith(".html")) {
                pages.put(
                        key,
                        Jsoup.parse(
                                new String(bucket.get(key).orElseThrow(), StandardCharsets.UTF_8), SITE + "/" + key));
            }
        }
        return pages;
    }

    @Test
    void everyLinkOfTheWholeSiteLeadsToAPageOfIt() throws Exception {
        InMemorySiteBucket bucket = wholeSite();
        List<String> broken = new ArrayList<>();
        for (var page : htmlPages(bucket).entrySet()) {
            for (Element e : page.getValue().select("a[href], link[href], script[src], img[src]")) {
                String target = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                String key = keyOf(target);
                if (key != null && bucket.get(key).isEmpty()) broken.add(page.getKey() + " -> " + target);
            }
        }
        for (String key : bucket.keys("")) {
            if (!key.endsWith(".xml")) continue;
            NodeList locs = xml(bucket.get(key).orElseThrow()).getElementsByTagNameNS("*", "loc");
            for (int i = 0; i < locs.getLength(); i++) {
                String target = locs.item(i).getTextContent();
                if (bucket.get(keyOf(target)).isEmpty()) broken.add(key + " -> " + target);
            }
        }
        assertEquals(List.of(), broken);
        for (String kind : List.of(
                "index.html",
                "404.html",
                "robots.txt",
                "sitemap.xml",
                "sitemap-news.xml",
                "kk/index.html",
                "ru/news/index.html",
                "en/news/2020/05/index.html",
                "kk/category/culture/index.html",
                "ru/feed.xml",
                "en/latest.json",
                "kk/404.html",
                "sitemaps/2020-07.xml")) {
            assertTrue(bucket.get(kind).isPresent(), kind);
        }
        assertTrue(bucket.get("kk/news/2020/05/index.html").isEmpty());
    }

    @Test
    void hreflangAlternatesOfTheWholeSiteNameEachOtherBothWays() {
        Map<String, Document> pages = htmlPages(wholeSite());
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (var page : pages.entrySet()) {
            Document doc = page.getValue();
            Element canonical = doc.selectFirst("link[rel=canonical]");
            Map<String, String> alternates = alternates(doc);
            if (alternates.isEmpty()) continue;
            String self = canonical.attr("href");
            String lang = doc.selectFirst("html").attr("lang");
            if (!self.equals(alternates.get(lang))) problems.add(page.getKey() + " does not name itself");
            for (var alt : alternates.entrySet()) {
                Document target = pages.get(keyOf(alt.getValue()));
                if (target == null) {
                    problems.add(page.getKey() + " -> missing " + alt.getValue());
                    continue;
                }
                if (alt.getKey().equals("x-default")) continue;
                checked++;
                if (!alt.getKey().equals(target.selectFirst("html").attr("lang")))
                    problems.add(page.getKey() + " -> " + alt.getValue() + " is not in " + alt.getKey());
                if (!self.equals(alternates(target).get(lang)))
                    problems.add(alt.getValue() + " does not name " + self + " back");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked > 50, "alternates were checked: " + checked);
    }

    @Test
    void everyHtmlPageOfTheWholeSiteIsAccessible() {
        for (var page : htmlPages(wholeSite()).entrySet()) {
            String lang = page.getValue().selectFirst("html").attr("lang");
            assertTrue(SiteFixture.LANGUAGES.contains(lang), page.getKey());
            assertAccessible(page.getValue(), page.getKey());
        }
    }

    // --- teasers' and the lead's pictures

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void listsShowAPicturedStoryWithItsSmallRenditionsLoadedLazilyAndOneLink(String lang) {
        Translation square = t(3, lang);
        for (Document page : List.of(
                html(new Page.Home(lang)),
                html(new Page.Category(lang, "city")),
                html(new Page.NewsHead(lang)),
                html(new Page.MonthArchive(lang, YearMonth.of(2020, 7))))) {
            Element teaser = page.selectFirst(".teasers li:has(a[href=" + SitePaths.article(square) + "])");
            assertNotNull(teaser, page.location());
            Element img = teaser.selectFirst("picture > img");
            assertNotNull(img, teaser.outerHtml());
            assertEquals(square.imageAlt(), img.attr("alt"), "the translation's text alternative");
            assertEquals(
                    "/media/2020/07/square/480w-0123456789abcdef0123.jpg 480w,"
                            + " /media/2020/07/square/960w-3210fedcba9876543210.jpg 960w",
                    img.attr("srcset"),
                    "a teaser offers the small renditions only");
            assertEquals("/media/2020/07/square/960w-3210fedcba9876543210.jpg", img.attr("src"));
            assertEquals("960", img.attr("width"));
            assertEquals("720", img.attr("height"));
            assertEquals(PageFrame.TEASER_IMAGE_SIZES, img.attr("sizes"));
            assertEquals("lazy", img.attr("loading"));
            assertEquals("async", img.attr("decoding"));
            assertEquals(1, teaser.select("a").size(), "one link per teaser: " + teaser.outerHtml());
            assertNull(img.closest("a"), "the image is not a second link");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void storiesWithoutPicturesKeepTheirTeaser(String lang) {
        Element teaser = html(new Page.Category(lang, "health"))
                .selectFirst(".teasers li:has(a[href=" + SitePaths.article(t(2, lang)) + "])");
        assertNotNull(teaser);
        assertNull(teaser.selectFirst("picture, img"));
        assertFalse(teaser.hasClass("pictured"));
    }

    @Test
    void homeLeadsWithTheNewestStoryAndItsLargePictureLoadedAtOnce() {
        Document before = html(new Page.Home("en"));
        Element unpictured = before.selectFirst(".teasers li");
        assertTrue(unpictured.hasClass("lead"), "the newest story leads, pictured or not");
        assertNull(unpictured.selectFirst("img"));
        assertEquals(1, before.select(".teasers li.lead").size());

        Picture wide = Picture.ready(
                "/media/2020/08/wide.jpg",
                4000,
                3000,
                List.of(
                        new Picture.Rendition("/media/2020/08/wide/480w-aaaaaaaaaaaaaaaaaaaa.jpg", 480, 360),
                        new Picture.Rendition("/media/2020/08/wide/960w-bbbbbbbbbbbbbbbbbbbb.jpg", 960, 720),
                        new Picture.Rendition("/media/2020/08/wide/1440w-cccccccccccccccccccc.jpg", 1440, 1080),
                        new Picture.Rendition("/media/2020/08/wide/1920w-dddddddddddddddddddd.jpg", 1920, 1440)),
                null);
        site.index.listPicture(wide);
        site.add(
                21,
                "city",
                new newsroom.story.Image(wide.src()),
                SiteFixture.withImage(
                        SiteFixture.published("en", "Metro line opens", "metro-line-opens", AUGUST_4.plusSeconds(60)),
                        "The new station",
                        "A metro train at the new Saryarka station"));
        Document home = html(new Page.Home("en"));
        Element lead = home.selectFirst(".teasers li");
        assertTrue(lead.hasClass("lead") && lead.hasClass("pictured"), lead.outerHtml());
        assertEquals("Metro line opens", lead.selectFirst("h2 a").text());
        Element img = lead.selectFirst("picture > img");
        assertEquals("A metro train at the new Saryarka station", img.attr("alt"));
        assertEquals(
                "/media/2020/08/wide/480w-aaaaaaaaaaaaaaaaaaaa.jpg 480w, /media/2020/08/wide/960w-bbbbbbbbbbbbbbbbbbbb.jpg 960w,"
                        + " /media/2020/08/wide/1440w-cccccccccccccccccccc.jpg 1440w,"
                        + " /media/2020/08/wide/1920w-dddddddddddddddddddd.jpg 1920w",
                img.attr("srcset"),
                "the lead offers every width");
        assertEquals("1920", img.attr("width"));
        assertEquals("1440", img.attr("height"));
        assertEquals(PageFrame.LEAD_IMAGE_SIZES, img.attr("sizes"));
        assertFalse(img.hasAttr("loading"), "above the fold: not lazy");
        assertEquals("high", img.attr("fetchpriority"));
        assertEquals(1, lead.select("a").size());
        assertEquals(1, home.select(".teasers li.lead").size(), "only the newest leads");
        Element category = html(new Page.Category("en", "city")).selectFirst(".teasers li");
        assertFalse(category.hasClass("lead"), "lists other than home have no lead");
        assertEquals("lazy", category.selectFirst("img").attr("loading"));
        assertFalse(category.selectFirst("img").attr("srcset").contains("1440w"));
    }

    @Test
    void aPictureAllOfWhoseWidthsAreLargeOffersTeasersItsNarrowest() {
        Picture big = Picture.ready(
                "/media/2020/08/big.jpg",
                3000,
                2000,
                List.of(new Picture.Rendition("/media/2020/08/big/1440w-eeeeeeeeeeeeeeeeeeee.jpg", 1440, 960)),
                null);
        site.index.listPicture(big);
        site.add(
                22,
                "culture",
                new newsroom.story.Image(big.src()),
                SiteFixture.published("en", "Big picture", "big-picture", AUGUST_4.plusSeconds(30)));
        Element img = html(new Page.Category("en", "culture")).selectFirst(".teasers img");
        assertEquals("/media/2020/08/big/1440w-eeeeeeeeeeeeeeeeeeee.jpg 1440w", img.attr("srcset"));
        assertEquals("", img.attr("alt"), "no text alternative given: empty, not missing");
    }

    @Test
    void imagesInABodyBeyondTheFirstLoadLazily() {
        String markdown = "First paragraph.\n\n![The old square](/media/2020/08/one.jpg)\n\n"
                + "Between them, a < b.\n\n![The new square](/media/2020/08/two.jpg)\n\n"
                + "![At night](/media/2020/08/three.jpg)\n";
        Translation base = SiteFixture.published("en", "Square then and now", "square-then-and-now", AUGUST_4);
        site.add(
                23,
                "city",
                null,
                new Translation(
                        base.lang(),
                        base.title(),
                        base.lead(),
                        base.dateline(),
                        markdown,
                        newsroom.story.BodyFormat.MARKDOWN,
                        newsroom.story.Bodies.toSafeHtml(markdown, newsroom.story.BodyFormat.MARKDOWN),
                        base.slug(),
                        base.status(),
                        base.publishedAt().plusSeconds(90),
                        null,
                        null,
                        base.updatedAt(),
                        base.updatedBy()));
        Elements images = article(23, "en").select("article.story .body img");
        assertEquals(3, images.size(), images.outerHtml());
        assertFalse(images.get(0).hasAttr("loading"), "the first may be in view: loaded at once");
        for (Element img : images.subList(1, 3)) {
            assertEquals("lazy", img.attr("loading"), img.outerHtml());
            assertEquals("async", img.attr("decoding"));
        }
        assertEquals("/media/2020/08/two.jpg", images.get(1).attr("src"));
        assertEquals("The new square", images.get(1).attr("alt"));
        assertTrue(article(23, "en").selectFirst("article.story .body").text().contains("a < b"));
    }

    // --- golden files

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void articlePageMatchesItsGoldenFile(String lang) throws Exception {
        GoldenFiles.assertMatches(
                "article-" + lang + ".html",
                site.put(new Page.Article(lang, id(3))).body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void homeMatchesItsGoldenFile(String lang) throws Exception {
        GoldenFiles.assertMatches(
                "home-" + lang + ".html", site.put(new Page.Home(lang)).body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    void monthArchiveMatchesItsGoldenFile(String lang) throws Exception {
        GoldenFiles.assertMatches(
                "month-" + lang + ".html",
                site.put(new Page.MonthArchive(lang, YearMonth.of(2020, 7))).body());
    }

    @Test
    void renderingIsRepeatable() {
        SiteFixture again = SiteFixture.standard();
        for (Page page : FullSite.pages(site.index, SiteFixture.CONFIG)) {
            List<Output> first = site.renderer.render(page);
            List<Output> second = again.renderer.render(page);
            assertEquals(first.size(), second.size());
            for (int i = 0; i < first.size(); i++) {
                if (first.get(i) instanceof Output.Put a) {
                    Output.Put b = assertInstanceOf(Output.Put.class, second.get(i));
                    assertTrue(java.util.Arrays.equals(a.body(), b.body()), page.toString());
                }
            }
        }
    }
}
