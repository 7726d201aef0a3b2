package newsroom.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.json.JsonArray;
import newsroom.json.JsonObject;
import newsroom.json.JsonValue;
import newsroom.render.SitePaths;
import newsroom.story.BodyFormat;
import newsroom.story.FieldError;
import newsroom.story.GalleryImage;
import newsroom.story.Revision;
import newsroom.story.Story;
import newsroom.story.StoryInput;
import newsroom.story.StoryOutline;
import newsroom.story.Translation;

/** The API's JSON shapes of stories, read field by field and written the same way. */
final class ArticleJson {
    static final Set<String> STORY_FIELDS = Set.of("category", "tags", "author", "image", "gallery", "translations");
    static final Set<String> IMAGE_FIELDS = Set.of("src");
    static final Set<String> GALLERY_FIELDS = Set.of("src", "caption", "alt");
    static final Set<String> TRANSLATION_FIELDS =
            Set.of("title", "lead", "dateline", "body", "format", "slug", "caption", "imageAlt");

    private ArticleJson() {}

    static StoryInput story(JsonObject node) {
        List<FieldError> errors = new ArrayList<>();
        Json.onlyFields(node, "", STORY_FIELDS, errors);
        String category = Json.string(node, "category", "", errors);
        List<String> tags = Json.strings(node, "tags", "", errors);
        String author = Json.string(node, "author", "", errors);
        String imageSrc = null;
        JsonValue image = node.get("image");
        if (image != null && !image.isNull()) {
            if (!(image instanceof JsonObject imageObject)) {
                errors.add(new FieldError("image", "must be an object with src"));
            } else {
                Json.onlyFields(imageObject, "image.", IMAGE_FIELDS, errors);
                imageSrc = Json.string(imageObject, "src", "image.", errors);
                if (imageSrc == null) errors.add(new FieldError("image.src", "is required"));
            }
        }
        List<StoryInput.GalleryInput> gallery = gallery(node.get("gallery"), errors);
        Map<String, StoryInput.TranslationInput> translations = new LinkedHashMap<>();
        JsonValue langs = node.get("translations");
        if (langs == null || langs.isNull()) {
            errors.add(new FieldError("translations", "is required"));
        } else if (!(langs instanceof JsonObject byLanguage)) {
            errors.add(new FieldError("translations", "must be an object keyed by language"));
        } else {
            byLanguage.fields().forEach((lang, value) -> {
                String prefix = "translations." + lang + ".";
                if (!(value instanceof JsonObject translation)) {
                    errors.add(new FieldError("translations." + lang, "must be an object"));
                } else {
                    translations.put(lang, translation(translation, prefix, errors));
                }
            });
        }
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        return new StoryInput(category, tags, author, imageSrc, gallery, translations);
    }

    /** The gallery as sent: its order is the order readers see. */
    private static List<StoryInput.GalleryInput> gallery(JsonValue node, List<FieldError> errors) {
        List<StoryInput.GalleryInput> gallery = new ArrayList<>();
        if (node == null || node.isNull()) return gallery;
        if (!(node instanceof JsonArray pictures)) {
            errors.add(new FieldError("gallery", "must be an array of pictures"));
            return gallery;
        }
        for (int i = 0; i < pictures.size(); i++) {
            String prefix = "gallery[" + i + "].";
            if (!(pictures.get(i) instanceof JsonObject item)) {
                errors.add(new FieldError("gallery[" + i + "]", "must be an object with src"));
                continue;
            }
            Json.onlyFields(item, prefix, GALLERY_FIELDS, errors);
            gallery.add(new StoryInput.GalleryInput(
                    Json.string(item, "src", prefix, errors),
                    byLanguage(item.get("caption"), prefix + "caption", errors),
                    byLanguage(item.get("alt"), prefix + "alt", errors)));
        }
        return gallery;
    }

    private static Map<String, String> byLanguage(JsonValue node, String field, List<FieldError> errors) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node == null || node.isNull()) return texts;
        if (!(node instanceof JsonObject byLanguage)) {
            errors.add(new FieldError(field, "must be an object keyed by language"));
            return texts;
        }
        byLanguage
                .fields()
                .keySet()
                .forEach(lang -> texts.put(lang, Json.string(byLanguage, lang, field + ".", errors)));
        return texts;
    }

    static StoryInput.TranslationInput translation(JsonObject node) {
        List<FieldError> errors = new ArrayList<>();
        StoryInput.TranslationInput input = translation(node, "", errors);
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        return input;
    }

    private static StoryInput.TranslationInput translation(JsonObject node, String prefix, List<FieldError> errors) {
        Json.onlyFields(node, prefix, TRANSLATION_FIELDS, errors);
        String format = Json.string(node, "format", prefix, errors);
        BodyFormat bodyFormat = BodyFormat.MARKDOWN;
        if ("html".equals(format)) bodyFormat = BodyFormat.HTML;
        else if (format != null && !"markdown".equals(format)) {
            errors.add(new FieldError(prefix + "format", "must be markdown or html"));
        }
        return new StoryInput.TranslationInput(
                Json.string(node, "title", prefix, errors),
                Json.string(node, "lead", prefix, errors),
                Json.string(node, "dateline", prefix, errors),
                Json.string(node, "body", prefix, errors),
                bodyFormat,
                Json.string(node, "slug", prefix, errors),
                Json.string(node, "caption", prefix, errors),
                Json.string(node, "imageAlt", prefix, errors));
    }

    static JsonObject write(Story story) {
        Map<String, String> bodies = new HashMap<>();
        story.translations().values().forEach(t -> bodies.put(t.lang(), t.bodySource()));
        JsonObject node = write(StoryOutline.of(story), bodies);
        // a list shows no gallery: only a story read whole carries it
        var gallery = node.putArray("gallery");
        for (GalleryImage g : story.gallery()) {
            JsonObject out = gallery.addObject().put("src", g.src());
            JsonObject captions = out.putObject("caption");
            g.captions().forEach(captions::put);
            JsonObject alts = out.putObject("alt");
            g.alts().forEach(alts::put);
        }
        return node;
    }

    /** A story as the staff list shows it: its translations' outlines, without bodies. */
    static JsonObject outline(StoryOutline story) {
        return write(story, Map.of());
    }

    private static JsonObject write(StoryOutline story, Map<String, String> bodies) {
        JsonObject node = new JsonObject();
        node.put("id", story.id().value());
        node.put("version", story.version());
        node.put("category", story.category());
        var tags = node.putArray("tags");
        story.tags().forEach(tags::add);
        node.put("author", story.author());
        if (story.image() == null) node.putNull("image");
        else node.putObject("image").put("src", story.image().src());
        node.put("createdAt", story.createdAt().toString());
        node.put("createdBy", story.createdBy());
        node.put("updatedAt", story.updatedAt().toString());
        node.put("updatedBy", story.updatedBy());
        JsonObject translations = node.putObject("translations");
        for (Translation.Outline t : story.translations().values()) {
            JsonObject out = translations.putObject(t.lang());
            out.put("title", t.title());
            out.put("lead", t.lead());
            out.put("dateline", t.dateline());
            if (bodies.containsKey(t.lang())) out.put("body", bodies.get(t.lang()));
            out.put("format", t.format().wire());
            out.put("slug", t.slug());
            out.put("status", t.status().wire());
            if (t.publishedAt() == null) out.putNull("publishedAt");
            else out.put("publishedAt", t.publishedAt().toString());
            out.put("url", SitePaths.article(t.lang(), t.slug()));
            if (t.caption() == null) out.putNull("caption");
            else out.put("caption", t.caption());
            if (t.imageAlt() == null) out.putNull("imageAlt");
            else out.put("imageAlt", t.imageAlt());
            out.put("updatedAt", t.updatedAt().toString());
            out.put("updatedBy", t.updatedBy());
        }
        return node;
    }

    static JsonObject revisions(List<Revision> revisions) {
        return revisions(revisions, java.util.Optional.empty());
    }

    static JsonObject revisions(
            List<Revision> revisions, java.util.Optional<newsroom.story.StoryRepository.Tombstone> tombstone) {
        JsonObject node = new JsonObject();
        var items = node.putArray("items");
        for (Revision r : revisions) revisionFields(items.addObject(), r);
        tombstone.ifPresent(t -> node.putObject("deleted")
                .put("at", t.deletedAt().toString())
                .put("by", t.deletedBy())
                .put("historyUntil", t.expiresAt().toString()));
        return node;
    }

    static JsonObject revision(Revision r) {
        JsonObject node = revisionFields(new JsonObject(), r);
        Revision.Text text = r.text();
        if (text == null) {
            node.putNull("translation");
            return node;
        }
        JsonObject out = node.putObject("translation");
        out.put("title", text.title());
        out.put("lead", text.lead());
        out.put("dateline", text.dateline());
        out.put("body", text.body());
        out.put("format", text.format().wire());
        out.put("slug", text.slug());
        if (text.caption() == null) out.putNull("caption");
        else out.put("caption", text.caption());
        if (text.imageAlt() == null) out.putNull("imageAlt");
        else out.put("imageAlt", text.imageAlt());
        return node;
    }

    private static JsonObject revisionFields(JsonObject node, Revision r) {
        return node.put("id", r.id())
                .put("at", r.at().toString())
                .put("startedAt", r.startedAt().toString())
                .put("lang", r.lang())
                .put("action", r.action())
                .put("by", r.by())
                .put("version", r.version());
    }
}
