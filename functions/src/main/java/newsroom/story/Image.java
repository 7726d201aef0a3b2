package newsroom.story;

/** A story's picture: where it lives on the site. Caption and alt text belong to translations. */
public record Image(String src) {}
