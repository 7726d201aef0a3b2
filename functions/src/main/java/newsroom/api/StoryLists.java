package newsroom.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newsroom.json.JsonObject;
import newsroom.site.Config;
import newsroom.story.Actor;
import newsroom.story.FieldError;
import newsroom.story.Status;
import newsroom.story.StoryOutline;
import newsroom.story.StoryRepository;
import newsroom.story.StoryService;

/** The story list route: filtered, paged, and searched by title. */
final class StoryLists {
    /** The longest title search, and how many stories one search request reads at most. */
    static final int MAX_SEARCH = 200;

    static final int SEARCH_SCAN = 1000;

    private final StoryService stories;
    private final Config config;

    StoryLists(StoryService stories, Config config) {
        this.stories = stories;
        this.config = config;
    }

    Response list(Actor actor, Request request) {
        Articles.requireWriter(actor);
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
        StoryRepository.Page<StoryOutline> page;
        try {
            page = search.isEmpty()
                    ? stories.list(filter, Optional.ofNullable(q.get("cursor")), limit)
                    : searchTitles(filter, search.get(), Optional.ofNullable(q.get("cursor")), limit);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cursor", "is not a cursor this API returned");
        }
        JsonObject body = new JsonObject();
        var items = body.putArray("items");
        page.items().forEach(s -> items.add(ArticleJson.outline(s)));
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
    private StoryRepository.Page<StoryOutline> searchTitles(
            StoryRepository.StoryFilter filter, String text, Optional<String> cursor, int limit) {
        String needle = text.toLowerCase(Locale.ROOT);
        List<StoryOutline> found = new ArrayList<>();
        Optional<String> next = cursor;
        int scanned = 0;
        do {
            var page = stories.list(filter, next, limit - found.size());
            scanned += page.items().size();
            for (StoryOutline story : page.items()) {
                if (story.translations().values().stream()
                        .anyMatch(t -> t.title().toLowerCase(Locale.ROOT).contains(needle))) found.add(story);
            }
            next = page.nextCursor();
        } while (next.isPresent() && found.size() < limit && scanned < SEARCH_SCAN);
        return new StoryRepository.Page<>(found, next);
    }
}
