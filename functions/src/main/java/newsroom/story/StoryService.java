package newsroom.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The newsroom's rules for changing stories: validation, slugs, publication and versions. */
public final class StoryService {
    /**
     * How long one person's consecutive saves of a translation stay one revision, from the first:
     * long enough for a stretch of writing, short enough that an hour's work leaves steps to go back to.
     */
    public static final Duration AUTOSAVE_WINDOW = Duration.ofMinutes(10);

    /** The revision a scheduled translation gets when it may no longer be published when due. */
    public static final String SCHEDULE_WITHDRAWN = "schedule-withdrawn";

    private final StoryRepository stories;
    private final List<String> languages;
    private final StoryValidation validation;
    private final StoryChanges changes;
    private final Publication publication;

    public StoryService(StoryRepository stories, List<String> languages, List<String> categories, Clock clock) {
        this.stories = stories;
        this.languages = List.copyOf(languages);
        this.validation = new StoryValidation(this.languages, List.copyOf(categories));
        this.changes = new StoryChanges(stories, this.languages, clock);
        this.publication = new Publication(changes);
    }

    public List<String> languages() {
        return languages;
    }

    public Optional<Story> find(StoryId id) {
        return stories.find(id);
    }

    public List<Revision> revisions(StoryId id) {
        return stories.revisions(id);
    }

    public Optional<Revision> revision(StoryId id, long version, String lang) {
        return stories.revision(id, version, lang);
    }

    public Optional<StoryRepository.Tombstone> tombstone(StoryId id) {
        return stories.tombstone(id);
    }

    /**
     * Writes a revision's text back into its translation, as a draft: a published translation goes
     * back to draft until it is published again, so nobody publishes old words by accident.
     */
    public Outcome<Story> restore(Actor actor, StoryId id, long expectedVersion, long revision, String lang) {
        if (!languages.contains(lang)) return Outcome.rejected(new Rejection.NotFound("revision"));
        return changes.change(id, expectedVersion, current -> {
            Optional<Revision> kept = stories.revision(id, revision, lang).filter(r -> r.text() != null);
            if (kept.isEmpty()) return Outcome.rejected(new Rejection.NotFound("revision"));
            Optional<Rejection.NotAllowed> refused = Permissions.editTranslation(actor, current.translation(lang));
            if (refused.isPresent()) return Outcome.rejected(refused.get());
            StoryInput.TranslationInput in = kept.get().text().input();
            List<FieldError> errors = new ArrayList<>();
            StoryValidation.translation("", in, errors);
            if (!errors.isEmpty()) return Outcome.rejected(new Rejection.Invalid(errors));
            Instant now = changes.now();
            long version = current.version() + 1;
            Map<String, Translation> translations = new LinkedHashMap<>(current.translations());
            translations.put(
                    lang,
                    Drafts.translation(current.id(), lang, in, current.translation(lang), actor, now)
                            .withStatus(Status.DRAFT, null));
            List<FieldError> tooLarge = StoryValidation.htmlTooLarge(List.of(translations.get(lang)), false);
            tooLarge.addAll(StoryValidation.overBudget(translations.values(), "body"));
            if (!tooLarge.isEmpty()) return Outcome.rejected(new Rejection.Invalid(tooLarge));
            return Outcome.done(new StoryChanges.Change(
                    current.withTranslations(changes.orderedTranslations(translations), version, actor, now),
                    List.of(new Revision(now, lang, "restore", actor.id(), version))));
        });
    }

    public StoryRepository.Page<StoryOutline> list(
            StoryRepository.StoryFilter filter, Optional<String> cursor, int limit) {
        return stories.list(filter, cursor, limit);
    }

    public Outcome<Story> create(Actor actor, StoryInput input) {
        List<FieldError> errors = new ArrayList<>();
        validation.story(input, errors, true);
        if (!errors.isEmpty()) return Outcome.rejected(new Rejection.Invalid(errors));
        Instant now = changes.now();
        StoryId id = StoryId.random();
        Map<String, Translation> translations = new LinkedHashMap<>();
        for (String lang : changes.orderedLanguages(input.translations().keySet())) {
            translations.put(
                    lang, Drafts.translation(id, lang, input.translations().get(lang), Optional.empty(), actor, now));
        }
        List<FieldError> tooLarge = StoryValidation.htmlTooLarge(translations.values(), true);
        tooLarge.addAll(StoryValidation.overBudget(translations.values(), "translations"));
        if (!tooLarge.isEmpty()) return Outcome.rejected(new Rejection.Invalid(tooLarge));
        Story story = new Story(
                id,
                input.category(),
                input.tags(),
                Drafts.author(input, actor),
                Drafts.image(input),
                Drafts.gallery(input),
                1,
                now,
                actor.id(),
                now,
                actor.id(),
                translations);
        List<Revision> revisions = translations.keySet().stream()
                .map(l -> new Revision(now, l, "create", actor.id(), 1))
                .toList();
        return changes.saved(Optional.empty(), story, revisions);
    }

    /** Replaces the story's shared fields and the translations it names; others are removed. */
    public Outcome<Story> replace(Actor actor, StoryId id, long expectedVersion, StoryInput input) {
        List<FieldError> errors = new ArrayList<>();
        validation.story(input, errors, true);
        if (!errors.isEmpty()) return Outcome.rejected(new Rejection.Invalid(errors));
        return changes.change(id, expectedVersion, current -> {
            Optional<Rejection.NotAllowed> refused = Permissions.editStory(actor, current);
            if (refused.isPresent()) return Outcome.rejected(refused.get());
            Instant now = changes.now();
            Map<String, Translation> translations = new LinkedHashMap<>();
            List<Revision> revisions = new ArrayList<>();
            long version = current.version() + 1;
            for (String lang : changes.orderedLanguages(input.translations().keySet())) {
                translations.put(
                        lang,
                        Drafts.translation(
                                current.id(),
                                lang,
                                input.translations().get(lang),
                                current.translation(lang),
                                actor,
                                now));
                revisions.add(new Revision(now, lang, "replace", actor.id(), version));
            }
            List<FieldError> tooLarge = StoryValidation.htmlTooLarge(translations.values(), true);
            tooLarge.addAll(StoryValidation.overBudget(translations.values(), "translations"));
            if (!tooLarge.isEmpty()) return Outcome.rejected(new Rejection.Invalid(tooLarge));
            for (String lang : current.translations().keySet()) {
                if (!translations.containsKey(lang)) {
                    revisions.add(new Revision(now, lang, "remove-translation", actor.id(), version));
                }
            }
            return Outcome.done(new StoryChanges.Change(
                    new Story(
                            id,
                            input.category(),
                            input.tags(),
                            Drafts.author(input, actor),
                            Drafts.image(input),
                            Drafts.gallery(input),
                            version,
                            current.createdAt(),
                            current.createdBy(),
                            now,
                            actor.id(),
                            translations),
                    revisions));
        });
    }

    public Outcome<Story> putTranslation(
            Actor actor, StoryId id, String lang, long expectedVersion, StoryInput.TranslationInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (!languages.contains(lang)) {
            return Outcome.rejected(Rejection.Invalid.of("lang", "unknown language " + lang));
        }
        StoryValidation.translation("", in, errors);
        if (!errors.isEmpty()) return Outcome.rejected(new Rejection.Invalid(errors));
        return changes.change(id, expectedVersion, current -> {
            Optional<Rejection.NotAllowed> refused = Permissions.editTranslation(actor, current.translation(lang));
            if (refused.isPresent()) return Outcome.rejected(refused.get());
            Instant now = changes.now();
            long version = current.version() + 1;
            Map<String, Translation> translations = new LinkedHashMap<>(current.translations());
            translations.put(lang, Drafts.translation(current.id(), lang, in, current.translation(lang), actor, now));
            List<FieldError> tooLarge = StoryValidation.htmlTooLarge(List.of(translations.get(lang)), false);
            tooLarge.addAll(StoryValidation.overBudget(translations.values(), "body"));
            if (!tooLarge.isEmpty()) return Outcome.rejected(new Rejection.Invalid(tooLarge));
            String action = current.translation(lang).isPresent() ? "edit" : "add-translation";
            Revision revision = new Revision(now, lang, action, actor.id(), version);
            Optional<Revision> run = action.equals("edit") ? openRun(id, lang, actor, now) : Optional.empty();
            return Outcome.done(new StoryChanges.Change(
                    current.withTranslations(translations, version, actor, now),
                    List.of(run.map(r -> r.continuedAs(revision)).orElse(revision)),
                    run.stream().toList()));
        });
    }

    public Outcome<Story> deleteTranslation(Actor actor, StoryId id, String lang, long expectedVersion) {
        return changes.change(id, expectedVersion, current -> {
            if (current.translation(lang).isEmpty()) {
                return Outcome.rejected(new Rejection.NotFound("translation " + lang));
            }
            Optional<Rejection.NotAllowed> refused = Permissions.removeTranslation(
                    actor, current.translation(lang).get());
            if (refused.isPresent()) return Outcome.rejected(refused.get());
            if (current.translations().size() == 1) {
                return Outcome.rejected(Rejection.Invalid.of(
                        "lang", "a story keeps at least one translation; delete the story instead"));
            }
            Instant now = changes.now();
            long version = current.version() + 1;
            Map<String, Translation> translations = new LinkedHashMap<>(current.translations());
            translations.remove(lang);
            return Outcome.done(new StoryChanges.Change(
                    current.withTranslations(translations, version, actor, now),
                    List.of(new Revision(now, lang, "remove-translation", actor.id(), version))));
        });
    }

    /**
     * The revision a save of {@code lang} by {@code actor} carries on instead of adding one: the
     * translation's newest, when it is an edit by the same person begun less than {@link
     * #AUTOSAVE_WINDOW} ago. Autosave writes every pause in typing; a revision per pause would bury
     * the changes worth finding (and push them out of the kept history) under saves nobody meant.
     */
    private Optional<Revision> openRun(StoryId id, String lang, Actor actor, Instant now) {
        List<Revision> ofLang = stories.revisions(id).stream()
                .filter(r -> r.lang().equals(lang))
                .toList();
        if (ofLang.isEmpty()) return Optional.empty();
        Revision newest = ofLang.get(ofLang.size() - 1);
        boolean open = newest.action().equals("edit")
                && newest.by().equals(actor.id())
                && now.isBefore(newest.startedAt().plus(AUTOSAVE_WINDOW));
        return open ? Optional.of(newest) : Optional.empty();
    }

    /**
     * Publishes the named languages (all when empty) now, at a past time given for back-dating, or
     * schedules them for a future time.
     */
    public Outcome<Story> publish(
            Actor actor, StoryId id, long expectedVersion, List<String> langs, Optional<Instant> at) {
        return publication.publish(actor, id, expectedVersion, langs, at);
    }

    public Outcome<Story> unpublish(Actor actor, StoryId id, long expectedVersion, List<String> langs) {
        return publication.unpublish(actor, id, expectedVersion, langs);
    }

    public Outcome<Story> delete(Actor actor, StoryId id, long expectedVersion) {
        return publication.delete(actor, id, expectedVersion);
    }

    /** Publishes every scheduled translation whose time has come; returns how many. */
    public int publishDue(Actor publisher) {
        return publication.publishDue(publisher);
    }
}
