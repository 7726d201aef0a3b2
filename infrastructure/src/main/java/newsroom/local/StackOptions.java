package newsroom.local;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * How to start the local stack: ports (0 picks a free one for the HTTP servers), where data lives,
 * pacing, and the clock the functions, the CDN's lifetimes and the publisher's schedule go by.
 */
public record StackOptions(
        int dynamoPort,
        int s3Port,
        int apiPort,
        int cdnPort,
        Optional<Path> dataDir,
        Path templateFile,
        long pollMillis,
        int streamRetries,
        boolean schedule,
        Clock clock) {
    /** A stack on the system's clock. */
    public StackOptions(
            int dynamoPort,
            int s3Port,
            int apiPort,
            int cdnPort,
            Optional<Path> dataDir,
            Path templateFile,
            long pollMillis,
            int streamRetries,
            boolean schedule) {
        this(
                dynamoPort,
                s3Port,
                apiPort,
                cdnPort,
                dataDir,
                templateFile,
                pollMillis,
                streamRetries,
                schedule,
                Clock.systemUTC());
    }

    public static StackOptions defaults(Optional<Path> dataDir) {
        return new StackOptions(8000, 9000, 3000, 8080, dataDir, CloudTemplate.locate(), 100, 5, true);
    }

    /** The same stack with every port moved by {@code offset}, to run several side by side. */
    public StackOptions shifted(int offset) {
        return new StackOptions(
                dynamoPort + offset,
                s3Port + offset,
                apiPort + offset,
                cdnPort + offset,
                dataDir,
                templateFile,
                pollMillis,
                streamRetries,
                schedule,
                clock);
    }

    /** The same stack on another clock: tests move it on instead of waiting for time to pass. */
    public StackOptions withClock(Clock other) {
        return new StackOptions(
                dynamoPort,
                s3Port,
                apiPort,
                cdnPort,
                dataDir,
                templateFile,
                pollMillis,
                streamRetries,
                schedule,
                other);
    }
}
