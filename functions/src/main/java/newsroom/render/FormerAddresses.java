package newsroom.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import newsroom.story.StoryId;

/**
 * Keeps the redirect store in step with the addresses stories are published at, so that a story's
 * old links keep working. The store holds two kinds of keys:
 *
 * <ul>
 *   <li>a path a translation was published at before (`/en/news/old-slug/`) → the translation
 *       (`story/<id>/en`);
 *   <li>the translation → the path it is published at now, or `unpublished <path>` while it is not.
 * </ul>
 *
 * The URL function follows path → translation → current path, so every former address of a story
 * reaches its current page in one redirect however often it moved (slugs A → B → C: A and B both
 * lead to C), and only one key changes per move. A path a published translation holds is never a
 * key, so a slug freed and taken by another story is that story's page: the new story wins. While a
 * translation is unpublished its former addresses answer 404, and they lead to it again once it is
 * republished, at whatever slug; a deleted translation's key goes, and its former addresses 404.
 */
public final class FormerAddresses {
    static final String UNPUBLISHED = "unpublished ";

    private final Redirects store;
    private final SiteIndex index;

    public FormerAddresses(Redirects store, SiteIndex index) {
        this.store = store;
        this.index = index;
    }

    /** The store's key of a translation. */
    public static String key(StoryId id, String lang) {
        return "story/" + id.value() + "/" + lang;
    }

    /** Follows each change in order; returns how many former addresses now lead to a story's page. */
    public int follow(Collection<Change> changes) {
        int redirected = 0;
        for (Change change : changes) redirected += follow(change);
        return redirected;
    }

    /**
     * Brings the store up to date with one change. Each change reads the store first, so changes of
     * one translation in one batch apply in order; applying a change again changes nothing. Returns
     * how many former addresses the change made lead to the translation (0 or 1).
     */
    public int follow(Change change) {
        // drafts that stay drafts change no address; a removal may leave a key of an earlier publication
        if (!change.touchesPublicSite() && change.after().isPresent()) return 0;
        String story = key(change.id(), change.lang());
        Optional<String> recorded = store.get(story);
        Optional<String> last = recorded.map(v -> v.startsWith(UNPUBLISHED) ? v.substring(UNPUBLISHED.length()) : v);
        Optional<Change.State> published = change.after().filter(Change.State::published);
        List<Redirects.Edit> edits = new ArrayList<>();
        if (published.isPresent()) {
            String path = SitePaths.article(change.lang(), published.get().slug());
            last.filter(former -> !former.equals(path))
                    .filter(former -> heldByNoOtherStory(change, former))
                    .ifPresent(former -> edits.add(new Redirects.Edit.Put(former, story)));
            if (!recorded.equals(Optional.of(path))) edits.add(new Redirects.Edit.Put(story, path));
            // the page is here now: no redirect may hide it, whoever left it
            if (store.get(path).isPresent()) edits.add(new Redirects.Edit.Remove(path));
        } else if (change.after().isEmpty()) {
            if (recorded.isPresent()) edits.add(new Redirects.Edit.Remove(story));
        } else if (recorded.isPresent() && !recorded.get().startsWith(UNPUBLISHED)) {
            edits.add(new Redirects.Edit.Put(story, UNPUBLISHED + last.get()));
        }
        if (!edits.isEmpty()) store.update(edits);
        return (int) edits.stream()
                .filter(e -> e instanceof Redirects.Edit.Put put && put.key().startsWith("/"))
                .count();
    }

    /**
     * Whether no other story is published at the path now: changes of different stories may reach
     * the renderer out of order, and a story that took the freed slug must keep its page.
     */
    private boolean heldByNoOtherStory(Change change, String path) {
        return SitePaths.articleSlug(change.lang(), path)
                .map(slug -> index.bySlug(change.lang(), slug)
                        .map(e -> e.id().equals(change.id()))
                        .orElse(true))
                .orElse(false);
    }
}
