package newsroom.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import newsroom.image.UploadProcessor;
import newsroom.render.RebuildQueue;
import newsroom.render.Rebuilds;
import newsroom.site.Config;
import newsroom.story.Actor;
import newsroom.story.FieldError;
import newsroom.story.Outcome;
import newsroom.story.Permissions;
import newsroom.story.Picture;
import newsroom.story.PictureCatalog;
import newsroom.story.Rejection;
import newsroom.story.Status;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryRepository;
import newsroom.story.StoryService;

/** The API's routes: each one reads its request, calls the newsroom once, and shapes the answer. */
public final class Articles {
    /** The longest title search, and how many stories one search request reads at most. */
    static final int MAX_SEARCH = 200;

    static final int SEARCH_SCAN = 1000;

    static final Map<String, String> IMAGE_TYPES =
            Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp", "image/gif", "gif");
    static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    private static final Duration UPLOAD_WINDOW = Duration.ofMinutes(10);

    /** Renders the page a translation would have if it were published now. */
    @FunctionalInterface
    public interface Previews {
        byte[] preview(Story story, String lang);
    }

    private final StoryService stories;
    private final Config config;
    private final Clock clock;
    private final MediaUploads media;
    private final PictureCatalog pictures;
    private final Previews previews;
    private final RebuildQueue rebuilds;
    private final String openApi;

    public Articles(
            StoryService stories,
            Config config,
            Clock clock,
            MediaUploads media,
            PictureCatalog pictures,
            Previews previews,
            RebuildQueue rebuilds) {
        this.stories = stories;
        this.config = config;
        this.clock = clock;
        this.media = media;
        this.pictures = pictures;
        this.previews = previews;
        this.rebuilds = rebuilds;
        this.openApi = resource("openapi.json");
    }

    /** The response, and the infrastructure failure behind a 500 if there was one (for the log). */
    public record Answer(APIGatewayV2HTTPResponse response, RuntimeException failure) {}

    /** Answers one request; a refusal becomes problem+json, a failure a 500 that names nothing. */
    public Answer answer(APIGatewayV2HTTPEvent event) {
        try {
            return new Answer(answer(Request.of(event)), null);
        } catch (ApiException e) {
            return new Answer(Responses.problem(e.status, e.title, e.getMessage(), e.errors), null);
        } catch (RuntimeException e) {
            // an infrastructure failure: logged with its stack trace, answered without its message
            return new Answer(
                    Responses.problem(
                            500,
                            "Internal error",
                            "The request could not be completed; it is safe to retry.",
                            List.of()),
                    e);
        }
    }

    /**
     * Loads the JSON side (parsing a request, writing a response), work the first request would do;
     * a failure is ignored, since the first request loads the same classes.
     */
    public static void primeJson() {
        try {
            Json.object("{\"title\": \"priming\", \"n\": [1, 2.5, true, null]}", false, false);
            Responses.json(200, ArticleJson.revisions(List.of()), Map.of());
            Responses.problem(404, "Not found", "priming", List.of());
        } catch (RuntimeException ignored) {
            // the first request will load the same classes
        }
    }

    APIGatewayV2HTTPResponse answer(Request request) {
        String route = request.routeKey();
        if (route.equals("GET /openapi.json")) {
            return Responses.raw(200, "application/json", openApi, Map.of("Cache-Control", "public, max-age=300"));
        }
        Actor actor = request.actor()
                .orElseThrow(() -> ApiException.of(401, "Unauthorized", "A valid bearer token is required."));
        return switch (route) {
            case "POST /articles" -> create(actor, request);
            case "GET /articles" -> list(actor, request);
            case "GET /articles/{id}" -> read(actor, request);
            case "PUT /articles/{id}" -> replace(actor, request);
            case "DELETE /articles/{id}" -> delete(actor, request);
            case "PUT /articles/{id}/translations/{lang}" -> putTranslation(actor, request);
            case "DELETE /articles/{id}/translations/{lang}" -> deleteTranslation(actor, request);
            case "POST /articles/{id}/publish" -> publish(actor, request);
            case "POST /articles/{id}/unpublish" -> unpublish(actor, request);
            case "GET /articles/{id}/preview/{lang}" -> preview(actor, request);
            case "GET /articles/{id}/revisions" -> revisions(actor, request);
            case "GET /articles/{id}/revisions/{rev}" -> revision(actor, request);
            case "POST /articles/{id}/revisions/{rev}/restore" -> restore(actor, request);
            case "POST /media" -> media(actor, request);
            case "GET /media/{year}/{month}/{file}" -> picture(actor, request);
            case "POST /site/rebuild" -> rebuild(actor);
            default -> throw ApiException.of(404, "Not found", "No such route.");
        };
    }

    private APIGatewayV2HTTPResponse create(Actor actor, Request request) {
        requireWriter(actor);
        var input = ArticleJson.story(Json.object(request.body(), request.base64(), false));
        Story story = done(stories.create(actor, input));
        return storyResponse(
                201, story, Map.of("Location", "/articles/" + story.id().value()));
    }

    private APIGatewayV2HTTPResponse list(Actor actor, Request request) {
        requireWriter(actor);
        Map<String, String> q = request.query();
        List<FieldError> errors = new ArrayList<>();
        for (String name : q.keySet()) {
            if (!Set.of("status", "lang", "category", "cursor", "limit", "q").contains(name)) {
                errors.add(new FieldError(name, "unknown query parameter"));
            }
        }
        Optional<Status> status = Optional.empty();
        if (q.containsKey("status")) {
            try {
                status = Optional.of(Status.fromWire(q.get("status")));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be draft, scheduled or published"));
            }
        }
        Optional<String> lang = Optional.ofNullable(q.get("lang"));
        if (lang.isPresent() && !config.languages().contains(lang.get())) {
            errors.add(new FieldError("lang", "must be one of " + config.languages()));
        }
        Optional<String> category = Optional.ofNullable(q.get("category"));
        if (category.isPresent() && !config.categories().contains(category.get())) {
            errors.add(new FieldError("category", "must be one of " + config.categories()));
        }
        int limit = 20;
        if (q.containsKey("limit")) {
            try {
                limit = Integer.parseInt(q.get("limit"));
                if (limit < 1 || limit > 100) errors.add(new FieldError("limit", "must be 1 to 100"));
            } catch (NumberFormatException e) {
                errors.add(new FieldError("limit", "must be a number from 1 to 100"));
            }
        }
        Optional<String> search = Optional.ofNullable(q.get("q")).map(String::strip);
        if (search.isPresent() && (search.get().isEmpty() || search.get().length() > MAX_SEARCH)) {
            errors.add(new FieldError("q", "1 to " + MAX_SEARCH + " characters"));
        }
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        var filter = new StoryRepository.StoryFilter(status, lang, category);
        StoryRepository.Page<Story> page;
        try {
            page = search.isEmpty()
                    ? stories.list(filter, Optional.ofNullable(q.get("cursor")), limit)
                    : searchTitles(filter, search.get(), Optional.ofNullable(q.get("cursor")), limit);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cursor", "is not a cursor this API returned");
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        var items = body.putArray("items");
        page.items().forEach(s -> items.add(ArticleJson.write(s)));
        if (page.nextCursor().isPresent())
            body.put("nextCursor", page.nextCursor().get());
        else body.putNull("nextCursor");
        return Responses.json(200, body, Map.of());
    }

    /**
     * Stories whose title in any language contains {@code text} (ignoring case), newest first. Each
     * read asks for no more stories than matches are still missing, so a page never holds more than
     * {@code limit}; a page may hold fewer when the scan budget ends first, and its cursor goes on
     * from where the scan stopped.
     */
    private StoryRepository.Page<Story> searchTitles(
            StoryRepository.StoryFilter filter, String text, Optional<String> cursor, int limit) {
        String needle = text.toLowerCase(Locale.ROOT);
        List<Story> found = new ArrayList<>();
        Optional<String> next = cursor;
        int scanned = 0;
        do {
            var page = stories.list(filter, next, limit - found.size());
            scanned += page.items().size();
            for (Story story : page.items()) {
                if (story.translations().values().stream()
                        .anyMatch(t -> t.title().toLowerCase(Locale.ROOT).contains(needle))) found.add(story);
            }
            next = page.nextCursor();
        } while (next.isPresent() && found.size() < limit && scanned < SEARCH_SCAN);
        return new StoryRepository.Page<>(found, next);
    }

    private APIGatewayV2HTTPResponse read(Actor actor, Request request) {
        requireWriter(actor);
        Story story = found(id(request));
        return storyResponse(200, story, Map.of());
    }

    private APIGatewayV2HTTPResponse replace(Actor actor, Request request) {
        requireWriter(actor);
        StoryId id = id(request);
        long version = ifMatch(request);
        var input = ArticleJson.story(Json.object(request.body(), request.base64(), false));
        return storyResponse(200, done(stories.replace(actor, id, version, input)), Map.of());
    }

    private APIGatewayV2HTTPResponse delete(Actor actor, Request request) {
        requireEditor(actor);
        StoryId id = id(request);
        long version = ifMatch(request);
        done(stories.delete(actor, id, version));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(204)
                .withHeaders(Map.of())
                .build();
    }

    private APIGatewayV2HTTPResponse putTranslation(Actor actor, Request request) {
        requireWriter(actor);
        StoryId id = id(request);
        String lang = lang(request);
        long version = ifMatch(request);
        var input = ArticleJson.translation(Json.object(request.body(), request.base64(), false));
        return storyResponse(200, done(stories.putTranslation(actor, id, lang, version, input)), Map.of());
    }

    private APIGatewayV2HTTPResponse deleteTranslation(Actor actor, Request request) {
        requireWriter(actor);
        StoryId id = id(request);
        String lang = lang(request);
        long version = ifMatch(request);
        return storyResponse(200, done(stories.deleteTranslation(actor, id, lang, version)), Map.of());
    }

    private APIGatewayV2HTTPResponse publish(Actor actor, Request request) {
        requireEditor(actor);
        StoryId id = id(request);
        long version = ifMatch(request);
        ObjectNode body = Json.object(request.body(), request.base64(), true);
        List<FieldError> errors = new ArrayList<>();
        Json.onlyFields(body, "", Set.of("languages", "at"), errors);
        List<String> langs = Json.strings(body, "languages", "", errors);
        String at = Json.string(body, "at", "", errors);
        Optional<Instant> when = Optional.empty();
        if (at != null) {
            try {
                when = Optional.of(OffsetDateTime.parse(at).toInstant());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("at", "must be an ISO-8601 date-time with offset"));
            }
        }
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        return storyResponse(200, done(stories.publish(actor, id, version, langs, when)), Map.of());
    }

    private APIGatewayV2HTTPResponse unpublish(Actor actor, Request request) {
        requireEditor(actor);
        StoryId id = id(request);
        long version = ifMatch(request);
        ObjectNode body = Json.object(request.body(), request.base64(), true);
        List<FieldError> errors = new ArrayList<>();
        Json.onlyFields(body, "", Set.of("languages"), errors);
        List<String> langs = Json.strings(body, "languages", "", errors);
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        return storyResponse(200, done(stories.unpublish(actor, id, version, langs)), Map.of());
    }

    private APIGatewayV2HTTPResponse preview(Actor actor, Request request) {
        requireWriter(actor);
        StoryId id = id(request);
        String lang = lang(request);
        Story story = found(id);
        if (story.translation(lang).isEmpty()) {
            throw ApiException.of(404, "Not found", "The story has no " + lang + " translation.");
        }
        byte[] html = previews.preview(story, lang);
        return Responses.raw(
                200,
                "text/html; charset=utf-8",
                new String(html, StandardCharsets.UTF_8),
                Map.of("Cache-Control", "no-store", "ETag", story.etag()));
    }

    private APIGatewayV2HTTPResponse revisions(Actor actor, Request request) {
        requireWriter(actor);
        StoryId id = id(request);
        var tombstone = historyReadable(actor, id);
        return Responses.json(200, ArticleJson.revisions(stories.revisions(id), tombstone), Map.of());
    }

    private APIGatewayV2HTTPResponse revision(Actor actor, Request request) {
        requireWriter(actor);
        StoryId id = id(request);
        RevisionId rev = revisionId(request);
        historyReadable(actor, id);
        var revision = stories.revision(id, rev.version(), rev.lang())
                .orElseThrow(() -> ApiException.of(404, "Not found", "The story has no such revision."));
        return Responses.json(200, ArticleJson.revision(revision), Map.of());
    }

    private APIGatewayV2HTTPResponse restore(Actor actor, Request request) {
        requireWriter(actor);
        StoryId id = id(request);
        RevisionId rev = revisionId(request);
        long version = ifMatch(request);
        return storyResponse(200, done(stories.restore(actor, id, version, rev.version(), rev.lang())), Map.of());
    }

    /**
     * The story's history may be read while the story exists, and, by editors, for the retention
     * period after it was deleted; answers the tombstone of a deleted story.
     */
    private Optional<StoryRepository.Tombstone> historyReadable(Actor actor, StoryId id) {
        if (stories.find(id).isPresent()) return Optional.empty();
        var tombstone = stories.tombstone(id);
        if (tombstone.isPresent() && Permissions.readDeletedHistory(actor)) return tombstone;
        throw ApiException.of(404, "Not found", "No story has this id.");
    }

    private record RevisionId(long version, String lang) {}

    private static final java.util.regex.Pattern REVISION_ID =
            java.util.regex.Pattern.compile("^([1-9][0-9]{0,15})-([a-z]{2,8}|all)$");

    private RevisionId revisionId(Request request) {
        String raw = request.path("rev");
        var m = raw == null ? null : REVISION_ID.matcher(raw);
        if (m == null || !m.matches()) {
            throw ApiException.of(404, "Not found", "No revision has this id; ids look like 3-en.");
        }
        String lang = m.group(2).equals("all") ? "*" : m.group(2);
        return new RevisionId(Long.parseLong(m.group(1)), lang);
    }

    private APIGatewayV2HTTPResponse media(Actor actor, Request request) {
        requireWriter(actor);
        ObjectNode body = Json.object(request.body(), request.base64(), false);
        List<FieldError> errors = new ArrayList<>();
        Json.onlyFields(body, "", Set.of("contentType", "size"), errors);
        String type = Json.string(body, "contentType", "", errors);
        JsonNode size = body.get("size");
        if (type == null || !IMAGE_TYPES.containsKey(type.toLowerCase(Locale.ROOT))) {
            errors.add(new FieldError("contentType", "must be one of " + IMAGE_TYPES.keySet()));
        }
        if (size == null
                || !size.canConvertToLong()
                || !size.isIntegralNumber()
                || size.asLong() < 1
                || size.asLong() > MAX_IMAGE_BYTES) {
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
        var url = media.presignPut(key, contentType, size.asLong(), UPLOAD_WINDOW);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("src", src);
        out.put("uploadUrl", url.toString());
        out.put("method", "PUT");
        out.putObject("headers")
                .put("Content-Type", contentType)
                .put("Content-Length", Long.toString(size.asLong()))
                // signed into the URL: an upload without it is refused
                .put("Cache-Control", MediaUploads.CACHE_CONTROL);
        out.put("expiresAt", now.plus(UPLOAD_WINDOW).toString());
        return Responses.json(201, out, Map.of("Location", src));
    }

    private APIGatewayV2HTTPResponse picture(Actor actor, Request request) {
        requireWriter(actor);
        String name = request.path("year") + "/" + request.path("month") + "/" + request.path("file");
        String src = "/media/" + name;
        if (UploadProcessor.srcOf(UploadProcessor.UPLOADS_PREFIX + name).isEmpty()) {
            throw ApiException.of(404, "Not found", "No upload has this name.");
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
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

    private static void rendition(ObjectNode node, Picture.Rendition r) {
        node.put("src", r.src());
        node.put("width", r.width());
        node.put("height", r.height());
    }

    private APIGatewayV2HTTPResponse rebuild(Actor actor) {
        allow(Permissions.rebuildSite(actor));
        rebuilds.send(List.of(Rebuilds.PLAN));
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("status", "accepted");
        return Responses.json(202, out, Map.of());
    }

    // --- shared request parts

    private StoryId id(Request request) {
        String raw = request.path("id");
        if (!StoryId.isValid(raw)) throw ApiException.of(404, "Not found", "No story has this id.");
        return new StoryId(raw);
    }

    private String lang(Request request) {
        String lang = request.path("lang");
        if (!config.languages().contains(lang)) {
            throw ApiException.of(404, "Not found", "Unknown language; use one of " + config.languages() + ".");
        }
        return lang;
    }

    private Story found(StoryId id) {
        return stories.find(id).orElseThrow(() -> ApiException.of(404, "Not found", "No story has this id."));
    }

    /** The version the client read, from If-Match: required for every change to an existing story. */
    private static long ifMatch(Request request) {
        String header = request.header("If-Match")
                .orElseThrow(() ->
                        ApiException.of(428, "Precondition required", "Send If-Match with the ETag you last read."));
        String value = header.strip();
        if (value.startsWith("W/")) value = value.substring(2);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 1) throw new NumberFormatException();
            return version;
        } catch (NumberFormatException e) {
            throw ApiException.of(412, "Precondition failed", "If-Match does not match the current version.");
        }
    }

    private static void requireWriter(Actor actor) {
        allow(Permissions.useStaffApi(actor));
    }

    private static void requireEditor(Actor actor) {
        // asked before the request is read, so a writer learns first that the answer is no
        allow(Permissions.publish(actor));
    }

    private static void allow(Optional<Rejection.NotAllowed> refused) {
        if (refused.isPresent()) throw forbidden(refused.get().reason());
    }

    private static ApiException forbidden(String detail) {
        return ApiException.of(403, "Forbidden", detail);
    }

    private static <T> T done(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Done<T> d) return d.value();
        Rejection reason = ((Outcome.Rejected<T>) outcome).reason();
        if (reason instanceof Rejection.NotFound n)
            throw ApiException.of(404, "Not found", "No such " + n.what() + ".");
        if (reason instanceof Rejection.Stale) {
            throw ApiException.of(
                    412,
                    "Precondition failed",
                    "The story changed since you read it; read it again and reapply your change.");
        }
        if (reason instanceof Rejection.Invalid i) throw ApiException.invalid(i.errors());
        if (reason instanceof Rejection.SlugTaken s) {
            throw new ApiException(
                    409,
                    "Slug taken",
                    "Another story already uses this slug.",
                    List.of(new FieldError("translations." + s.lang() + ".slug", "already used: " + s.slug())));
        }
        if (reason instanceof Rejection.NotAllowed n) throw forbidden(n.reason());
        throw new IllegalStateException("unmapped rejection");
    }

    private static APIGatewayV2HTTPResponse storyResponse(int status, Story story, Map<String, String> headers) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("ETag", story.etag());
        return Responses.json(status, ArticleJson.write(story), all);
    }

    private static String resource(String name) {
        try (InputStream in = Articles.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
