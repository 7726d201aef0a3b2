package newsroom.story;

/** How much a story may hold: each field's limit, and the whole story's. */
public final class StoryLimits {
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

    private StoryLimits() {}
}
