package newsroom.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newsroom.image.UploadProcessor;
import newsroom.lambda.Wiring;
import newsroom.story.Actor;
import newsroom.story.BodyFormat;
import newsroom.story.Outcome;
import newsroom.story.Story;
import newsroom.story.StoryInput;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Loads the demo stories shipped with the local stack (written for the project in kk, ru and en)
 * through the same service the API uses, and publishes them at their own dates.
 */
public final class DemoContent {
    static final int STORIES = 9;
    static final List<String> MEDIA = List.of("bus.svg", "park.svg", "building.svg");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor EDITOR = new Actor("demo-editor", Set.of("editors"));

    private DemoContent() {}

    /** Creates and publishes every demo story; returns how many. */
    public static int load(Wiring services, S3Client s3, String bucket) {
        for (String name : MEDIA) {
            byte[] svg = resource("demo/media/" + name);
            if (svg == null) continue;
            s3.putObject(
                    b -> b.bucket(bucket)
                            .key("media/demo/" + name)
                            .contentType("image/svg+xml")
                            .cacheControl("public, max-age=86400"),
                    RequestBody.fromBytes(svg));
        }
        Map<String, String> pictures = pictures(services, s3);
        int loaded = 0;
        for (int i = 1; i <= STORIES; i++) {
            byte[] raw = resource(String.format("demo/story-%02d.json", i));
            if (raw == null) continue;
            JsonNode node;
            try {
                node = JSON.readTree(raw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            JsonNode image = node.get("image");
            if (image != null
                    && image.isObject()
                    && pictures.containsKey(image.get("src").textValue())) {
                ((ObjectNode) image).put("src", pictures.get(image.get("src").textValue()));
            }
            if (node.get("gallery") != null) {
                for (JsonNode shown : node.get("gallery")) {
                    String demo = shown.get("src").textValue();
                    if (pictures.containsKey(demo)) ((ObjectNode) shown).put("src", pictures.get(demo));
                }
            }
            Story story = done(services.stories().create(EDITOR, input(node)));
            Optional<java.time.Instant> at = Optional.ofNullable(node.get("publishedAt"))
                    .filter(JsonNode::isTextual)
                    .map(v -> OffsetDateTime.parse(v.textValue()).toInstant());
            done(services.stories().publish(EDITOR, story.id(), story.version(), List.of(), at));
            loaded++;
        }
        return loaded;
    }

    /**
     * Each illustration drawn as a picture, uploaded under a fixed upload key and processed at once,
     * as the image function does with an editor's upload: its renditions exist before the stories
     * name it, so pages and lists show them. Returns each illustration's src and the picture's.
     */
    private static Map<String, String> pictures(Wiring services, S3Client s3) {
        Map<String, String> pictures = new LinkedHashMap<>();
        for (int i = 0; i < MEDIA.size(); i++) {
            String name = MEDIA.get(i).replace(".svg", "");
            String key = String.format("uploads/2026/01/00000000-0000-4000-8000-%012d.jpg", i + 1);
            byte[] jpeg = DemoPictures.jpeg(name);
            s3.putObject(
                    b -> b.bucket(LocalCloud.UPLOADS_BUCKET).key(key).contentType("image/jpeg"),
                    RequestBody.fromBytes(jpeg));
            if (services.uploadProcessor().process(LocalCloud.UPLOADS_BUCKET, key)
                    instanceof UploadProcessor.Outcome.Ready ready) {
                pictures.put("/media/demo/" + MEDIA.get(i), ready.picture().src());
            }
        }
        return pictures;
    }

    static StoryInput input(JsonNode node) {
        JsonNode image = node.get("image");
        String src = image != null && image.isObject() ? image.get("src").textValue() : null;
        Map<String, StoryInput.TranslationInput> translations = new LinkedHashMap<>();
        node.get("translations").fields().forEachRemaining(e -> {
            JsonNode t = e.getValue();
            String alt = image != null
                            && image.isObject()
                            && image.has("alt")
                            && image.get("alt").has(e.getKey())
                    ? image.get("alt").get(e.getKey()).textValue()
                    : null;
            translations.put(
                    e.getKey(),
                    new StoryInput.TranslationInput(
                            text(t, "title"),
                            text(t, "lead"),
                            text(t, "dateline"),
                            text(t, "body"),
                            "html".equals(text(t, "format")) ? BodyFormat.HTML : BodyFormat.MARKDOWN,
                            text(t, "slug"),
                            text(t, "caption"),
                            alt));
        });
        List<String> tags = new ArrayList<>();
        if (node.has("tags")) node.get("tags").forEach(tag -> tags.add(tag.textValue()));
        List<StoryInput.GalleryInput> gallery = new ArrayList<>();
        if (node.has("gallery")) {
            node.get("gallery")
                    .forEach(shown -> gallery.add(new StoryInput.GalleryInput(
                            text(shown, "src"), texts(shown.get("caption")), texts(shown.get("alt")))));
        }
        return new StoryInput(text(node, "category"), tags, text(node, "author"), src, gallery, translations);
    }

    /** A text per language, as the demo files write captions and alt texts. */
    private static Map<String, String> texts(JsonNode byLanguage) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (byLanguage != null)
            byLanguage
                    .fields()
                    .forEachRemaining(e -> texts.put(e.getKey(), e.getValue().textValue()));
        return texts;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static <T> T done(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> d) return d.value();
        throw new IllegalStateException("demo content rejected: " + ((Outcome.Rejected<T>) outcome).reason());
    }

    private static byte[] resource(String name) {
        try (InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
