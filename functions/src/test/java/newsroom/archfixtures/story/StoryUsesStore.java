package newsroom.archfixtures.story;

import newsroom.archfixtures.store.TableRow;

/** Wrong: the domain reading the table's item layout. */
public final class StoryUsesStore {
    public String title(TableRow row) {
        return row.title();
    }
}
