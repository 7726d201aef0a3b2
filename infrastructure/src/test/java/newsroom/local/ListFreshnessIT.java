package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.render.Output;
import org.junit.jupiter.api.Test;

/**
 * A publish reaches every list page at the CDN by revalidation alone: the home page a reader has
 * just loaded through the CDN shows the new story soon after, and no list page is invalidated.
 */
class ListFreshnessIT {
    static final Pattern SECONDS = Pattern.compile("(s-maxage|stale-while-revalidate)=(\\d+)");

    @Test
    void aPublishIsOnTheCachedHomePageWithoutAnyInvalidationOfLists() throws Exception {
        TestStack.settle();
        CdnEmulator cdn = TestStack.get().cdn();
        // the home page is at the edge, as readers left it
        HttpResponse<String> before = TestStack.cdn("/en/");
        assertEquals(200, before.statusCode());
        String control = before.headers().firstValue("Cache-Control").orElseThrow();
        assertEquals(Output.SHORT, control);
        Matcher m = SECONDS.matcher(control);
        long stalest = 0;
        while (m.find()) stalest += Long.parseLong(m.group(2));
        assertTrue(stalest <= 8, "an edge may keep a list page at most s-maxage + stale-while-revalidate: " + control);
        int invalidatedBefore = cdn.invalidated().size();

        String suffix = StaffClient.unique();
        JsonNode story = StaffClient.create(StaffClient.EDITOR, StaffClient.story("city", suffix));
        StaffClient.publish(story, null);
        String title = "New tram line opens " + suffix;

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!TestStack.cdn("/en/").body().contains(title)) {
            if (System.nanoTime() > deadline) throw new AssertionError("the home page never showed the story");
            Thread.sleep(50);
        }
        for (String list : List.of("/en/news/", "/en/category/city/", "/en/feed.xml", "/en/latest.json")) {
            long listDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!TestStack.cdn(list).body().contains(title)) {
                if (System.nanoTime() > listDeadline) throw new AssertionError(list + " never showed the story");
                Thread.sleep(50);
            }
        }

        TestStack.settle();
        List<String> invalidated =
                cdn.invalidated().subList(invalidatedBefore, cdn.invalidated().size());
        for (String path : invalidated) {
            assertTrue(
                    path.matches("/[a-z]{2}/news/[^/]+/index\\.html"), "only article pages are invalidated: " + path);
        }
    }
}
