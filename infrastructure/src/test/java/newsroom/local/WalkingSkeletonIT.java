package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class WalkingSkeletonIT {
    static final ObjectMapper JSON = new ObjectMapper();

    static final String STORY = """
      {"category": "health",
       "translations": {
         "en": {"title": "Clinic opens on Abay Avenue", "lead": "A new clinic opens its doors.",
                "dateline": "Almaty", "body": "The clinic serves **twelve thousand** residents.\\n\\n> “We waited for years,” said a resident.", "format": "markdown"},
         "ru": {"title": "На проспекте Абая открылась поликлиника", "lead": "Новая поликлиника открыла двери.",
                "dateline": "Алматы", "body": "Поликлиника обслуживает двенадцать тысяч жителей.", "format": "markdown"}}}
      """;

    @Test
    void postedAndPublishedStoryIsServedByTheCdn() throws Exception {
        PublishSlice.run(TestStack.get());
    }

    @Test
    void requestsWithoutAValidTokenAreRefused() {
        assertEquals(401, TestStack.api("POST", "/articles", null, STORY).statusCode());
        assertEquals(
                401, TestStack.api("POST", "/articles", "not-a-token", STORY).statusCode());
        assertEquals(200, TestStack.api("GET", "/openapi.json", null, null).statusCode());
    }

    @Test
    void cdnServesDirectoriesRedirectsAndNotFound() {
        HttpResponse<String> home = TestStack.cdn("/en/");
        assertEquals(200, home.statusCode());
        HttpResponse<String> noSlash = TestStack.cdn("/en");
        assertEquals(301, noSlash.statusCode());
        assertEquals("/en/", noSlash.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> missing = TestStack.cdn("/en/news/no-such-story/");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    }
}
