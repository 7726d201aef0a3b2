package newsroom.story;

/** One thing wrong with a request, pointing at the field (dotted path) it concerns. */
public record FieldError(String field, String message) {}
