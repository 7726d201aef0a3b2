package newsroom.api;

import java.util.Map;
import java.util.Optional;
import newsroom.story.Actor;
import newsroom.story.Permissions;
import newsroom.story.StoryId;
import newsroom.story.StoryRepository;
import newsroom.story.StoryService;

/** A story's history: its revisions, one revision's words, and restoring them as a draft. */
final class RevisionRoutes {
    private final StoryService stories;

    RevisionRoutes(StoryService stories) {
        this.stories = stories;
    }

    Response revisions(Actor actor, Request request) {
        Articles.requireWriter(actor);
        StoryId id = Articles.id(request);
        var tombstone = historyReadable(actor, id);
        return Responses.json(200, ArticleJson.revisions(stories.revisions(id), tombstone), Map.of());
    }

    Response revision(Actor actor, Request request) {
        Articles.requireWriter(actor);
        StoryId id = Articles.id(request);
        RevisionId rev = revisionId(request);
        historyReadable(actor, id);
        var revision = stories.revision(id, rev.version(), rev.lang())
                .orElseThrow(() -> ApiException.of(404, "Not found", "The story has no such revision."));
        return Responses.json(200, ArticleJson.revision(revision), Map.of());
    }

    Response restore(Actor actor, Request request) {
        Articles.requireWriter(actor);
        StoryId id = Articles.id(request);
        RevisionId rev = revisionId(request);
        long version = Articles.ifMatch(request);
        return Articles.storyResponse(
                200, Articles.done(stories.restore(actor, id, version, rev.version(), rev.lang())), Map.of());
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
}
