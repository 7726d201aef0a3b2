package newsroom.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

/** SnapStart's priming of the publisher renders the news sitemap, publishes nothing, writes nothing. */
class PublisherHandlerPrimingTest {
    @Test
    void primingRendersTheSitemapPublishesNothingAndLeavesTheHandlerPublishing() throws Exception {
        PrimingFixture site = new PrimingFixture();
        PublisherHandler handler = site.wiring.publisherHandler();
        long writes = site.repository.writes();

        assertTrue(handler.prime() > 0, "the news sitemap was rendered");
        ((Resource) handler).beforeCheckpoint(null);
        assertEquals(writes, site.repository.writes(), "priming published the due story");
        assertEquals(0, site.bucket.puts(), "priming wrote to the bucket");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), out, null);
        assertEquals("\"published 1\"", out.toString(StandardCharsets.UTF_8));
        assertTrue(site.bucket.puts() > 0, "the sitemap is written after priming");
    }
}
