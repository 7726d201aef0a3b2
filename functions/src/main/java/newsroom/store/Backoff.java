package newsroom.store;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Bounded exponential backoff with jitter, for work a service took only in part (unprocessed keys,
 * unprocessed items, failed batch entries) or refused for now (throttling). Between two attempts
 * there is always a pause, so a retry never spins; after the last attempt the work fails loudly,
 * so nothing is dropped without a trace and the caller's own retry (a stream batch, a queue
 * message, a client) takes over.
 */
public final class Backoff {
    /** Waits for a pause; tests pass one that records the pauses instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    public static final Sleeper THREAD_SLEEP = pause -> Thread.sleep(pause.toMillis());

    private final Duration base;
    private final Duration cap;
    private final int maxAttempts;
    private final Sleeper sleeper;
    private final SplittableRandom random;

    public Backoff(Duration base, Duration cap, int maxAttempts, Sleeper sleeper, long seed) {
        if (base.isZero() || base.isNegative() || cap.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("base > 0, cap >= base and at least one attempt");
        }
        this.base = base;
        this.cap = cap;
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
        this.random = new SplittableRandom(seed);
    }

    /** 50 ms doubling up to 5 s, ten attempts: about 20 s at most, well inside a function's timeout. */
    public static Backoff standard() {
        return standard(THREAD_SLEEP);
    }

    public static Backoff standard(Sleeper sleeper) {
        return new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5), 10, sleeper, System.nanoTime());
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The pause after attempt {@code attempt} (1 for the first): the exponential step, bounded by
     * the cap, of which half is fixed and half random, so it is never zero and callers that failed
     * together do not retry together.
     */
    public synchronized Duration delay(int attempt) {
        long step = Math.min(cap.toMillis(), base.toMillis() << Math.min(Math.max(attempt, 1) - 1, 30));
        long half = step / 2;
        return Duration.ofMillis(half + random.nextLong(step - half + 1));
    }

    /**
     * Hands {@code work} to {@code round}, then what it left to the next round, until {@code done}
     * holds for the rest. A round refused by throttling counts as a round that did nothing.
     *
     * @throws Incomplete when work remains after the last attempt
     */
    public <T> void drain(String what, T work, UnaryOperator<T> round, Predicate<T> done) {
        T remaining = work;
        for (int attempt = 1; ; attempt++) {
            RuntimeException refused = null;
            try {
                remaining = round.apply(remaining);
                if (done.test(remaining)) return;
            } catch (SdkServiceException e) {
                if (!isThrottling(e)) throw e;
                refused = e;
            }
            if (attempt >= maxAttempts) {
                throw new Incomplete(what + ": unfinished after " + attempt + " attempts", refused);
            }
            pause(attempt);
        }
    }

    /** Calls {@code call} until it is not refused by throttling, or the attempts are spent. */
    public <T> T call(String what, java.util.function.Supplier<T> call) {
        return call(what, Backoff::isThrottling, call);
    }

    /** Calls {@code call} until it is not refused in a way {@code retryable} accepts, or the attempts are spent. */
    public <T> T call(String what, Predicate<SdkServiceException> retryable, java.util.function.Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (SdkServiceException e) {
                if (!retryable.test(e)) throw e;
                if (attempt >= maxAttempts) {
                    throw new Incomplete(what + ": still refused after " + attempt + " attempts", e);
                }
            }
            pause(attempt);
        }
    }

    /** Throttling and "try again later" answers, as opposed to refusals that retrying cannot change. */
    public static boolean isThrottling(SdkServiceException e) {
        if (e instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()) {
            // a transaction is refused whole; throttling of any of its items is a "later", never a "no"
            return cancelled.cancellationReasons().stream().anyMatch(r -> "ThrottlingError".equals(r.code()))
                    && cancelled.cancellationReasons().stream()
                            .noneMatch(r -> "ConditionalCheckFailed".equals(r.code()));
        }
        return e.isThrottlingException() || e.statusCode() == 429 || e.statusCode() == 503;
    }

    private void pause(int attempt) {
        try {
            sleeper.sleep(delay(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Incomplete("interrupted while backing off", e);
        }
    }

    /** Work that a service would still not take after every attempt. */
    public static final class Incomplete extends RuntimeException {
        public Incomplete(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
