package newsroom.story;

/** The answer to a change: done with a value, or rejected with a reason. */
public sealed interface Outcome<T> {
    record Done<T>(T value) implements Outcome<T> {}

    record Rejected<T>(Rejection reason) implements Outcome<T> {}

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> rejected(Rejection reason) {
        return new Rejected<>(reason);
    }
}
