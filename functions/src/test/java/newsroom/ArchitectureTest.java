package newsroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("newsroom");

    @Test
    void domainKnowsNothingOfAwsOrLambda() {
        noClasses()
                .that()
                .resideInAnyPackage("newsroom.story..", "newsroom.site..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .check(CLASSES);
    }

    @Test
    void onlyTheStoreTalksToDynamoDbAndS3() {
        noClasses()
                .that()
                .resideOutsideOfPackages("newsroom.store..", "newsroom.lambda..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "software.amazon.awssdk.services.dynamodb..", "software.amazon.awssdk.services.s3..")
                .check(CLASSES);
    }
}
