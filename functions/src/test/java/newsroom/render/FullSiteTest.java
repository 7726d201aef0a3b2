package newsroom.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import newsroom.story.InMemoryStories;
import org.junit.jupiter.api.Test;

class FullSiteTest {

    @Test
    void aSiteWithoutStoriesIsItsSkeleton() {
        List<Page> skeleton = FullSite.skeleton(SiteFixture.CONFIG);

        assertEquals(FullSite.pages(new InMemorySiteIndex(new InMemoryStories()), SiteFixture.CONFIG), skeleton);
        assertTrue(skeleton.contains(
                new Page.Category("ru", SiteFixture.CONFIG.categories().get(0))));
        assertTrue(skeleton.contains(new Page.Robots()));
    }
}
