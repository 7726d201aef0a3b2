package newsroom.story;

/** The markup a staff member wrote a body in. */
public enum BodyFormat {
    MARKDOWN,
    HTML;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
