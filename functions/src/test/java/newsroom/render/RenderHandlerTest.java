package newsroom.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Instant;
import newsroom.story.Status;
import org.junit.jupiter.params.ParameterizedTest;

class RenderHandlerTest {

  @ParameterizedTest
  @Event(value = "events/stream-publish.json", type = DynamodbEvent.class)
  void translationRecordsBecomeChangesAndOtherItemsAreSkipped(DynamodbEvent event) {
    var changes =
        event.getRecords().stream()
            .map(RenderHandler::change)
            .flatMap(java.util.Optional::stream)
            .toList();
    assertEquals(1, changes.size());
    Change change = changes.get(0);
    assertEquals("en", change.lang());
    assertEquals("0b8f3c1e-8a4f-4f0e-9d43-2f1b6f0c9a11", change.id().value());
    assertEquals(Status.DRAFT, change.before().orElseThrow().status());
    assertEquals(Status.PUBLISHED, change.after().orElseThrow().status());
    assertEquals(Instant.parse("2026-11-22T06:00:00Z"), change.after().orElseThrow().publishedAt());
    assertTrue(change.touchesPublicSite());
  }
}
