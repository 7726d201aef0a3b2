package newsroom.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newsroom.Log;

/** The newsroom's rules for changing stories: validation, slugs, publication and versions. */
public final class StoryService {
    public static final int MAX_TITLE = 200;
    public static final int MAX_LEAD = 600;
    public static final int MAX_DATELINE = 100;
    public static final int MAX_CAPTION = 300;
    public static final int MAX_BODY_BYTES = 100_000;
    // A translation is stored as one item with its source and its HTML; together they must stay well
    // under the store's 400 KB item limit. Markup and escapes make the HTML several times larger
    // than the source ("<" becomes "&lt;"), so the HTML has its own limit.
    public static final int MAX_BODY_HTML_BYTES = 250_000;
    /**
     * What a story's translations may hold together, in bytes of text, HTML included: so that every
     * accepted story is written in one transaction (at most 4 MB, revisions included), answered in
     * one response (at most 6 MB) and read in a few pages. Every configured language at every field
     * limit fits for up to three languages.
     */
    public static final int MAX_STORY_BYTES = 1_200_000;

    public static final int MAX_TAGS = 12;
    public static final int MAX_TAG = 40;
    public static final int MAX_AUTHOR = 120;
    /**
     * How long one person's consecutive saves of a translation stay one revision, from the first:
     * long enough for a stretch of writing, short enough that an hour's work leaves steps to go back to.
     */
    public static final Duration AUTOSAVE_WINDOW = Duration.ofMinutes(10);

    /** The revision a scheduled translation gets when it may no longer be published when due. */
    public static final String SCHEDULE_WITHDRAWN = "schedule-withdrawn";

    private static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(366);
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final StoryRepository stories;
    private final List<String> languages;
    private final List<String> categories;
    private final Clock clock;
    private final StoryValidation validation;

    public StoryService(StoryRepository stories, List<String> languages, List<String> categories, Clock clock) {
        this.stories = stories;
        this.languages = List.copyOf(languages);
        this.categories = List.copyOf(categories);
        this.clock = clock;
        this.validation = new StoryValidation(this.languages, this.categories);
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
        return change(id, expectedVersion, current -> {
            Optional<Revision> kept = stories.revision(id, revision, lang).filter(r -> r.text() != null);
            if (kept.isEmpty()) return Outcome.rejected(new Rejection.NotFound("revision"));
            Optional<Rejection.NotAllowed> refused = Permissions.editTranslation(actor, current.translation(lang));
            if (refused.isPresent()) return Outcome.rejected(refused.get());
            StoryInput.TranslationInput in = kept.get().text().input();
            List<FieldError> errors = new ArrayList<>();
            StoryValidation.translation("", in, errors);
            if (!errors.isEmpty()) return Outcome.rejected(new Rejection.Invalid(errors));
            Instant now = now();
            long version = current.version() + 1;
            Map<String, Translation> translations = new LinkedHashMap<>(current.translations());
            translations.put(
                    lang,
                    Drafts.translation(current.id(), lang, in, current.translation(lang), actor, now)
                            .withStatus(Status.DRAFT, null));
            List<FieldError> tooLarge = StoryValidation.htmlTooLarge(List.of(translations.get(lang)), false);
            tooLarge.addAll(StoryValidation.overBudget(translations.values(), "body"));
            if (!tooLarge.isEmpty()) return Outcome.rejected(new Rejection.Invalid(tooLarge));
            return Outcome.done(new Change(
                    current.withTranslations(orderedTranslations(translations), version, actor, now),
                    List.of(new Revision(now, lang, "restore", actor.id(), version))));
        });
    }

    public StoryRepository.Page<Story> list(StoryRepository.StoryFilter filter, Optional<String> cursor, int limit) {
        return stories.list(filter, cursor, limit);
    }

    public Outcome<Story> create(Actor actor, StoryInput input) {
        List<FieldError> errors = new ArrayList<>();
        validation.story(input, errors, true);
        if (!errors.isEmpty()) return Outcome.rejected(new Rejection.Invalid(errors));
        Instant now = now();
        StoryId id = StoryId.random();
        Map<String, Translation> translations = new LinkedHashMap<>();
        for (String lang : orderedLanguages(input.translations().keySet())) {
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
                1,
                now,
                actor.id(),
                now,
                actor.id(),
                translations);
        List<Revision> revisions = translations.keySet().stream()
                .map(l -> new Revision(now, l, "create", actor.id(), 1))
                .toList();
        return saved(Optional.empty(), story, revisions);
    }

    /** Replaces the story's shared fields and the translations it names; others are removed. */
    public Outcome<Story> replace(Actor actor, StoryId id, long expectedVersion, StoryInput input) {
        List<FieldError> errors = new ArrayList<>();
        validation.story(input, errors, true);
        if (!errors.isEmpty()) return Outcome.rejected(new Rejection.Invalid(errors));
        return change(id, expectedVersion, current -> {
            Optional<Rejection.NotAllowed> refused = Permissions.editStory(actor, current);
            if (refused.isPresent()) return Outcome.rejected(refused.get());
            Instant now = now();
            Map<String, Translation> translations = new LinkedHashMap<>();
            List<Revision> revisions = new ArrayList<>();
            long version = current.version() + 1;
            for (String lang : orderedLanguages(input.translations().keySet())) {
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
            return Outcome.done(new Change(
                    new Story(
                            id,
                            input.category(),
                            input.tags(),
                            Drafts.author(input, actor),
                            Drafts.image(input),
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
        return change(id, expectedVersion, current -> {
            Optional<Rejection.NotAllowed> refused = Permissions.editTranslation(actor, current.translation(lang));
            if (refused.isPresent()) return Outcome.rejected(refused.get());
            Instant now = now();
            long version = current.version() + 1;
            Map<String, Translation> translations = new LinkedHashMap<>(current.translations());
            translations.put(lang, Drafts.translation(current.id(), lang, in, current.translation(lang), actor, now));
            List<FieldError> tooLarge = StoryValidation.htmlTooLarge(List.of(translations.get(lang)), false);
            tooLarge.addAll(StoryValidation.overBudget(translations.values(), "body"));
            if (!tooLarge.isEmpty()) return Outcome.rejected(new Rejection.Invalid(tooLarge));
            String action = current.translation(lang).isPresent() ? "edit" : "add-translation";
            Revision revision = new Revision(now, lang, action, actor.id(), version);
            Optional<Revision> run = action.equals("edit") ? openRun(id, lang, actor, now) : Optional.empty();
            return Outcome.done(new Change(
                    current.withTranslations(translations, version, actor, now),
                    List.of(run.map(r -> r.continuedAs(revision)).orElse(revision)),
                    run.stream().toList()));
        });
    }

    public Outcome<Story> deleteTranslation(Actor actor, StoryId id, String lang, long expectedVersion) {
        return change(id, expectedVersion, current -> {
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
            Instant now = now();
            long version = current.version() + 1;
            Map<String, Translation> translations = new LinkedHashMap<>(current.translations());
            translations.remove(lang);
            return Outcome.done(new Change(
                    current.withTranslations(translations, version, actor, now),
                    List.of(new Revision(now, lang, "remove-translation", actor.id(), version))));
        });
    }

    /**
     * Publishes the named languages (all when empty) now, at a past time given for back-dating, or
     * schedules them for a future time.
     */
    public Outcome<Story> publish(
            Actor actor, StoryId id, long expectedVersion, List<String> langs, Optional<Instant> at) {
        Instant now = now();
        if (at.isPresent() && (at.get().isBefore(EARLIEST) || at.get().isAfter(now.plus(MAX_SCHEDULE_AHEAD)))) {
            return Outcome.rejected(Rejection.Invalid.of("at", "must be between 2000-01-01 and one year from now"));
        }
        Instant when = at.orElse(now).truncatedTo(ChronoUnit.SECONDS);
        Status status = when.isAfter(now) ? Status.SCHEDULED : Status.PUBLISHED;
        // publishing a published translation again keeps its publication time; an explicit time moves it
        return setStatus(actor, id, expectedVersion, langs, status, when, status.wire(), at.isEmpty());
    }

    public Outcome<Story> unpublish(Actor actor, StoryId id, long expectedVersion, List<String> langs) {
        return setStatus(actor, id, expectedVersion, langs, Status.DRAFT, null, "unpublish", false);
    }

    public Outcome<Story> delete(Actor actor, StoryId id, long expectedVersion) {
        Optional<Rejection.NotAllowed> refused = Permissions.publish(actor);
        if (refused.isPresent()) return Outcome.rejected(refused.get());
        Optional<Story> found = stories.find(id);
        if (found.isEmpty()) return Outcome.rejected(new Rejection.NotFound("story " + id));
        Story current = found.get();
        if (current.version() != expectedVersion) {
            return Outcome.rejected(new Rejection.Stale(current.version()));
        }
        Optional<Rejection> rejection =
                stories.delete(current, new Revision(now(), "*", "delete", actor.id(), current.version() + 1));
        return rejection.<Outcome<Story>>map(Outcome::rejected).orElseGet(() -> Outcome.done(current));
    }

    /** Publishes every scheduled translation whose time has come; returns how many. */
    public int publishDue(Actor publisher) {
        int published = 0;
        for (StoryRepository.Due due : stories.due(now(), 100)) {
            Optional<Story> story = stories.find(due.id());
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
                        SCHEDULE_WITHDRAWN,
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
            if (!languages.contains(lang)) {
                return Outcome.rejected(Rejection.Invalid.of("languages", "unknown language " + lang));
            }
            // one language named twice would be changed twice in one transaction
            if (!named.add(lang)) {
                return Outcome.rejected(Rejection.Invalid.of("languages", "names " + lang + " twice"));
            }
        }
        return change(id, expectedVersion, current -> {
            Collection<String> targets =
                    langs.isEmpty() ? current.translations().keySet() : langs;
            Instant now = now();
            Outcome<Story> changed = current.withStatus(targets, status, when, keepPublicationTime, actor, now);
            if (changed instanceof Outcome.Rejected<Story> r) return Outcome.rejected(r.reason());
            Story story = ((Outcome.Done<Story>) changed).value();
            List<Revision> revisions = new ArrayList<>();
            for (String lang : targets) revisions.add(new Revision(now, lang, action, actor.id(), story.version()));
            return Outcome.done(new Change(story, revisions));
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

    private record Change(Story story, List<Revision> revisions, List<Revision> superseded) {
        Change(Story story, List<Revision> revisions) {
            this(story, revisions, List.of());
        }
    }

    private Outcome<Story> change(
            StoryId id, long expectedVersion, java.util.function.Function<Story, Outcome<Change>> edit) {
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

    private Outcome<Story> saved(Optional<Story> previous, Story story, List<Revision> revisions) {
        return saved(previous, story, revisions, List.of());
    }

    private Outcome<Story> saved(
            Optional<Story> previous, Story story, List<Revision> revisions, List<Revision> superseded) {
        // each revision keeps its language's words after the change; a removal keeps the words removed
        List<Revision> withTexts = revisions.stream()
                .map(r -> story.translation(r.lang())
                        .or(() -> previous.flatMap(p -> p.translation(r.lang())))
                        .map(t -> r.withText(Revision.Text.of(t)))
                        .orElse(r))
                .toList();
        Optional<Rejection> rejection = stories.save(previous, story, withTexts, superseded);
        return rejection.<Outcome<Story>>map(Outcome::rejected).orElseGet(() -> Outcome.done(story));
    }

    private Map<String, Translation> orderedTranslations(Map<String, Translation> translations) {
        Map<String, Translation> ordered = new LinkedHashMap<>();
        for (String lang : orderedLanguages(translations.keySet())) ordered.put(lang, translations.get(lang));
        return ordered;
    }

    private List<String> orderedLanguages(Set<String> langs) {
        return languages.stream().filter(langs::contains).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
