package newsroom.story;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newsroom.Log;

/** The rules for a story's going public and back: publish, schedule, unpublish, delete, and the schedule's runs. */
final class Publication {
    private static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(366);
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final StoryChanges changes;

    Publication(StoryChanges changes) {
        this.changes = changes;
    }

    /**
     * Publishes the named languages (all when empty) now, at a past time given for back-dating, or
     * schedules them for a future time.
     */
    Outcome<Story> publish(Actor actor, StoryId id, long expectedVersion, List<String> langs, Optional<Instant> at) {
        Instant now = changes.now();
        if (at.isPresent() && (at.get().isBefore(EARLIEST) || at.get().isAfter(now.plus(MAX_SCHEDULE_AHEAD)))) {
            return Outcome.rejected(Rejection.Invalid.of("at", "must be between 2000-01-01 and one year from now"));
        }
        Instant when = at.orElse(now).truncatedTo(ChronoUnit.SECONDS);
        Status status = when.isAfter(now) ? Status.SCHEDULED : Status.PUBLISHED;
        // publishing a published translation again keeps its publication time; an explicit time moves it
        return setStatus(actor, id, expectedVersion, langs, status, when, status.wire(), at.isEmpty());
    }

    Outcome<Story> unpublish(Actor actor, StoryId id, long expectedVersion, List<String> langs) {
        return setStatus(actor, id, expectedVersion, langs, Status.DRAFT, null, "unpublish", false);
    }

    Outcome<Story> delete(Actor actor, StoryId id, long expectedVersion) {
        Optional<Rejection.NotAllowed> refused = Permissions.publish(actor);
        if (refused.isPresent()) return Outcome.rejected(refused.get());
        Optional<Story> found = changes.stories.find(id);
        if (found.isEmpty()) return Outcome.rejected(new Rejection.NotFound("story " + id));
        Story current = found.get();
        if (current.version() != expectedVersion) {
            return Outcome.rejected(new Rejection.Stale(current.version()));
        }
        Optional<Rejection> rejection = changes.stories.delete(
                current, new Revision(changes.now(), "*", "delete", actor.id(), current.version() + 1));
        return rejection.<Outcome<Story>>map(Outcome::rejected).orElseGet(() -> Outcome.done(current));
    }

    /** Publishes every scheduled translation whose time has come; returns how many. */
    int publishDue(Actor publisher) {
        int published = 0;
        for (StoryRepository.Due due : changes.stories.due(changes.now(), 100)) {
            Optional<Story> story = changes.stories.find(due.id());
            if (story.isEmpty()) continue;
            Optional<Translation> t = story.get().translation(due.lang());
            if (t.isEmpty() || t.get().status() != Status.SCHEDULED) continue;
            Outcome<Story> outcome = setStatus(
                    publisher,
                    due.id(),
                    story.get().version(),
                    List.of(due.lang()),
                    Status.PUBLISHED,
                    t.get().publishedAt(),
                    "publish-scheduled",
                    false);
            if (outcome instanceof Outcome.Done<Story>) {
                published++;
            } else if (outcome instanceof Outcome.Rejected<Story> r && r.reason() instanceof Rejection.Invalid i) {
                // The rules held when it was scheduled, but the story changed since (an image added, an
                // alt text removed). Left scheduled, it would be refused again on every run and show a
                // time that will not happen; back to draft, the editors see it must be published again.
                Outcome<Story> withdrawn = setStatus(
                        publisher,
                        due.id(),
                        story.get().version(),
                        List.of(due.lang()),
                        Status.DRAFT,
                        null,
                        StoryService.SCHEDULE_WITHDRAWN,
                        false);
                Log.line(
                        "schedule-withdrawn",
                        Map.of(
                                "id",
                                due.id().value(),
                                "lang",
                                due.lang(),
                                "fields",
                                i.errors().stream().map(FieldError::field).toList(),
                                "withdrawn",
                                withdrawn instanceof Outcome.Done<Story>));
            }
        }
        return published;
    }

    private Outcome<Story> setStatus(
            Actor actor,
            StoryId id,
            long expectedVersion,
            List<String> langs,
            Status status,
            Instant when,
            String action,
            boolean keepPublicationTime) {
        // publish, schedule and unpublish, by a person or by the schedule: one rule for both
        Optional<Rejection.NotAllowed> refused = Permissions.publish(actor);
        if (refused.isPresent()) return Outcome.rejected(refused.get());
        Set<String> named = new HashSet<>();
        for (String lang : langs) {
            if (!changes.languages.contains(lang)) {
                return Outcome.rejected(Rejection.Invalid.of("languages", "unknown language " + lang));
            }
            // one language named twice would be changed twice in one transaction
            if (!named.add(lang)) {
                return Outcome.rejected(Rejection.Invalid.of("languages", "names " + lang + " twice"));
            }
        }
        return changes.change(id, expectedVersion, current -> {
            Collection<String> targets =
                    langs.isEmpty() ? current.translations().keySet() : langs;
            Instant now = changes.now();
            Outcome<Story> changed = current.withStatus(targets, status, when, keepPublicationTime, actor, now);
            if (changed instanceof Outcome.Rejected<Story> r) return Outcome.rejected(r.reason());
            Story story = ((Outcome.Done<Story>) changed).value();
            List<Revision> revisions = new ArrayList<>();
            for (String lang : targets) revisions.add(new Revision(now, lang, action, actor.id(), story.version()));
            return Outcome.done(new StoryChanges.Change(story, revisions));
        });
    }
}
