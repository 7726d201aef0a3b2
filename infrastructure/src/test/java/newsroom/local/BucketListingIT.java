package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The bucket lists what it holds, on the in-memory stack and on the default one whose bucket is a
 * folder: the audit, the export and any S3 client depend on listing.
 */
class BucketListingIT {

    static Stream<Arguments> stacks() {
        return Stream.of(
                Arguments.of("in memory", (Supplier<LocalCloud>) TestStack::get),
                Arguments.of("on disk", (Supplier<LocalCloud>) TestStack::onDisk));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void aPublishedStorysPagesAreListed(String name, Supplier<LocalCloud> stack) throws Exception {
        LocalCloud cloud = stack.get();
        SeparateStack.Published story = SeparateStack.publish(cloud, "Listed " + name);
        TestStack.settle(cloud);
        String pageKey = SiteAudit.objectKey(story.url());
        assertEquals(200, TestStack.cdn(cloud, story.url()).statusCode(), "the page is served");

        List<String> listed = cloud.s3().listObjectsV2Paginator(b -> b.bucket(LocalCloud.BUCKET)).contents().stream()
                .map(S3Object::key)
                .toList();
        assertTrue(listed.contains(pageKey), pageKey + " in " + listed.size() + " keys listed");
        assertTrue(listed.contains("index.html"), "the skeleton's root page is listed");

        List<String> underEn = cloud.services().bucket().keys("en/news/");
        assertTrue(underEn.contains(pageKey), pageKey + " under en/news/: " + underEn);
    }
}
