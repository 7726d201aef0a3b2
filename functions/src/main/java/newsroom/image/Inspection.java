package newsroom.image;

/** What an upload's bytes turned out to be: an image worth decoding, or a refusal with a reason. */
public sealed interface Inspection {
    record Accepted(ImageFormat format, int width, int height) implements Inspection {}

    record Refused(String reason) implements Inspection {}
}
