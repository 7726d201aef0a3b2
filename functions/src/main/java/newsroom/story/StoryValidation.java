package newsroom.story;

import static newsroom.story.StoryLimits.MAX_AUTHOR;
import static newsroom.story.StoryLimits.MAX_BODY_BYTES;
import static newsroom.story.StoryLimits.MAX_BODY_HTML_BYTES;
import static newsroom.story.StoryLimits.MAX_CAPTION;
import static newsroom.story.StoryLimits.MAX_DATELINE;
import static newsroom.story.StoryLimits.MAX_LEAD;
import static newsroom.story.StoryLimits.MAX_STORY_BYTES;
import static newsroom.story.StoryLimits.MAX_TAG;
import static newsroom.story.StoryLimits.MAX_TAGS;
import static newsroom.story.StoryLimits.MAX_TITLE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What a story's input must be before the newsroom accepts it: each problem a named field error. */
final class StoryValidation {
    private static final Pattern IMAGE_SRC =
            Pattern.compile("^/media/[A-Za-z0-9][A-Za-z0-9._/-]{0,200}\\.(jpg|jpeg|png|webp|gif|svg)$");

    private final List<String> languages;
    private final List<String> categories;

    StoryValidation(List<String> languages, List<String> categories) {
        this.languages = languages;
        this.categories = categories;
    }

    void story(StoryInput input, List<FieldError> errors, boolean needTranslations) {
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
        gallery(input.gallery(), errors);
        if (needTranslations && input.translations().isEmpty()) {
            errors.add(new FieldError("translations", "at least one translation is needed"));
        }
        for (Map.Entry<String, StoryInput.TranslationInput> e :
                input.translations().entrySet()) {
            if (!languages.contains(e.getKey())) {
                errors.add(new FieldError("translations." + e.getKey(), "unknown language; use one of " + languages));
                continue;
            }
            translation("translations." + e.getKey() + ".", e.getValue(), errors);
        }
    }

    private void gallery(List<StoryInput.GalleryInput> gallery, List<FieldError> errors) {
        if (gallery.size() > GalleryImage.MAX_PER_STORY) {
            errors.add(new FieldError("gallery", "at most " + GalleryImage.MAX_PER_STORY + " pictures"));
            return;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < gallery.size(); i++) {
            String prefix = "gallery[" + i + "].";
            StoryInput.GalleryInput g = gallery.get(i);
            if (g == null) {
                errors.add(new FieldError("gallery[" + i + "]", "must be an object with src"));
                continue;
            }
            if (g.src() == null) {
                errors.add(new FieldError(prefix + "src", "is required"));
            } else if (!IMAGE_SRC.matcher(g.src()).matches() || g.src().contains("..")) {
                errors.add(new FieldError(prefix + "src", "must be a /media/ path to a jpg, png, webp, gif or svg"));
            } else if (!seen.add(g.src())) {
                errors.add(new FieldError(prefix + "src", "the picture is in the gallery already"));
            }
            words(prefix + "caption.", g.caption(), errors);
            words(prefix + "alt.", g.alt(), errors);
        }
    }

    /** A gallery picture's words in each language: a language of the site, and text a page can carry. */
    private void words(String prefix, Map<String, String> byLanguage, List<FieldError> errors) {
        for (Map.Entry<String, String> e : byLanguage.entrySet()) {
            String field = prefix + e.getKey();
            if (!languages.contains(e.getKey())) {
                errors.add(new FieldError(field, "unknown language; use one of " + languages));
            } else if (e.getValue() != null && Texts.hasBidiControl(e.getValue())) {
                errors.add(new FieldError(field, Texts.BIDI_CONTROL));
            } else {
                text(field, e.getValue(), 0, MAX_CAPTION, errors);
            }
        }
    }

    static void translation(String prefix, StoryInput.TranslationInput in, List<FieldError> errors) {
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

    /** The bodies whose HTML outgrows {@link StoryService#MAX_BODY_HTML_BYTES}, as field errors. */
    static List<FieldError> htmlTooLarge(Collection<Translation> translations, boolean prefixed) {
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

    /** The story's size over {@link StoryService#MAX_STORY_BYTES}, as an error on {@code field}, or nothing. */
    static List<FieldError> overBudget(Collection<Translation> translations, String field) {
        long bytes =
                translations.stream().mapToLong(StoryValidation::storedBytes).sum();
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
}
