package newsroom.story;

import java.time.Instant;

/**
 * One accepted change to a story: who did what to which language, at which version, and the
 * language's text after the change (for a removal, the text removed), so that no edit loses words.
 * The whole story's changes ({@code lang} "*") and revisions written before texts were kept have
 * none.
 */
public record Revision(Instant at, String lang, String action, String by, long version, Text text) {

    public Revision(Instant at, String lang, String action, String by, long version) {
        this(at, lang, action, by, version, null);
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

    /** How the API names a revision: its version and language, e.g. {@code 3-en}. */
    public String id() {
        return version + "-" + (lang.equals("*") ? "all" : lang);
    }

    public Revision withText(Text newText) {
        return new Revision(at, lang, action, by, version, newText);
    }
}
