package newsroom.render;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.site.Config;
import newsroom.story.Bodies;
import newsroom.story.BodyFormat;
import newsroom.story.Image;
import newsroom.story.InMemoryStories;
import newsroom.story.Picture;
import newsroom.story.Status;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.Translation;

/**
 * A small site in kk, ru and en built from fixed stories, ids and a fixed clock, so that what it
 * renders is the same on every run.
 *
 * <pre>
 * story  published (Almaty time)  category   kk         ru         en
 *   1    25 June 2020 10:00       health     published  published  published
 *   2    2 July 2020 18:49        health     published  published  published
 *   3    18 July 2020 15:46       city       published  published  published   (image)
 *   4    20 July 2020 15:42       transport  published  draft      published
 *   5    1 August 2020 11:00      economy    published  published  published
 *   6    4 August 2020 09:30      city       -          -          published
 *   7    12 May 2020 12:00        city       -          -          published
 * </pre>
 *
 * The clock stands at 5 August 2020 12:00 in Almaty, so only story 6 is inside the news sitemap's
 * 48 hours; "education" and "culture" have no stories.
 */
final class SiteFixture {
    static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    static final String SITE = "https://news.almaty.example";
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final Instant NOW = Instant.parse("2020-08-05T06:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Config CONFIG = Config.from(Map.of(
            "TABLE_NAME", "newsroom",
            "BUCKET_NAME", "newsroom-site",
            "LANGUAGES", "kk,ru,en",
            "DEFAULT_LANGUAGE", "kk",
            "SITE_URL", SITE,
            "TIME_ZONE", "Asia/Almaty"));

    static final Instant MAY_12 = Instant.parse("2020-05-12T06:00:00Z");
    static final Instant JUNE_25 = Instant.parse("2020-06-25T04:00:00Z");
    static final Instant JULY_2 = Instant.parse("2020-07-02T12:49:00Z");
    static final Instant JULY_18 = Instant.parse("2020-07-18T09:46:00Z");
    static final Instant JULY_20 = Instant.parse("2020-07-20T09:42:00Z");
    static final Instant AUGUST_1 = Instant.parse("2020-08-01T05:00:00Z");
    static final Instant AUGUST_4 = Instant.parse("2020-08-04T03:30:00Z");

    final InMemoryStories stories = new InMemoryStories();
    final InMemorySiteIndex index = new InMemorySiteIndex(stories);
    final SiteRenderer renderer;

    SiteFixture() {
        this(CLOCK);
    }

    /** An empty site whose renderer reads the time from {@code clock}. */
    SiteFixture(Clock clock) {
        renderer = new SiteRenderer(index, CONFIG, new Assets(), clock);
    }

    static StoryId id(int n) {
        return new StoryId(String.format("00000000-0000-4000-8000-%012d", n));
    }

    /**
     * Story 3's picture as the image function leaves it: two widths (the upload is 1000 pixels wide,
     * so no wider ones) named by their content. Lists show it; article pages here show the src as
     * uploaded, as they do for a picture the catalog does not know.
     */
    static final Picture SQUARE = Picture.ready(
            "/media/2020/07/square.jpg",
            1000,
            750,
            List.of(
                    new Picture.Rendition("/media/2020/07/square/480w-0123456789abcdef0123.jpg", 480, 360),
                    new Picture.Rendition("/media/2020/07/square/960w-3210fedcba9876543210.jpg", 960, 720),
                    new Picture.Rendition("/media/2020/07/square/1000w-00112233445566778899.jpg", 1000, 750)),
            new Picture.Rendition("/media/2020/07/square/card-99887766554433221100.jpg", 1000, 525));

    /** The six stories of the table above. */
    static SiteFixture standard() {
        SiteFixture site = new SiteFixture();
        site.index.listPicture(SQUARE);
        site.add(
                1,
                "health",
                null,
                published(
                        "kk",
                        "Алматыда денсаулық сақтау басқармасының жаңа басшысы тағайындалды",
                        "densaulyq-saqtau-basqarmasynyn-zhana-basshysy",
                        JUNE_25),
                published(
                        "ru",
                        "В Алматы назначен новый руководитель управления здравоохранения",
                        "novyj-rukovoditel-upravleniya-zdravoohraneniya",
                        JUNE_25),
                published(
                        "en",
                        "A new director of health care has been appointed in Almaty",
                        "new-director-of-health-care-appointed",
                        JUNE_25));
        site.add(
                2,
                "health",
                null,
                published(
                        "kk",
                        "Қалалық емханалар қағазсыз форматқа көшеді",
                        "emkhanalar-qagazsyz-formatqa-koshedi",
                        JULY_2),
                published(
                        "ru",
                        "Городские поликлиники переходят на безбумажный формат",
                        "polikliniki-perehodyat-na-bezbumazhnyj-format",
                        JULY_2),
                published("en", "City polyclinics go paperless", "city-polyclinics-go-paperless", JULY_2));
        site.add(
                3,
                "city",
                new Image("/media/2020/07/square.jpg"),
                withImage(
                        published(
                                "kk", "Республика алаңы жаңартудан кейін ашылды", "respublika-alany-ashyldy", JULY_18),
                        "Жаңартылған Республика алаңы",
                        "Фонтандар мен жаңа орындықтары бар Республика алаңы"),
                withImage(
                        published(
                                "ru",
                                "Площадь Республики открылась после реконструкции",
                                "ploshchad-respubliki-otkrylas",
                                JULY_18),
                        "Обновлённая площадь Республики",
                        "Площадь Республики с фонтанами и новыми скамейками"),
                withImage(
                        published("en", "Republic Square reopens after renovation", "republic-square-reopens", JULY_18),
                        "The renovated Republic Square",
                        "Republic Square with fountains and new benches"));
        site.add(
                4,
                "transport",
                null,
                published("kk", "Түнгі автобустар қайта жүреді", "tungi-avtobustar", JULY_20),
                draft("ru", "Ночные автобусы возвращаются", "nochnye-avtobusy"),
                published("en", "Night buses return to Almaty", "night-buses-return", JULY_20));
        site.add(
                5,
                "economy",
                null,
                published("kk", "Қала бюджеті нақтыланды", "qala-byudzheti-naqtylandy", AUGUST_1),
                published("ru", "Бюджет города уточнён", "byudzhet-goroda-utochnyon", AUGUST_1),
                published("en", "The city budget is revised", "city-budget-revised", AUGUST_1));
        site.add(6, "city", null, published("en", "Parks get free Wi-Fi", "parks-get-free-wi-fi", AUGUST_4));
        site.add(
                7, "city", null, published("en", "Tulips bloom on Abay Avenue", "tulips-bloom-on-abay-avenue", MAY_12));
        return site;
    }

    Story add(int n, String category, Image image, Translation... translations) {
        Map<String, Translation> byLang = new LinkedHashMap<>();
        for (Translation t : translations) byLang.put(t.lang(), t);
        Instant created = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(n);
        Story story = new Story(
                id(n), category, List.of(), "press-service", image, 1, created, "editor", created, "editor", byLang);
        stories.save(Optional.empty(), story, List.of()).ifPresent(r -> fail(r.toString()));
        return story;
    }

    private static void fail(String why) {
        throw new IllegalStateException(why);
    }

    static Translation published(String lang, String title, String slug, Instant at) {
        return translation(lang, title, slug, Status.PUBLISHED, at);
    }

    static Translation draft(String lang, String title, String slug) {
        return translation(lang, title, slug, Status.DRAFT, null);
    }

    static Translation translation(String lang, String title, String slug, Status status, Instant at) {
        String body = BODIES.get(lang);
        return new Translation(
                lang,
                title,
                LEADS.get(lang),
                DATELINES.get(lang),
                body,
                BodyFormat.MARKDOWN,
                BODIES_HTML.computeIfAbsent(lang, l -> Bodies.toSafeHtml(body, BodyFormat.MARKDOWN)),
                slug,
                status,
                at,
                null,
                null,
                at == null ? Instant.parse("2020-01-01T00:00:00Z") : at,
                "editor");
    }

    static Translation withImage(Translation t, String caption, String alt) {
        return new Translation(
                t.lang(),
                t.title(),
                t.lead(),
                t.dateline(),
                t.bodySource(),
                t.format(),
                t.bodyHtml(),
                t.slug(),
                t.status(),
                t.publishedAt(),
                caption,
                alt,
                t.updatedAt(),
                t.updatedBy());
    }

    static final Map<String, String> DATELINES = Map.of("kk", "Алматы", "ru", "Алматы", "en", "Almaty");

    static final Map<String, String> LEADS = Map.of(
            "kk", "Қала әкімі жаңа жобаны таныстырды.",
            "ru", "Аким города представил новый проект.",
            "en", "The city's governor presented a new project.");

    static final Map<String, String> BODIES = Map.of("kk", """
          Соңғы жылдары Алматыда қоғамдық денсаулық сақтаудың барлық негізгі көрсеткіштері \
          бойынша оң нәтижелерге қол жеткізілді, ал ұйымдарды заманауи медициналық жабдықтармен \
          жарақтандыру 80 пайызға жуықтады. Электрондық денсаулық паспорттары тіркелген \
          халықтың 94 пайызын қамтиды.

          > «Мемлекет басшысы денсаулық сақтау саласына үнемі назар аударады», — деді әкім.

          Жыл соңына дейін барлық қалалық емханалар қағазсыз форматқа көшеді.
          """, "ru", """
          За последние годы в Алматы достигнуты положительные результаты по всем основным \
          показателям общественного здравоохранения, а оснащённость организаций современным \
          медицинским оборудованием приблизилась к 80 процентам. Электронные паспорта здоровья \
          охватывают уже 94 процента прикреплённого населения.

          > «Глава государства всегда уделяет внимание сфере здравоохранения», — сказал аким.

          До конца года все городские поликлиники перейдут на безбумажный формат.
          """, "en", """
          During the past years, positive results have been achieved in Almaty in all major \
          indicators of public health, and the equipment of organizations with modern medical \
          equipment is almost 80 per cent. Electronic health passports already cover 94 per cent \
          of the registered population.

          > “The head of state always draws attention to health care,” said the governor.

          All city polyclinics will go paperless by the end of the year.
          """);

    private static final Map<String, String> BODIES_HTML = new java.util.concurrent.ConcurrentHashMap<>();

    // --- rendering

    Output.Put put(Page page) {
        List<Output> outputs = renderer.render(page);
        if (outputs.size() != 1 || !(outputs.get(0) instanceof Output.Put put)) {
            throw new AssertionError(page + " rendered as " + outputs);
        }
        return put;
    }

    String text(Page page) {
        return new String(put(page).body(), StandardCharsets.UTF_8);
    }
}
