package newsroom.api;

import java.util.List;
import newsroom.story.FieldError;

/** A request the API refuses before it reaches the newsroom; carries its problem+json answer. */
final class ApiException extends RuntimeException {
    final int status;
    final String title;
    final List<FieldError> errors;

    ApiException(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    static ApiException of(int status, String title, String detail) {
        return new ApiException(status, title, detail, List.of());
    }

    static ApiException invalid(List<FieldError> errors) {
        return new ApiException(400, "Invalid request", "The request has invalid fields.", errors);
    }

    static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }
}
