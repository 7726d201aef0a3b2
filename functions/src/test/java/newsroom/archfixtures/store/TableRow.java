package newsroom.archfixtures.store;

import newsroom.archfixtures.story.StoryUsesStore;

/** With {@link StoryUsesStore}, a cycle: story -> store -> story. */
public record TableRow(String title) {
    public String again(StoryUsesStore story) {
        return story.title(this);
    }
}
