package newsroom.store;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.story.BodyFormat;
import newsroom.story.Excerpts;
import newsroom.story.Image;
import newsroom.story.Status;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryOutline;
import newsroom.story.Translation;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The table's item layout: attribute names, keys, and the mapping to and from stories. */
public final class Items {
    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    public static final String GSI2PK = "GSI2PK";
    public static final String GSI2SK = "GSI2SK";
    public static final String GSI3PK = "GSI3PK";
    public static final String GSI3SK = "GSI3SK";
    public static final String GSI1 = "GSI1";
    public static final String GSI2 = "GSI2";
    public static final String GSI3 = "GSI3";

    public static final String META = "META";
    static final String STORY_PREFIX = "STORY#";
    public static final String LANG_PREFIX = "LANG#";

    /** After a translation's key: the item that holds its body as written (Markdown or HTML). */
    static final String SOURCE_SUFFIX = "#SOURCE";

    public static final String REV_PREFIX = "REV#";
    public static final String STORIES = "STORIES";
    public static final String SCHEDULED = "SCHED";

    /** An uploaded image's outcome, keyed by the src it was granted under; in no index. */
    public static final String PICTURE_PREFIX = "MEDIA#";

    public static final String PICTURE = "PICTURE";

    static final String TYPE = "type";
    static final String ID = "id";
    static final String CATEGORY = "category";
    static final String TAGS = "tags";
    static final String AUTHOR = "author";
    static final String IMAGE = "image";
    static final String VERSION = "version";
    static final String CREATED_AT = "createdAt";
    static final String CREATED_BY = "createdBy";
    static final String UPDATED_AT = "updatedAt";
    static final String UPDATED_BY = "updatedBy";
    static final String LANGUAGES = "languages";
    static final String STATUSES = "statuses";
    static final String LANGUAGE_STATUSES = "languageStatuses";
    static final String LANG = "lang";
    static final String TITLE = "title";
    static final String LEAD = "lead";
    static final String DATELINE = "dateline";
    static final String BODY_SOURCE = "bodySource";
    static final String FORMAT = "format";
    /**
     * A translation's rendered body: a string, or, from {@link CompressedBodies#DEFLATE_FROM_BYTES} UTF-8 bytes on,
     * binary, the UTF-8 bytes deflated (zlib format) where that is smaller. Items written before
     * bodies were deflated hold a string, and read as they are.
     */
    static final String BODY_HTML = "bodyHtml";

    static final String EXCERPT = "excerpt";
    static final String SLUG = "slug";
    static final String STATUS = "status";
    static final String PUBLISHED_AT = "publishedAt";
    static final String CAPTION = "caption";
    static final String IMAGE_ALT = "imageAlt";
    static final String ACTION = "action";
    static final String BY = "by";
    static final String AT = "at";
    /** A revision's first save, when several saves of one run are one revision. */
    static final String STARTED_AT = "startedAt";

    static final String TOMBSTONE = "TOMBSTONE";
    static final String DELETED_AT = "deletedAt";
    static final String DELETED_BY = "deletedBy";
    /** Epoch seconds after which DynamoDB's time to live removes the item (template.yaml). */
    public static final String EXPIRES_AT = "expiresAt";

    static final String SRC = "src";
    static final String REASON = "reason";
    static final String WIDTH = "width";
    static final String HEIGHT = "height";
    static final String RENDITIONS = "renditions";
    static final String CARD = "card";

    /**
     * A language's months: how many of its translations are published in each month ({@code
     * yyyy-MM} in the site's time zone, one number attribute a month), kept in every transaction that
     * publishes or withdraws one, so the sitemap index reads one item instead of walking the months.
     * {@link #ZONE} is set by a full rebuild's count: an item without it (a table from before months
     * were kept) is not trusted.
     */
    static final String MONTHS_PREFIX = "MONTHS#";

    static final String MONTHS = "MONTHS";
    static final String ZONE = "zone";

    /** ISO instants at second precision sort lexicographically in time order. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ISO_INSTANT;

    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private Items() {}

    public static String storyKey(StoryId id) {
        return STORY_PREFIX + id.value();
    }

    static String monthsKey(String lang) {
        return MONTHS_PREFIX + lang;
    }

    public static String slugKey(String lang, String slug) {
        return "SLUG#" + lang + "#" + slug;
    }

    public static String publishedKey(String lang) {
        return "PUB#" + lang;
    }

    public static String categoryKey(String lang, String category) {
        return "CAT#" + lang + "#" + category;
    }

    public static String sortable(Instant instant) {
        return SORTABLE.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The staff list's sort key: creation time to the millisecond in a fixed width, so a story made
     * on a whole second ({@code Instant} would print "06:00:19Z") sorts before one made later in that
     * second ("06:00:19.235Z"), then the id.
     */
    static String createdSortKey(Instant createdAt, StoryId id) {
        return CREATED.format(createdAt) + "#" + id.value();
    }

    public static String publishedSortKey(Instant publishedAt, StoryId id) {
        return sortable(publishedAt) + "#" + id.value();
    }

    static Map<String, AttributeValue> storyItem(Story story) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(storyKey(story.id())));
        item.put(SK, s(META));
        item.put(TYPE, s("story"));
        item.put(ID, s(story.id().value()));
        item.put(CATEGORY, s(story.category()));
        item.put(TAGS, AttributeValue.fromL(story.tags().stream().map(Items::s).toList()));
        item.put(AUTHOR, s(story.author()));
        if (story.image() != null) item.put(IMAGE, s(story.image().src()));
        GalleryItems.put(item, story.gallery());
        item.put(VERSION, n(story.version()));
        item.put(CREATED_AT, s(story.createdAt().toString()));
        item.put(CREATED_BY, s(story.createdBy()));
        item.put(UPDATED_AT, s(story.updatedAt().toString()));
        item.put(UPDATED_BY, s(story.updatedBy()));
        // kept on the story item so the staff list can filter without reading translations
        item.put(
                LANGUAGES,
                AttributeValue.fromL(
                        story.translations().keySet().stream().map(Items::s).toList()));
        item.put(
                STATUSES,
                AttributeValue.fromL(story.translations().values().stream()
                        .map(t -> s(t.status().wire()))
                        .distinct()
                        .toList()));
        // "ru:draft": a status filter and a language filter together mean that language's status
        item.put(
                LANGUAGE_STATUSES,
                AttributeValue.fromL(story.translations().values().stream()
                        .map(t -> s(t.lang() + ":" + t.status().wire()))
                        .toList()));
        item.put(GSI3PK, s(STORIES));
        item.put(GSI3SK, s(createdSortKey(story.createdAt(), story.id())));
        return item;
    }

    /**
     * The body of a translation as written, in an item of its own next to the translation: pages are
     * rendered from the translation item alone, so reading one does not read the source too.
     */
    static Map<String, AttributeValue> sourceItem(Story story, Translation t) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(storyKey(story.id())));
        item.put(SK, s(sourceKey(t.lang())));
        item.put(TYPE, s("source"));
        item.put(LANG, s(t.lang()));
        item.put(BODY_SOURCE, s(t.bodySource()));
        return item;
    }

    static String sourceKey(String lang) {
        return LANG_PREFIX + lang + SOURCE_SUFFIX;
    }

    static Map<String, AttributeValue> translationItem(Story story, Translation t) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(storyKey(story.id())));
        item.put(SK, s(LANG_PREFIX + t.lang()));
        item.put(TYPE, s("translation"));
        item.put(ID, s(story.id().value()));
        item.put(LANG, s(t.lang()));
        item.put(CATEGORY, s(story.category()));
        item.put(TITLE, s(t.title()));
        item.put(LEAD, s(t.lead()));
        item.put(DATELINE, s(t.dateline()));
        item.put(FORMAT, s(t.format().wire()));
        item.put(BODY_HTML, CompressedBodies.encode(t.bodyHtml()));
        // lists show excerpts and read no bodies: the excerpt is cut once, here
        item.put(EXCERPT, s(Excerpts.of(t)));
        item.put(SLUG, s(t.slug()));
        item.put(STATUS, s(t.status().wire()));
        if (story.image() != null) item.put(IMAGE, s(story.image().src()));
        if (t.caption() != null) item.put(CAPTION, s(t.caption()));
        if (t.imageAlt() != null) item.put(IMAGE_ALT, s(t.imageAlt()));
        item.put(UPDATED_AT, s(t.updatedAt().toString()));
        item.put(UPDATED_BY, s(t.updatedBy()));
        if (t.publishedAt() != null) {
            item.put(PUBLISHED_AT, s(sortable(t.publishedAt())));
            String sortKey = publishedSortKey(t.publishedAt(), story.id());
            switch (t.status()) {
                case PUBLISHED -> {
                    item.put(GSI1PK, s(publishedKey(t.lang())));
                    item.put(GSI1SK, s(sortKey));
                    item.put(GSI2PK, s(categoryKey(t.lang(), story.category())));
                    item.put(GSI2SK, s(sortKey));
                }
                case SCHEDULED -> {
                    item.put(GSI1PK, s(SCHEDULED));
                    item.put(GSI1SK, s(sortKey + "#" + t.lang()));
                }
                case DRAFT -> {}
            }
        }
        return item;
    }

    /**
     * A story from its META item and its translation items, with their source items where they were
     * read (a translation without one has the source its own item holds, if any, or none).
     */
    static Story story(Map<String, AttributeValue> meta, List<Map<String, AttributeValue>> langs) {
        Map<String, String> sources = new HashMap<>();
        for (Map<String, AttributeValue> item : langs) {
            if (str(item, SK).endsWith(SOURCE_SUFFIX)) sources.put(str(item, LANG), str(item, BODY_SOURCE));
        }
        Map<String, Translation> translations = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : langs) {
            if (str(item, SK).endsWith(SOURCE_SUFFIX)) continue;
            Translation t = translation(item, sources.get(str(item, LANG)));
            translations.put(t.lang(), t);
        }
        StoryOutline shared = outline(meta, List.of());
        return new Story(
                shared.id(),
                shared.category(),
                shared.tags(),
                shared.author(),
                shared.image(),
                GalleryItems.gallery(meta),
                shared.version(),
                shared.createdAt(),
                shared.createdBy(),
                shared.updatedAt(),
                shared.updatedBy(),
                translations);
    }

    /** A story as lists show it, from its META item and its translations' outline items. */
    static StoryOutline outline(Map<String, AttributeValue> meta, List<Map<String, AttributeValue>> langs) {
        Map<String, Translation.Outline> translations = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : langs) {
            Translation.Outline t = translationOutline(item);
            translations.put(t.lang(), t);
        }
        List<String> tags = new ArrayList<>();
        if (meta.containsKey(TAGS)) meta.get(TAGS).l().forEach(v -> tags.add(v.s()));
        return new StoryOutline(
                new StoryId(str(meta, ID)),
                str(meta, CATEGORY),
                tags,
                str(meta, AUTHOR),
                meta.containsKey(IMAGE) ? new Image(str(meta, IMAGE)) : null,
                Long.parseLong(meta.get(VERSION).n()),
                Instant.parse(str(meta, CREATED_AT)),
                str(meta, CREATED_BY),
                Instant.parse(str(meta, UPDATED_AT)),
                str(meta, UPDATED_BY),
                translations);
    }

    public static Translation translation(Map<String, AttributeValue> item) {
        return translation(item, null);
    }

    private static Translation translation(Map<String, AttributeValue> item, String source) {
        return Translation.of(
                translationOutline(item),
                // read without its source item (a page), a translation has an empty source
                source != null ? source : item.containsKey(BODY_SOURCE) ? str(item, BODY_SOURCE) : "",
                CompressedBodies.decode(item.get(BODY_HTML)));
    }

    static Translation.Outline translationOutline(Map<String, AttributeValue> item) {
        return new Translation.Outline(
                str(item, LANG),
                str(item, TITLE),
                str(item, LEAD),
                str(item, DATELINE),
                BodyFormat.valueOf(str(item, FORMAT).toUpperCase(java.util.Locale.ROOT)),
                str(item, SLUG),
                Status.fromWire(str(item, STATUS)),
                item.containsKey(PUBLISHED_AT) ? Instant.parse(str(item, PUBLISHED_AT)) : null,
                item.containsKey(CAPTION) ? str(item, CAPTION) : null,
                item.containsKey(IMAGE_ALT) ? str(item, IMAGE_ALT) : null,
                Instant.parse(str(item, UPDATED_AT)),
                str(item, UPDATED_BY));
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
