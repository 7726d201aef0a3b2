package newsroom.local;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same slice against LocalStack's DynamoDB (with streams) and S3, when a Docker engine is
 * there; skipped, not failed, where none is.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIT {
    // "latest" needs an auth token since March 2026: pin a 4.x release
    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("dynamodb", "s3");

    static LocalCloud cloud;

    @BeforeAll
    static void startAgainstLocalStack() throws Exception {
        String endpoint = LOCALSTACK.getEndpoint().toString();
        StackOptions options = new StackOptions(0, 0, 0, 0, Optional.empty(), CloudTemplate.locate(), 100, 3, false);
        cloud = LocalCloud.start(options, LocalAuth.generate(), Optional.of(new Endpoints(endpoint, endpoint)));
        cloud.writeSkeleton();
    }

    @AfterAll
    static void stop() {
        if (cloud != null) cloud.close();
    }

    @Test
    void postedAndPublishedStoryIsServedByTheCdn() throws Exception {
        PublishSlice.run(cloud);
    }
}
