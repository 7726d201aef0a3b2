package newsroom.archfixtures.store;

import newsroom.archfixtures.render.FixtureEntry;

/** Wrong: the adapter borrowing a service's logic through a static helper on a value. */
public final class ItemsUseAnEntryHelper {
    public FixtureEntry entry(String title, String body) {
        return new FixtureEntry(title, FixtureEntry.excerptOf(body));
    }
}
