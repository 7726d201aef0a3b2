package newsroom.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newsroom.json.JsonObject;
import newsroom.render.RebuildQueue;
import newsroom.render.Rebuilds;
import newsroom.site.Config;
import newsroom.story.Actor;
import newsroom.story.FieldError;
import newsroom.story.Outcome;
import newsroom.story.Permissions;
import newsroom.story.PictureCatalog;
import newsroom.story.Rejection;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryService;

/** The API's routes: each one reads its request, calls the newsroom once, and shapes the answer. */
public final class Articles {

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
    private final StoryLists lists;
    private final MediaRoutes mediaRoutes;
    private final RevisionRoutes history;

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
        this.lists = new StoryLists(stories, config);
        this.mediaRoutes = new MediaRoutes(clock, media, pictures);
        this.history = new RevisionRoutes(stories);
    }

    /** The response, and the infrastructure failure behind a 500 if there was one (for the log). */
    public record Answer(Response response, RuntimeException failure) {}

    /** Answers one request; a refusal becomes problem+json, a failure a 500 that names nothing. */
    public Answer answer(Request request) {
        try {
            return new Answer(route(request), null);
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

    private Response route(Request request) {
        String route = request.routeKey();
        if (route.equals("GET /openapi.json")) {
            return Responses.raw(200, "application/json", openApi, Map.of("Cache-Control", "public, max-age=300"));
        }
        Actor actor = request.actor()
                .orElseThrow(() -> ApiException.of(401, "Unauthorized", "A valid bearer token is required."));
        return switch (route) {
            case "POST /articles" -> create(actor, request);
            case "GET /articles" -> lists.list(actor, request);
            case "GET /articles/{id}" -> read(actor, request);
            case "PUT /articles/{id}" -> replace(actor, request);
            case "DELETE /articles/{id}" -> delete(actor, request);
            case "PUT /articles/{id}/translations/{lang}" -> putTranslation(actor, request);
            case "DELETE /articles/{id}/translations/{lang}" -> deleteTranslation(actor, request);
            case "POST /articles/{id}/publish" -> publish(actor, request);
            case "POST /articles/{id}/unpublish" -> unpublish(actor, request);
            case "GET /articles/{id}/preview/{lang}" -> preview(actor, request);
            case "GET /articles/{id}/revisions" -> history.revisions(actor, request);
            case "GET /articles/{id}/revisions/{rev}" -> history.revision(actor, request);
            case "POST /articles/{id}/revisions/{rev}/restore" -> history.restore(actor, request);
            case "POST /media" -> mediaRoutes.media(actor, request);
            case "GET /media/{year}/{month}/{file}" -> mediaRoutes.picture(actor, request);
            case "POST /site/rebuild" -> rebuild(actor);
            default -> throw ApiException.of(404, "Not found", "No such route.");
        };
    }

    private Response create(Actor actor, Request request) {
        requireWriter(actor);
        var input = ArticleJson.story(Json.object(request.body(), request.base64(), false));
        Story story = done(stories.create(actor, input));
        return storyResponse(
                201, story, Map.of("Location", "/articles/" + story.id().value()));
    }

    private Response read(Actor actor, Request request) {
        requireWriter(actor);
        Story story = found(id(request));
        return storyResponse(200, story, Map.of());
    }

    private Response replace(Actor actor, Request request) {
        requireWriter(actor);
        StoryId id = id(request);
        long version = ifMatch(request);
        var input = ArticleJson.story(Json.object(request.body(), request.base64(), false));
        return storyResponse(200, done(stories.replace(actor, id, version, input)), Map.of());
    }

    private Response delete(Actor actor, Request request) {
        requireEditor(actor);
        StoryId id = id(request);
        long version = ifMatch(request);
        done(stories.delete(actor, id, version));
        return new Response(204, Map.of(), null);
    }

    private Response putTranslation(Actor actor, Request request) {
        requireWriter(actor);
        StoryId id = id(request);
        String lang = lang(request);
        long version = ifMatch(request);
        var input = ArticleJson.translation(Json.object(request.body(), request.base64(), false));
        return storyResponse(200, done(stories.putTranslation(actor, id, lang, version, input)), Map.of());
    }

    private Response deleteTranslation(Actor actor, Request request) {
        requireWriter(actor);
        StoryId id = id(request);
        String lang = lang(request);
        long version = ifMatch(request);
        return storyResponse(200, done(stories.deleteTranslation(actor, id, lang, version)), Map.of());
    }

    private Response publish(Actor actor, Request request) {
        requireEditor(actor);
        StoryId id = id(request);
        long version = ifMatch(request);
        JsonObject body = Json.object(request.body(), request.base64(), true);
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

    private Response unpublish(Actor actor, Request request) {
        requireEditor(actor);
        StoryId id = id(request);
        long version = ifMatch(request);
        JsonObject body = Json.object(request.body(), request.base64(), true);
        List<FieldError> errors = new ArrayList<>();
        Json.onlyFields(body, "", Set.of("languages"), errors);
        List<String> langs = Json.strings(body, "languages", "", errors);
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        return storyResponse(200, done(stories.unpublish(actor, id, version, langs)), Map.of());
    }

    private Response preview(Actor actor, Request request) {
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

    private Response rebuild(Actor actor) {
        allow(Permissions.rebuildSite(actor));
        rebuilds.send(List.of(Rebuilds.PLAN));
        JsonObject out = new JsonObject();
        out.put("status", "accepted");
        return Responses.json(202, out, Map.of());
    }

    // --- shared request parts

    static StoryId id(Request request) {
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
    static long ifMatch(Request request) {
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

    static void requireWriter(Actor actor) {
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

    static <T> T done(Outcome<T> outcome) {
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

    static Response storyResponse(int status, Story story, Map<String, String> headers) {
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
