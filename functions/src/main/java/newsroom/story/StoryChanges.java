package newsroom.story;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The steps every change of a story takes: read it, check the version the writer read, and write
 * the new version with its revisions, each keeping its language's words.
 */
final class StoryChanges {
    final StoryRepository stories;
    final List<String> languages;
    private final Clock clock;

    StoryChanges(StoryRepository stories, List<String> languages, Clock clock) {
        this.stories = stories;
        this.languages = languages;
        this.clock = clock;
    }

    record Change(Story story, List<Revision> revisions, List<Revision> superseded) {
        Change(Story story, List<Revision> revisions) {
            this(story, revisions, List.of());
        }
    }

    Outcome<Story> change(StoryId id, long expectedVersion, Function<Story, Outcome<Change>> edit) {
        Optional<Story> found = stories.find(id);
        if (found.isEmpty()) return Outcome.rejected(new Rejection.NotFound("story " + id));
        Story current = found.get();
        if (current.version() != expectedVersion) {
            return Outcome.rejected(new Rejection.Stale(current.version()));
        }
        Outcome<Change> edited = edit.apply(current);
        if (edited instanceof Outcome.Rejected<Change> r) return Outcome.rejected(r.reason());
        Change change = ((Outcome.Done<Change>) edited).value();
        return saved(found, change.story(), change.revisions(), change.superseded());
    }

    Outcome<Story> saved(Optional<Story> previous, Story story, List<Revision> revisions) {
        return saved(previous, story, revisions, List.of());
    }

    Outcome<Story> saved(Optional<Story> previous, Story story, List<Revision> revisions, List<Revision> superseded) {
        // each revision keeps its language's words after the change; a removal keeps the words removed
        List<Revision> withTexts = revisions.stream()
                .map(r -> story.translation(r.lang())
                        .or(() -> previous.flatMap(p -> p.translation(r.lang())))
                        .map(t -> r.withText(Revision.Text.of(t)))
                        .orElse(r))
                .toList();
        // a published translation's edit is live at once: it may not leave the story's image undescribed
        List<String> livePublished = revisions.stream()
                .map(Revision::lang)
                .distinct()
                .filter(lang ->
                        story.translation(lang).filter(Translation::isPublished).isPresent())
                .toList();
        List<FieldError> undescribed = story.undescribedImage(livePublished);
        if (!undescribed.isEmpty()) return Outcome.rejected(new Rejection.Invalid(undescribed));
        Optional<Rejection> rejection = stories.save(previous, story, withTexts, superseded);
        return rejection.<Outcome<Story>>map(Outcome::rejected).orElseGet(() -> Outcome.done(story));
    }

    Map<String, Translation> orderedTranslations(Map<String, Translation> translations) {
        Map<String, Translation> ordered = new LinkedHashMap<>();
        for (String lang : orderedLanguages(translations.keySet())) ordered.put(lang, translations.get(lang));
        return ordered;
    }

    List<String> orderedLanguages(Set<String> langs) {
        return languages.stream().filter(langs::contains).toList();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
