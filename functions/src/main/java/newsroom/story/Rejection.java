package newsroom.story;

import java.util.List;

/** Why the newsroom refused a change: the closed set of business answers other than success. */
public sealed interface Rejection {
    record NotFound(String what) implements Rejection {}

    record Stale(long currentVersion) implements Rejection {}

    record Invalid(List<FieldError> errors) implements Rejection {
        public Invalid {
            errors = List.copyOf(errors);
        }

        public static Invalid of(String field, String message) {
            return new Invalid(List.of(new FieldError(field, message)));
        }
    }

    record SlugTaken(String lang, String slug) implements Rejection {}

    /** The actor's role does not allow this change (e.g. a writer editing a published story). */
    record NotAllowed(String reason) implements Rejection {}
}
