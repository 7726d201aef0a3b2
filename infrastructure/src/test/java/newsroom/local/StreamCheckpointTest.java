package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamCheckpointTest {
    static final String STREAM = "arn:aws:dynamodb:ddblocal:000000000000:table/newsroom/stream/1";

    @Test
    void positionsSurviveReopeningTheFile(@TempDir Path dir) {
        Path file = dir.resolve("stream-checkpoint.properties");
        StreamCheckpoint.open(file, STREAM).advance("shard-1", "000000000000000000042");

        StreamCheckpoint reopened = StreamCheckpoint.open(file, STREAM);
        assertTrue(reopened.tracked());
        assertEquals(Optional.of("000000000000000000042"), reopened.position("shard-1"));
        assertEquals(Optional.empty(), reopened.position("shard-2"));
    }

    @Test
    void aStreamSeenBeforeIsTrackedEvenWithoutAHandledRecord(@TempDir Path dir) {
        Path file = dir.resolve("stream-checkpoint.properties");
        assertFalse(StreamCheckpoint.open(file, STREAM).tracked());
        // a restart before the first record was handled must read the shard from its start
        assertTrue(StreamCheckpoint.open(file, STREAM).tracked());
    }

    @Test
    void theCheckpointOfAnotherStreamIsNotUsed(@TempDir Path dir) {
        Path file = dir.resolve("stream-checkpoint.properties");
        StreamCheckpoint.open(file, STREAM).advance("shard-1", "000000000000000000042");

        StreamCheckpoint other = StreamCheckpoint.open(file, STREAM + "-recreated");
        assertFalse(other.tracked());
        assertEquals(Optional.empty(), other.position("shard-1"));
    }

    @Test
    void whereAFirstRunBeganAtAShardsEndIsKeptToTheSecond(@TempDir Path dir) {
        Path file = dir.resolve("stream-checkpoint.properties");
        StreamCheckpoint.open(file, STREAM).startAtEnd("shard-1", java.time.Instant.parse("2026-12-02T10:15:30.750Z"));

        StreamCheckpoint reopened = StreamCheckpoint.open(file, STREAM);
        assertEquals(Optional.of(java.time.Instant.parse("2026-12-02T10:15:30Z")), reopened.startedAtEnd("shard-1"));
        assertEquals(Optional.empty(), reopened.startedAtEnd("shard-2"));
        assertEquals(Optional.empty(), reopened.position("shard-1"));
        assertEquals(
                Optional.empty(),
                StreamCheckpoint.open(file, STREAM + "-recreated").startedAtEnd("shard-1"));
    }
}
