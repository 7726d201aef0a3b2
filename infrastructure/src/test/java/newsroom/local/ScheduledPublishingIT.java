package newsroom.local;

import static newsroom.local.SeparateStack.awaitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The publisher's schedule on a stack whose clock the test moves: a translation scheduled for an
 * hour ahead is published as soon as the stack's time reaches it, with no test waiting an hour, or
 * any time at all, for the clock.
 */
class ScheduledPublishingIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final TestClock CLOCK = TestClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    static LocalCloud cloud;
    static String editor;

    @BeforeAll
    static void startOnTheTestsClock() throws Exception {
        StackOptions options = new StackOptions(
                        TestStack.freePort(),
                        TestStack.freePort(),
                        0,
                        0,
                        Optional.empty(),
                        CloudTemplate.locate(),
                        50,
                        3,
                        true)
                .withClock(CLOCK);
        cloud = LocalCloud.start(options, LocalAuth.generate());
        cloud.writeSkeleton();
        editor = cloud.auth().token("erlan", List.of("editors"), Duration.ofHours(1));
    }

    @AfterAll
    static void stop() {
        if (cloud != null) cloud.close();
    }

    @Test
    void aScheduledTranslationIsPublishedWhenTheStacksClockReachesItsTime() throws Exception {
        JsonNode story = created();
        Instant at = CLOCK.instant().plus(Duration.ofHours(1));

        JsonNode scheduled = answer(
                200,
                TestStack.api(
                        cloud,
                        "POST",
                        "/articles/" + id(story) + "/publish",
                        editor,
                        "{\"languages\": [\"en\"], \"at\": \"" + at + "\"}",
                        "If-Match",
                        etag(story)));

        assertEquals("scheduled", scheduled.at("/translations/en/status").asText());
        assertEquals(
                at, Instant.parse(scheduled.at("/translations/en/publishedAt").asText()));
        assertEquals("draft", scheduled.at("/translations/ru/status").asText());
        JsonNode listed = answer(200, TestStack.api(cloud, "GET", "/articles?status=scheduled", editor, null));
        assertEquals(id(story), listed.at("/items/0/id").asText());

        long ticks = cloud.scheduleTicks();
        CLOCK.advance(Duration.ofHours(1).plusMinutes(1));

        awaitUntil(
                "the schedule fires on the moved clock", Duration.ofSeconds(30), () -> cloud.scheduleTicks() > ticks);
        JsonNode after = read(id(story));
        assertEquals("published", after.at("/translations/en/status").asText());
        assertEquals(at, Instant.parse(after.at("/translations/en/publishedAt").asText()));
        assertEquals("draft", after.at("/translations/ru/status").asText());
        JsonNode revisions = answer(
                        200, TestStack.api(cloud, "GET", "/articles/" + id(story) + "/revisions", editor, null))
                .get("items");
        JsonNode last = revisions.get(revisions.size() - 1);
        assertEquals("publish-scheduled", last.get("action").asText());
        assertEquals("schedule", last.get("by").asText());
        TestStack.settle(cloud);
        HttpResponse<String> page =
                TestStack.cdn(cloud, after.at("/translations/en/url").asText());
        assertEquals(200, page.statusCode());
        assertEquals(
                after.at("/translations/en/title").asText(),
                Jsoup.parse(page.body()).selectFirst("h1").text());
    }

    private static JsonNode created() {
        ObjectNode story = JSON.createObjectNode();
        story.put("category", "transport");
        ObjectNode translations = story.putObject("translations");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        translations.set("en", translation("Night trams start in spring " + suffix, "Almaty"));
        translations.set("ru", translation("Ночные трамваи пойдут весной " + suffix, "Алматы"));
        return answer(201, TestStack.api(cloud, "POST", "/articles", editor, story.toString()));
    }

    private static ObjectNode translation(String title, String dateline) {
        ObjectNode t = JSON.createObjectNode();
        t.put("title", title);
        t.put("lead", "The first line runs all night.");
        t.put("dateline", dateline);
        t.put("body", "Trams every **twenty** minutes.");
        t.put("format", "markdown");
        return t;
    }

    private static JsonNode read(String id) {
        return answer(200, TestStack.api(cloud, "GET", "/articles/" + id, editor, null));
    }

    private static JsonNode answer(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String id(JsonNode story) {
        return story.get("id").asText();
    }

    private static String etag(JsonNode story) {
        return "\"" + story.get("version").asLong() + "\"";
    }
}
