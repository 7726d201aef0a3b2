package newsroom.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import newsroom.story.Actor;
import newsroom.story.BodyFormat;
import newsroom.story.InMemoryStories;
import newsroom.story.Outcome;
import newsroom.story.Status;
import newsroom.story.Story;
import newsroom.story.StoryId;
import newsroom.story.StoryInput;
import newsroom.story.StoryService;
import org.junit.jupiter.api.Test;

/** The redirect store through a story's life: each state of the store, key by key. */
class FormerAddressesTest {
    static final Instant AT = Instant.parse("2026-11-22T00:00:00Z");
    final InMemoryStories stories = new InMemoryStories();
    final Actor editor = new Actor("erlan", Set.of("editors"));
    final StoryService service =
            new StoryService(stories, List.of("en"), List.of("city"), Clock.fixed(AT, ZoneOffset.UTC));
    final Map<String, String> kept = new TreeMap<>();
    final Redirects store = new Redirects() {
        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(kept.get(key));
        }

        @Override
        public void update(List<Edit> edits) {
            for (Edit e : edits) {
                if (e instanceof Edit.Put p) kept.put(p.key(), p.value());
                else kept.remove(((Edit.Remove) e).key());
            }
        }
    };
    final FormerAddresses addresses = new FormerAddresses(store, new InMemorySiteIndex(stories));

    Story publishedStory(String slug) {
        var t = new StoryInput.TranslationInput(
                "Title " + slug, "Lead", "Almaty", "Body", BodyFormat.MARKDOWN, slug, null, null);
        Story s = ((Outcome.Done<Story>)
                        service.create(editor, new StoryInput("city", List.of(), null, null, Map.of("en", t))))
                .value();
        return ((Outcome.Done<Story>) service.publish(editor, s.id(), 1, List.of(), Optional.empty())).value();
    }

    static Optional<Change.State> published(String slug) {
        return Optional.of(new Change.State(Status.PUBLISHED, AT, slug, "city"));
    }

    static Optional<Change.State> draft(String slug) {
        return Optional.of(new Change.State(Status.DRAFT, null, slug, "city"));
    }

    int follow(StoryId id, Optional<Change.State> before, Optional<Change.State> after) {
        return addresses.follow(new Change(id, "en", before, after));
    }

    @Test
    void everyFormerSlugLeadsToTheCurrentOneAndATakenSlugIsItsNewStorys() {
        StoryId x = new StoryId("00000000-0000-4000-8000-000000000001");
        String story = FormerAddresses.key(x, "en");
        assertEquals(0, follow(x, draft("a"), published("a")), "a first publication redirects nothing");
        assertEquals(Map.of(story, "/en/news/a/"), kept);
        assertEquals(1, follow(x, published("a"), published("b")), "the former address a now redirects");
        assertEquals(1, follow(x, published("b"), published("c")));
        assertEquals(Map.of("/en/news/a/", story, "/en/news/b/", story, story, "/en/news/c/"), kept);
        // again: nothing changes
        assertEquals(0, follow(x, published("b"), published("c")));
        assertEquals(Map.of("/en/news/a/", story, "/en/news/b/", story, story, "/en/news/c/"), kept);

        // unpublished, its slug changed as a draft, published again: every former address leads there
        follow(x, published("c"), draft("c"));
        assertEquals("unpublished /en/news/c/", kept.get(story));
        follow(x, draft("c"), draft("d"));
        follow(x, draft("d"), published("d"));
        assertEquals(
                Map.of("/en/news/a/", story, "/en/news/b/", story, "/en/news/c/", story, story, "/en/news/d/"), kept);

        // another story publishes at the freed slug a: its page, not a redirect
        StoryId y = new StoryId("00000000-0000-4000-8000-000000000002");
        follow(y, draft("a"), published("a"));
        assertEquals(null, kept.get("/en/news/a/"));
        assertEquals("/en/news/a/", kept.get(FormerAddresses.key(y, "en")));

        // deleted: its key goes, and its former addresses lead nowhere
        follow(x, published("d"), Optional.empty());
        assertEquals(null, kept.get(story));
    }

    @Test
    void aChangeArrivingAfterAnotherStoryTookTheFreedSlugLeavesThatStorysPage() {
        Story holder = publishedStory("taken");
        StoryId mover = new StoryId("00000000-0000-4000-8000-000000000003");
        kept.put(FormerAddresses.key(mover, "en"), "/en/news/taken/");
        follow(mover, published("taken"), published("elsewhere"));
        assertEquals(null, kept.get("/en/news/taken/"), "the holder " + holder.id() + " keeps its page");
        assertEquals("/en/news/elsewhere/", kept.get(FormerAddresses.key(mover, "en")));
    }
}
