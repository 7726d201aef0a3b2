package newsroom.story;

/** Where a translation stands on its way to readers. */
public enum Status {
    DRAFT,
    SCHEDULED,
    PUBLISHED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Status fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
