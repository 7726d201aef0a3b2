package newsroom.archfixtures.render;

/** A value a port carries, with a static helper that belongs elsewhere. */
public record FixtureEntry(String title, String excerpt) {
    public static String excerptOf(String body) {
        return body.length() > 10 ? body.substring(0, 10) : body;
    }
}
