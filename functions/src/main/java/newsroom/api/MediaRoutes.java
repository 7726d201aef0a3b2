package newsroom.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import newsroom.image.UploadProcessor;
import newsroom.json.JsonObject;
import newsroom.json.JsonValue;
import newsroom.story.Actor;
import newsroom.story.FieldError;
import newsroom.story.Picture;
import newsroom.story.PictureCatalog;

/** The upload routes: a signed URL to upload one image, and what became of an upload. */
final class MediaRoutes {
    static final Map<String, String> IMAGE_TYPES =
            Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp", "image/gif", "gif");
    static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    private static final Duration UPLOAD_WINDOW = Duration.ofMinutes(10);

    private final Clock clock;
    private final MediaUploads media;
    private final PictureCatalog pictures;

    MediaRoutes(Clock clock, MediaUploads media, PictureCatalog pictures) {
        this.clock = clock;
        this.media = media;
        this.pictures = pictures;
    }

    Response media(Actor actor, Request request) {
        Articles.requireWriter(actor);
        JsonObject body = Json.object(request.body(), request.base64(), false);
        List<FieldError> errors = new ArrayList<>();
        Json.onlyFields(body, "", Set.of("contentType", "size"), errors);
        String type = Json.string(body, "contentType", "", errors);
        OptionalLong size = body.get("size") instanceof JsonValue.Number n ? n.asLong() : OptionalLong.empty();
        if (type == null || !IMAGE_TYPES.containsKey(type.toLowerCase(Locale.ROOT))) {
            errors.add(new FieldError("contentType", "must be one of " + IMAGE_TYPES.keySet()));
        }
        if (size.isEmpty() || size.getAsLong() < 1 || size.getAsLong() > MAX_IMAGE_BYTES) {
            errors.add(new FieldError("size", "must be a whole number of bytes from 1 to " + MAX_IMAGE_BYTES));
        }
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        String contentType = type.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        var date = now.atOffset(ZoneOffset.UTC);
        String name = String.format(
                Locale.ROOT,
                "%04d/%02d/%s.%s",
                date.getYear(),
                date.getMonthValue(),
                UUID.randomUUID(),
                IMAGE_TYPES.get(contentType));
        // the file goes to the private uploads prefix; readers only ever get its renditions, which
        // the image function writes under the src
        String key = UploadProcessor.UPLOADS_PREFIX + name;
        String src = "/media/" + name;
        var url = media.presignPut(key, contentType, size.getAsLong(), UPLOAD_WINDOW);
        JsonObject out = new JsonObject();
        out.put("src", src);
        out.put("uploadUrl", url.toString());
        out.put("method", "PUT");
        out.putObject("headers")
                .put("Content-Type", contentType)
                .put("Content-Length", Long.toString(size.getAsLong()))
                // signed into the URL: an upload without it is refused
                .put("Cache-Control", MediaUploads.CACHE_CONTROL);
        out.put("expiresAt", now.plus(UPLOAD_WINDOW).toString());
        return Responses.json(201, out, Map.of("Location", src));
    }

    Response picture(Actor actor, Request request) {
        Articles.requireWriter(actor);
        String name = request.path("year") + "/" + request.path("month") + "/" + request.path("file");
        String src = "/media/" + name;
        if (UploadProcessor.srcOf(UploadProcessor.UPLOADS_PREFIX + name).isEmpty()) {
            throw ApiException.of(404, "Not found", "No upload has this name.");
        }
        JsonObject out = new JsonObject();
        out.put("src", src);
        var found = pictures.find(src);
        if (found.isEmpty()) {
            out.put("status", "pending");
        } else {
            Picture p = found.get();
            out.put("status", p.status().wire());
            if (p.reason() != null) out.put("reason", p.reason());
            if (p.ready()) {
                out.put("width", p.width());
                out.put("height", p.height());
                var renditions = out.putArray("renditions");
                for (Picture.Rendition r : p.renditions()) rendition(renditions.addObject(), r);
                if (p.card() != null) rendition(out.putObject("card"), p.card());
            }
        }
        return Responses.json(200, out, Map.of("Cache-Control", "no-store"));
    }

    private static void rendition(JsonObject node, Picture.Rendition r) {
        node.put("src", r.src());
        node.put("width", r.width());
        node.put("height", r.height());
    }
}
