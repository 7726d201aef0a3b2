package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import newsroom.Services;
import newsroom.render.Entry;
import newsroom.story.Actor;
import newsroom.story.BodyFormat;
import newsroom.story.Outcome;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryInput;
import org.junit.jupiter.api.Test;

/** The published index on DynamoDB Local: answers longer than one query's 1 MB. */
class SiteIndexIT {
  static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

  @Test
  void aMonthOfLongStoriesIsListedWhole() {
    Services services = TestStack.get().services();
    Actor editor = new Actor("index-it", Set.of("editors"));
    YearMonth month = YearMonth.of(2003, 3);
    // 12 stories of 60 KB (source and HTML each): about 1.5 MB in the month, past one query's 1 MB
    String body = ("Жаңалық мәтіні. " + "Сөз ".repeat(14)).repeat(1_000).substring(0, 30_000);
    List<StoryId> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      var t =
          new StoryInput.TranslationInput(
              "Long index story " + i, "", "", body, BodyFormat.MARKDOWN, null, null, null);
      Story s =
          ((Outcome.Done<Story>)
                  services
                      .stories()
                      .create(
                          editor, new StoryInput("city", List.of(), null, null, Map.of("kk", t))))
              .value();
      Instant at = month.atDay(2 + i).atTime(10, 0).atZone(ALMATY).toInstant();
      services.stories().publish(editor, s.id(), s.version(), List.of(), Optional.of(at));
      ids.add(s.id());
    }
    Instant from = month.atDay(1).atStartOfDay(ALMATY).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ALMATY).toInstant();

    List<Entry> listed = services.index().between("kk", from, to, 5000);
    assertEquals(12, listed.size());
    assertEquals(ids.get(11), listed.get(0).id());
    assertEquals(5, services.index().between("kk", from, to, 5).size());
    assertEquals(Set.copyOf(ids), services.index().stories(ids).keySet());
  }
}
