package newsroom.render;

import java.time.Instant;
import newsroom.story.StoryId;
import newsroom.story.Translation;

/** A published translation as the site lists it: the translation and what its story shares. */
public record Entry(StoryId id, String category, String image, Translation translation) {
  public String lang() {
    return translation.lang();
  }

  public Instant publishedAt() {
    return translation.publishedAt();
  }

  public String path() {
    return translation.path();
  }
}
