package newsroom.render;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.json.JsonObject;
import newsroom.site.Excerpt;
import newsroom.site.Localization;
import newsroom.story.Bodies;
import newsroom.story.GalleryImage;
import newsroom.story.Picture;
import newsroom.story.PictureCatalog;
import newsroom.story.Status;
import newsroom.story.Story;
import newsroom.story.Translation;

/**
 * A story's page in one language: its text and image, its neighbours in that language, the latest
 * stories, and the structured data that describes it as a news article. It also removes the page a
 * translation left at a former slug, and renders a draft as readers would see it once published.
 */
final class ArticlePage {
    static final int LATEST_SIZE = 3;

    /**
     * How wide the article's image is shown (site.css): the full column under 60rem, two thirds of
     * the 72rem grid above it, so a phone downloads the rendition of its own width.
     */
    static final String IMAGE_SIZES =
            "(min-width: 72rem) 45rem, (min-width: 60rem) calc((100vw - 4rem) * 2 / 3), calc(100vw - 2rem)";

    private final PageFrame frame;
    private final SiteIndex index;
    private final PictureCatalog pictures;
    private final Clock clock;

    ArticlePage(PageFrame frame, SiteIndex index, PictureCatalog pictures, Clock clock) {
        this.frame = frame;
        this.index = index;
        this.pictures = pictures;
        this.clock = clock;
    }

    Output render(Page.Article page) {
        Optional<Story> story = index.story(page.id());
        Optional<Translation> found =
                story.flatMap(s -> s.translation(page.lang())).filter(Translation::isPublished);
        if (found.isEmpty()) return new Output.Keep();
        return render(story.get(), found.get());
    }

    /** The page a translation had at a former slug goes, unless another translation took the slug. */
    Output render(Page.FormerArticle page) {
        if (index.bySlug(page.lang(), page.slug()).isPresent()) return new Output.Keep();
        return new Output.Remove(SitePaths.articleKey(page.lang(), page.slug()));
    }

    /** A translation's page exactly as readers would get it, published now if it is not yet. */
    byte[] preview(Story story, String lang) {
        Translation t = story.translation(lang).orElseThrow();
        Translation shown = t.isPublished()
                ? t
                : t.withStatus(Status.PUBLISHED, t.publishedAt() != null ? t.publishedAt() : clock.instant());
        Map<String, Translation> translations = new LinkedHashMap<>(story.translations());
        translations.put(lang, shown);
        Story previewed = new Story(
                story.id(),
                story.category(),
                story.tags(),
                story.author(),
                story.image(),
                story.gallery(),
                story.version(),
                story.createdAt(),
                story.createdBy(),
                story.updatedAt(),
                story.updatedBy(),
                translations);
        return ((Output.Put) render(previewed, shown)).body();
    }

    private Output render(Story s, Translation t) {
        Localization l = frame.words(t.lang());
        SitePaths paths = frame.paths();
        String description = t.lead().isEmpty() ? Excerpt.of(Bodies.plainText(t.bodyHtml()), 200) : t.lead();
        Optional<Picture> picture = s.image() == null
                ? Optional.empty()
                : pictures.find(s.image().src()).filter(Picture::ready);
        // the social card where there is one: a crop of the size networks ask for, with that size
        Optional<Picture.Rendition> card =
                picture.map(p -> p.card() != null ? p.card() : p.largest().orElseThrow());
        String imageUrl = card.map(c -> paths.url(c.src()))
                .orElse(s.image() == null ? null : paths.url(s.image().src()));
        Views.Frame head = frame.frame(
                t.lang(),
                t.title(),
                description,
                SitePaths.article(t),
                frame.switcher(s, t.lang()),
                alternates(s),
                "article",
                imageUrl,
                card.map(Picture.Rendition::width).orElse(0),
                card.map(Picture.Rendition::height).orElse(0),
                jsonLd(s, t, description, imageUrl));
        Optional<Views.Figure> figure = Optional.ofNullable(s.image())
                .map(i -> picture.map(p -> Views.Figure.of(p, altText(t), t.caption(), IMAGE_SIZES))
                        .orElse(new Views.Figure(i.src(), altText(t), t.caption())));
        Views.Article view = new Views.Article(
                head,
                t.title(),
                t.dateline(),
                l.publicationDate(t.publishedAt()),
                l.isoDateTime(t.publishedAt()),
                t.lead(),
                BodyImages.lazyBeyondFirst(t.bodyHtml()),
                figure,
                gallery(s, t.lang()),
                frame.categoryLink(t.lang(), s.category()),
                index.olderThan(t.lang(), t.publishedAt(), s.id())
                        .map(e -> new Views.Link(e.translation().title(), e.path())),
                index.newerThan(t.lang(), t.publishedAt(), s.id())
                        .map(e -> new Views.Link(e.translation().title(), e.path())),
                new Views.Link(l.word("nav.allNews"), SitePaths.allNews(t.lang())),
                frame.teasers(index.newest(t.lang(), LATEST_SIZE)));
        return new Output.Put(
                SitePaths.articleKey(t.lang(), t.slug()),
                Templates.html("article.jte", view),
                Output.HTML,
                Output.ARTICLE);
    }

    /**
     * The gallery's pictures as figures in the page's language, in the story's order: each in its
     * renditions once processed, else as uploaded. They follow the body, so they load lazily.
     */
    private List<Views.Figure> gallery(Story s, String lang) {
        if (s.gallery().isEmpty()) return List.of();
        Map<String, Picture> ready =
                pictures.findAll(s.gallery().stream().map(GalleryImage::src).toList());
        List<Views.Figure> figures = new ArrayList<>();
        for (GalleryImage g : s.gallery()) {
            String caption = g.caption(lang).orElse(null);
            // the alt text a reader who cannot see the picture is told: as given, else its caption
            String alt = g.alt(lang).orElse(caption == null ? "" : caption);
            Picture picture = ready.get(g.src());
            figures.add(
                    picture != null && picture.ready()
                            ? Views.Figure.of(picture, alt, caption, IMAGE_SIZES)
                            : new Views.Figure(g.src(), alt, caption));
        }
        return figures;
    }

    /** The story's published translations name each other. */
    private List<Views.Alternate> alternates(Story story) {
        List<Views.Alternate> alternates = new ArrayList<>();
        for (String lang : frame.languages()) {
            story.translation(lang)
                    .filter(Translation::isPublished)
                    .ifPresent(t -> alternates.add(
                            new Views.Alternate(lang, frame.paths().url(SitePaths.article(t)))));
        }
        return alternates;
    }

    private static String altText(Translation t) {
        return PageFrame.altText(t);
    }

    private String jsonLd(Story s, Translation t, String description, String imageUrl) {
        Localization l = frame.words(t.lang());
        JsonObject ld = Templates.object();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", t.title());
        ld.put("description", description);
        ld.put("inLanguage", t.lang());
        ld.put("datePublished", l.isoDateTime(t.publishedAt()));
        ld.put("dateModified", l.isoDateTime(t.updatedAt()));
        ld.put("mainEntityOfPage", frame.paths().url(SitePaths.article(t)));
        if (imageUrl != null) ld.putArray("image").add(imageUrl);
        JsonObject publisher = ld.putObject("publisher");
        publisher.put("@type", "GovernmentOrganization");
        publisher.put("name", l.word("site.name"));
        ld.put("articleSection", l.word("category." + s.category()));
        return Templates.scriptJson(ld);
    }
}
