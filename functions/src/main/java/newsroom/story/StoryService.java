package newsroom.story;

import java.nio.charset.StandardCharsets;
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
import java.util.regex.Pattern;

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
    private static final Pattern IMAGE_SRC =
            Pattern.compile("^/media/[A-Za-z0-9][A-Za-z0-9._/-]{0,200}\\.(jpg|jpeg|png|webp|gif|svg)$");
    private static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(366);
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final StoryRepository stories;
    private final List<String> languages;
    private final List<String> categories;
    private final Clock clock;

    public StoryService(StoryRepository stories, List<String> languages, List<String> categories, Clock clock) {
        this.stories = stories;
        this.languages = List.copyOf(languages);
        this.categories = List.copyOf(categories);
        this.clock = clock;
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
            if (!actor.canEdit()
                    && !allDrafts(current.translation(lang).stream().toList())) {
                return Outcome.rejected(
                        new Rejection.NotAllowed("writers edit drafts; this translation has been published"));
            }
            StoryInput.TranslationInput in = kept.get().text().input();
            List<FieldError> errors = new ArrayList<>();
            validateTranslation("", in, errors);
            if (!errors.isEmpty()) return Outcome.rejected(new Rejection.Invalid(errors));
            Instant now = now();
            long version = current.version() + 1;
            Map<String, Translation> translations = new LinkedHashMap<>(current.translations());
            translations.put(
                    lang,
                    draft(current.id(), lang, in, current.translation(lang), actor, now)
                            .withStatus(Status.DRAFT, null));
            List<FieldError> tooLarge = htmlTooLarge(List.of(translations.get(lang)), false);
            tooLarge.addAll(overBudget(translations.values(), "body"));
            if (!tooLarge.isEmpty()) return Outcome.rejected(new Rejection.Invalid(tooLarge));
            return Outcome.done(new Change(
                    withTranslations(current, orderedTranslations(translations), version, actor, now),
                    List.of(new Revision(now, lang, "restore", actor.id(), version))));
        });
    }

    public StoryRepository.Page<Story> list(StoryRepository.StoryFilter filter, Optional<String> cursor, int limit) {
        return stories.list(filter, cursor, limit);
    }

    public Outcome<Story> create(Actor actor, StoryInput input) {
        List<FieldError> errors = new ArrayList<>();
        validateStory(input, errors, true);
        if (!errors.isEmpty()) return Outcome.rejected(new Rejection.Invalid(errors));
        Instant now = now();
        StoryId id = StoryId.random();
        Map<String, Translation> translations = new LinkedHashMap<>();
        for (String lang : orderedLanguages(input.translations().keySet())) {
            translations.put(lang, draft(id, lang, input.translations().get(lang), Optional.empty(), actor, now));
        }
        List<FieldError> tooLarge = htmlTooLarge(translations.values(), true);
        tooLarge.addAll(overBudget(translations.values(), "translations"));
        if (!tooLarge.isEmpty()) return Outcome.rejected(new Rejection.Invalid(tooLarge));
        Story story = new Story(
                id,
                input.category(),
                input.tags(),
                authorOf(input, actor),
                image(input),
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
        validateStory(input, errors, true);
        if (!errors.isEmpty()) return Outcome.rejected(new Rejection.Invalid(errors));
        return change(id, expectedVersion, current -> {
            if (!actor.canEdit() && !allDrafts(current.translations().values())) {
                return Outcome.rejected(new Rejection.NotAllowed("writers edit drafts; this story has been published"));
            }
            Instant now = now();
            Map<String, Translation> translations = new LinkedHashMap<>();
            List<Revision> revisions = new ArrayList<>();
            long version = current.version() + 1;
            for (String lang : orderedLanguages(input.translations().keySet())) {
                translations.put(
                        lang,
                        draft(
                                current.id(),
                                lang,
                                input.translations().get(lang),
                                current.translation(lang),
                                actor,
                                now));
                revisions.add(new Revision(now, lang, "replace", actor.id(), version));
            }
            List<FieldError> tooLarge = htmlTooLarge(translations.values(), true);
            tooLarge.addAll(overBudget(translations.values(), "translations"));
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
                            authorOf(input, actor),
                            image(input),
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
        validateTranslation("", in, errors);
        if (!errors.isEmpty()) return Outcome.rejected(new Rejection.Invalid(errors));
        return change(id, expectedVersion, current -> {
            if (!actor.canEdit()
                    && !allDrafts(current.translation(lang).stream().toList())) {
                return Outcome.rejected(
                        new Rejection.NotAllowed("writers edit drafts; this translation has been published"));
            }
            Instant now = now();
            long version = current.version() + 1;
            Map<String, Translation> translations = new LinkedHashMap<>(current.translations());
            translations.put(lang, draft(current.id(), lang, in, current.translation(lang), actor, now));
            List<FieldError> tooLarge = htmlTooLarge(List.of(translations.get(lang)), false);
            tooLarge.addAll(overBudget(translations.values(), "body"));
            if (!tooLarge.isEmpty()) return Outcome.rejected(new Rejection.Invalid(tooLarge));
            String action = current.translation(lang).isPresent() ? "edit" : "add-translation";
            return Outcome.done(new Change(
                    withTranslations(current, translations, version, actor, now),
                    List.of(new Revision(now, lang, action, actor.id(), version))));
        });
    }

    public Outcome<Story> deleteTranslation(Actor actor, StoryId id, String lang, long expectedVersion) {
        return change(id, expectedVersion, current -> {
            if (current.translation(lang).isEmpty()) {
                return Outcome.rejected(new Rejection.NotFound("translation " + lang));
            }
            if (!actor.canEdit()
                    && !allDrafts(current.translation(lang).stream().toList())) {
                return Outcome.rejected(
                        new Rejection.NotAllowed("writers remove drafts only; ask an editor to unpublish"));
            }
            if (current.translations().size() == 1) {
                return Outcome.rejected(Rejection.Invalid.of(
                        "lang", "a story keeps at least one translation; delete the story instead"));
            }
            Instant now = now();
            long version = current.version() + 1;
            Map<String, Translation> translations = new LinkedHashMap<>(current.translations());
            translations.remove(lang);
            return Outcome.done(new Change(
                    withTranslations(current, translations, version, actor, now),
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
            if (outcome instanceof Outcome.Done<Story>) published++;
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
            for (String lang : targets) {
                if (current.translation(lang).isEmpty()) {
                    return Outcome.rejected(
                            Rejection.Invalid.of("languages", "the story has no " + lang + " translation"));
                }
            }
            Instant now = now();
            long version = current.version() + 1;
            Map<String, Translation> translations = new LinkedHashMap<>(current.translations());
            List<Revision> revisions = new ArrayList<>();
            for (String lang : targets) {
                Translation before = translations.get(lang);
                Instant at = keepPublicationTime && status == Status.PUBLISHED && before.isPublished()
                        ? before.publishedAt()
                        : when;
                translations.put(lang, before.withStatus(status, at).touchedBy(actor.id(), now));
                revisions.add(new Revision(now, lang, action, actor.id(), version));
            }
            return Outcome.done(new Change(withTranslations(current, translations, version, actor, now), revisions));
        });
    }

    private record Change(Story story, List<Revision> revisions) {}

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
        return saved(found, change.story(), change.revisions());
    }

    private Outcome<Story> saved(Optional<Story> previous, Story story, List<Revision> revisions) {
        // each revision keeps its language's words after the change; a removal keeps the words removed
        List<Revision> withTexts = revisions.stream()
                .map(r -> story.translation(r.lang())
                        .or(() -> previous.flatMap(p -> p.translation(r.lang())))
                        .map(t -> r.withText(Revision.Text.of(t)))
                        .orElse(r))
                .toList();
        Optional<Rejection> rejection = stories.save(previous, story, withTexts);
        return rejection.<Outcome<Story>>map(Outcome::rejected).orElseGet(() -> Outcome.done(story));
    }

    private static Story withTranslations(
            Story current, Map<String, Translation> translations, long version, Actor actor, Instant now) {
        return new Story(
                current.id(),
                current.category(),
                current.tags(),
                current.author(),
                current.image(),
                version,
                current.createdAt(),
                current.createdBy(),
                now,
                actor.id(),
                translations);
    }

    private Translation draft(
            StoryId id,
            String lang,
            StoryInput.TranslationInput in,
            Optional<Translation> previous,
            Actor actor,
            Instant now) {
        String slug = in.slug() != null && !in.slug().isBlank()
                ? in.slug()
                : previous.map(Translation::slug).orElseGet(() -> Slugs.forStory(in.title(), id));
        BodyFormat format = in.format() == null ? BodyFormat.MARKDOWN : in.format();
        // an edit keeps the translation's publication state: editing a published story updates its page
        Status status = previous.map(Translation::status).orElse(Status.DRAFT);
        Instant publishedAt = previous.map(Translation::publishedAt).orElse(null);
        return new Translation(
                lang,
                in.title().strip(),
                blankToEmpty(in.lead()),
                blankToEmpty(in.dateline()),
                in.body(),
                format,
                Bodies.toSafeHtml(in.body(), format),
                slug,
                status,
                publishedAt,
                blankToNull(in.caption()),
                blankToNull(in.imageAlt()),
                now,
                actor.id());
    }

    private void validateStory(StoryInput input, List<FieldError> errors, boolean needTranslations) {
        if (input.category() == null || !categories.contains(input.category())) {
            errors.add(new FieldError("category", "must be one of " + categories));
        }
        if (input.tags().size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "at most " + MAX_TAGS + " tags"));
        }
        for (int i = 0; i < input.tags().size(); i++) {
            String tag = input.tags().get(i);
            if (tag == null || tag.isBlank() || tag.length() > MAX_TAG || hasControl(tag)) {
                errors.add(new FieldError("tags[" + i + "]", "1 to " + MAX_TAG + " printable characters"));
            }
        }
        if (input.author() != null && (input.author().length() > MAX_AUTHOR || hasControl(input.author()))) {
            errors.add(new FieldError("author", "at most " + MAX_AUTHOR + " printable characters"));
        }
        if (input.imageSrc() != null
                && (!IMAGE_SRC.matcher(input.imageSrc()).matches()
                        || input.imageSrc().contains(".."))) {
            errors.add(new FieldError("image.src", "must be a /media/ path to a jpg, png, webp, gif or svg"));
        }
        if (needTranslations && input.translations().isEmpty()) {
            errors.add(new FieldError("translations", "at least one translation is needed"));
        }
        for (Map.Entry<String, StoryInput.TranslationInput> e :
                input.translations().entrySet()) {
            if (!languages.contains(e.getKey())) {
                errors.add(new FieldError("translations." + e.getKey(), "unknown language; use one of " + languages));
                continue;
            }
            validateTranslation("translations." + e.getKey() + ".", e.getValue(), errors);
        }
    }

    private static void validateTranslation(String prefix, StoryInput.TranslationInput in, List<FieldError> errors) {
        if (in == null) {
            errors.add(new FieldError(prefix.isEmpty() ? "body" : prefix, "must be an object"));
            return;
        }
        text(prefix + "title", in.title(), 1, MAX_TITLE, errors);
        if (in.title() != null && !in.title().isBlank()) {
            Texts.problem(in.title()).ifPresent(problem -> errors.add(new FieldError(prefix + "title", problem)));
        }
        for (var other : List.of(
                Map.entry("lead", String.valueOf(in.lead())),
                Map.entry("dateline", String.valueOf(in.dateline())),
                Map.entry("caption", String.valueOf(in.caption())),
                Map.entry("imageAlt", String.valueOf(in.imageAlt())))) {
            if (Texts.hasBidiControl(other.getValue())) {
                errors.add(new FieldError(prefix + other.getKey(), Texts.BIDI_CONTROL));
            }
        }
        text(prefix + "lead", in.lead(), 0, MAX_LEAD, errors);
        text(prefix + "dateline", in.dateline(), 0, MAX_DATELINE, errors);
        text(prefix + "caption", in.caption(), 0, MAX_CAPTION, errors);
        text(prefix + "imageAlt", in.imageAlt(), 0, MAX_CAPTION, errors);
        if (in.body() == null || in.body().isBlank()) {
            errors.add(new FieldError(prefix + "body", "is required"));
        } else if (in.body().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            errors.add(new FieldError(prefix + "body", "at most " + MAX_BODY_BYTES + " bytes"));
        } else if (in.body().indexOf('\0') >= 0) {
            errors.add(new FieldError(prefix + "body", "must not contain NUL characters"));
        }
        if (in.slug() != null && !in.slug().isEmpty() && !Slugs.isValid(in.slug())) {
            errors.add(new FieldError(prefix + "slug", "lower-case latin letters, digits and single hyphens, 1 to 80"));
        }
    }

    private static void text(String field, String value, int min, int max, List<FieldError> errors) {
        if (value == null) {
            if (min > 0) errors.add(new FieldError(field, "is required"));
            return;
        }
        int length = value.strip().codePointCount(0, value.strip().length());
        if (length < min) {
            errors.add(new FieldError(field, "is required"));
        } else if (length > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
        } else if (hasControl(value)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
    }

    /**
     * Whether text has characters no page, feed or sitemap can carry: control characters, the line
     * and paragraph separators, and U+FFFE and U+FFFF, which XML 1.0 forbids even as references.
     */
    private static boolean hasControl(String value) {
        return value.chars()
                .anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0xfffe || c == 0xffff);
    }

    /** The bodies whose HTML outgrows {@link #MAX_BODY_HTML_BYTES}, as field errors. */
    private static List<FieldError> htmlTooLarge(Collection<Translation> translations, boolean prefixed) {
        List<FieldError> errors = new ArrayList<>();
        for (Translation t : translations) {
            if (t.bodyHtml().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_HTML_BYTES) {
                errors.add(new FieldError(
                        (prefixed ? "translations." + t.lang() + "." : "") + "body",
                        "at most "
                                + MAX_BODY_HTML_BYTES
                                + " bytes once converted to HTML; shorten it or use less markup"));
            }
        }
        return errors;
    }

    /** The story's size over {@link #MAX_STORY_BYTES}, as an error on {@code field}, or nothing. */
    static List<FieldError> overBudget(Collection<Translation> translations, String field) {
        long bytes = translations.stream().mapToLong(StoryService::storedBytes).sum();
        if (bytes <= MAX_STORY_BYTES) return List.of();
        return List.of(new FieldError(
                field,
                "the story's translations together take at most " + MAX_STORY_BYTES
                        + " bytes (text, body and its HTML); these take " + bytes));
    }

    static long storedBytes(Translation t) {
        long bytes = 0;
        for (String text : new String[] {
            t.title(), t.lead(), t.dateline(), t.bodySource(), t.bodyHtml(), t.caption(), t.imageAlt(), t.slug()
        }) {
            if (text != null) bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    private static boolean allDrafts(Collection<Translation> translations) {
        return translations.stream().allMatch(t -> t.status() == Status.DRAFT);
    }

    private Map<String, Translation> orderedTranslations(Map<String, Translation> translations) {
        Map<String, Translation> ordered = new LinkedHashMap<>();
        for (String lang : orderedLanguages(translations.keySet())) ordered.put(lang, translations.get(lang));
        return ordered;
    }

    private List<String> orderedLanguages(Set<String> langs) {
        return languages.stream().filter(langs::contains).toList();
    }

    /** The byline: as sent, else the writer's display name; never a user id, which is no name. */
    private static String authorOf(StoryInput input, Actor actor) {
        return input.author() == null || input.author().isBlank()
                ? actor.displayName()
                : input.author().strip();
    }

    private static Image image(StoryInput input) {
        return input.imageSrc() == null ? null : new Image(input.imageSrc());
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
