package newsroom.story;

import java.time.Instant;

/** One accepted change to a story: who did what to which language, at which version. */
public record Revision(Instant at, String lang, String action, String by, long version) {}
