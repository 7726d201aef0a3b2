package newsroom.story;

import java.time.Instant;

/**
 * One accepted change to a story: who did what to which language, at which version, and the
 * language's text after the change (for a removal, the text removed), so that no edit loses words.
 * The whole story's changes ({@code lang} "*") and revisions written before texts were kept have
 * none. Consecutive saves of one translation by one person within a while are one revision: {@code
 * at} and {@code version} are its newest save's, {@code startedAt} its first's (for a single change,
 * {@code at}).
 */
public record Revision(Instant at, String lang, String action, String by, long version, Text text, Instant startedAt) {

    public Revision {
        if (startedAt == null) startedAt = at;
    }

    public Revision(Instant at, String lang, String action, String by, long version) {
        this(at, lang, action, by, version, null, at);
    }

    public Revision(Instant at, String lang, String action, String by, long version, Text text) {
        this(at, lang, action, by, version, text, at);
    }

    /** A translation as its writer wrote it: what a restore writes back. */
    public record Text(
            String title,
            String lead,
            String dateline,
            String body,
            BodyFormat format,
            String slug,
            String caption,
            String imageAlt) {

        public static Text of(Translation t) {
            return new Text(
                    t.title(), t.lead(), t.dateline(), t.bodySource(), t.format(), t.slug(), t.caption(), t.imageAlt());
        }

        public StoryInput.TranslationInput input() {
            return new StoryInput.TranslationInput(title, lead, dateline, body, format, slug, caption, imageAlt);
        }
    }

    /** This revision carried on by a later save of the same run: its time and version, this start. */
    public Revision continuedAs(Revision later) {
        return new Revision(later.at, lang, action, by, later.version, later.text, startedAt);
    }

    /** How the API names a revision: its version and language, e.g. {@code 3-en}. */
    public String id() {
        return version + "-" + (lang.equals("*") ? "all" : lang);
    }

    public Revision withText(Text newText) {
        return new Revision(at, lang, action, by, version, newText, startedAt);
    }
}
