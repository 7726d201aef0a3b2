package newsroom.story;

import java.util.UUID;
import java.util.regex.Pattern;

/** A story's identifier: a random UUID in canonical lower-case form. */
public record StoryId(String value) {
    private static final Pattern FORM =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    public StoryId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a story id");
        }
    }

    public static StoryId random() {
        return new StoryId(UUID.randomUUID().toString());
    }

    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
