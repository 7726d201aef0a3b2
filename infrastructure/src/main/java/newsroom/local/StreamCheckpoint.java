package newsroom.local;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * How far the stream poller got in each shard, kept in a file beside the table's data, so that a
 * restarted stack resumes after the last handled record instead of skipping what was written while
 * it was down (Lambda's event source mapping keeps the same kind of checkpoint).
 */
final class StreamCheckpoint {
    private static final String STREAM = "stream";
    private static final String SHARD_PREFIX = "shard.";
    private static final String LATEST_PREFIX = "latest.";

    private final Path file;
    private final Properties positions = new Properties();
    private final boolean tracked;

    private StreamCheckpoint(Path file, String streamArn) {
        this.file = file;
        Properties stored = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                stored.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the stream checkpoint " + file, e);
            }
        }
        // a checkpoint of another stream (the table was created again) says nothing about this one
        this.tracked = streamArn.equals(stored.getProperty(STREAM));
        if (tracked) positions.putAll(stored);
        positions.setProperty(STREAM, streamArn);
    }

    /** Opens the checkpoint of {@code streamArn} in {@code file}, and records that it is tracked. */
    static StreamCheckpoint open(Path file, String streamArn) {
        StreamCheckpoint checkpoint = new StreamCheckpoint(file, streamArn);
        checkpoint.save();
        return checkpoint;
    }

    /**
     * Whether this stream was read by an earlier run: then a shard without a position was never
     * handled at all and must be read from its start, or records written while down would be lost.
     */
    boolean tracked() {
        return tracked;
    }

    /** The sequence number of the last record handled in {@code shard}, if any. */
    synchronized Optional<String> position(String shard) {
        return Optional.ofNullable(positions.getProperty(SHARD_PREFIX + shard));
    }

    /**
     * When reading of {@code shard} began at its end (LATEST) on a first run, if it did: what the
     * shard held then was skipped on purpose, and is skipped again by a run that finds no position.
     */
    synchronized Optional<Instant> startedAtEnd(String shard) {
        String second = positions.getProperty(LATEST_PREFIX + shard);
        if (second == null) return Optional.empty();
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(second.trim())));
        } catch (NumberFormatException e) {
            // a mark spoilt by hand is no mark: the shard is read from its start, as before marks
            return Optional.empty();
        }
    }

    /** Records that reading of {@code shard} began at its end at {@code at} (kept to the second). */
    synchronized void startAtEnd(String shard, Instant at) {
        positions.setProperty(LATEST_PREFIX + shard, Long.toString(at.getEpochSecond()));
        save();
    }

    /** Records that every record of {@code shard} up to {@code sequenceNumber} is handled. */
    synchronized void advance(String shard, String sequenceNumber) {
        positions.setProperty(SHARD_PREFIX + shard, sequenceNumber);
        save();
    }

    private synchronized void save() {
        try {
            StringWriter text = new StringWriter();
            positions.store(
                    text,
                    "stream poller checkpoint: last handled sequence number per shard, and the second a first run began at a shard's end");
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
            // a crash while writing leaves the previous checkpoint, never half of one
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stream checkpoint " + file, e);
        }
    }
}
