package newsroom;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The functions' layers: entry points ({@code lambda}, with the composition root) → services
 * ({@code api}, {@code render}, {@code search}, {@code image}) → domain ({@code story}, {@code
 * site}); {@code store} implements the services' ports and is reached only from the entry points.
 * Each rule is written over a root package, so that {@link RulesCatchWrongDependencies} can show it
 * failing on deliberately wrong classes under {@code newsroom.archfixtures}.
 */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("newsroom");

    static final List<String> SERVICES = List.of("api", "render", "search", "image");
    static final List<String> DOMAIN = List.of("story", "site");

    /** No package imports one that imports it, however long the way round. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** Entry points → services → domain; the store is reached only by the entry points. */
    static ArchRule layers(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Entry points")
                .definedBy(root + ".lambda..")
                .layer("Services")
                .definedBy(packages(root, SERVICES))
                .layer("Domain")
                .definedBy(packages(root, DOMAIN))
                .layer("Store")
                .definedBy(root + ".store..")
                .whereLayer("Entry points")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Services")
                .mayOnlyAccessLayers("Domain")
                .whereLayer("Domain")
                .mayNotAccessAnyLayer()
                .whereLayer("Store")
                .mayOnlyBeAccessedByLayers("Entry points");
    }

    /**
     * The store implements ports: of the services it may know only their interfaces and the values
     * those carry (records, enums, and what an interface declares inside it), never their workings:
     * neither their classes nor a static helper on one of their values (as the excerpt once was).
     */
    static ArchRule storeOnlyImplementsPorts(String root) {
        DescribedPredicate<JavaClass> portOrValue = DescribedPredicate.describe(
                "a port or a value a port carries",
                c -> c.isInterface()
                        || c.isRecord()
                        || c.isEnum()
                        || c.getEnclosingClass().map(JavaClass::isInterface).orElse(false));
        DescribedPredicate<JavaClass> inServices = resideInAnyPackage(packages(root, SERVICES));
        DescribedPredicate<JavaMethodCall> serviceHelper = DescribedPredicate.describe(
                "a static method of a service package",
                call -> inServices.test(call.getTargetOwner())
                        && call.getTarget()
                                .resolveMember()
                                .map(m -> m.getModifiers().contains(JavaModifier.STATIC))
                                .orElse(false));
        return noClasses()
                .that()
                .resideInAPackage(root + ".store..")
                .should()
                .dependOnClassesThat(inServices.and(not(portOrValue)))
                .orShould()
                .callMethodWhere(serviceHelper);
    }

    /** Nothing but the entry points (which wire the adapters in) depends on the store. */
    static ArchRule onlyEntryPointsUseTheStore(String root) {
        return noClasses()
                .that()
                .resideOutsideOfPackages(root + ".store..", root + ".lambda..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".store..");
    }

    /** AWS SDK and Lambda types only in the entry points and the store. */
    static ArchRule awsOnlyAtTheEdges(String root) {
        return noClasses()
                .that()
                .resideOutsideOfPackages(root + ".lambda..", root + ".store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("software.amazon..", "com.amazonaws..");
    }

    private static String[] packages(String root, List<String> names) {
        return names.stream().map(n -> root + "." + n + "..").toArray(String[]::new);
    }

    @Test
    void noPackageCycles() {
        noCycles("newsroom").check(CLASSES);
    }

    @Test
    void entryPointsThenServicesThenDomain() {
        layers("newsroom").check(CLASSES);
    }

    @Test
    void theStoreOnlyImplementsPorts() {
        storeOnlyImplementsPorts("newsroom").check(CLASSES);
    }

    @Test
    void onlyTheEntryPointsDependOnTheStore() {
        onlyEntryPointsUseTheStore("newsroom").check(CLASSES);
    }

    @Test
    void awsAndLambdaTypesStayAtTheEdges() {
        awsOnlyAtTheEdges("newsroom").check(CLASSES);
    }

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

    /**
     * Each rule over {@code newsroom.archfixtures}, a small tree of test-only classes with one wrong
     * dependency per rule: the rule must report that class, and must not report the right ones.
     */
    @Nested
    class RulesCatchWrongDependencies {
        static final String ROOT = "newsroom.archfixtures";
        static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(ROOT);

        @Test
        void aCycleBetweenPackagesIsReported() {
            // story -> store (StoryUsesStore) and store -> story (TableRow)
            assertReports(noCycles(ROOT), "StoryUsesStore", "TableRow");
        }

        @Test
        void theDomainReachingTheStoreBreaksTheLayers() {
            assertReports(layers(ROOT), "StoryUsesStore");
        }

        @Test
        void aServiceReachingTheCompositionRootBreaksTheLayers() {
            assertReports(layers(ROOT), "RendererUsesRoot");
        }

        @Test
        void theStoreUsingARendererRatherThanAPortIsReported() {
            EvaluationResult result = storeOnlyImplementsPorts(ROOT).evaluate(FIXTURES);
            assertReports(result, "TableUsesRenderer", "ItemsUseAnEntryHelper");
            assertFalse(result.getFailureReport().toString().contains("FixtureBucket."), "a port is allowed");
        }

        @Test
        void aServiceUsingTheStoreIsReported() {
            assertReports(onlyEntryPointsUseTheStore(ROOT), "StoryUsesStore");
        }

        @Test
        void lambdaTypesInAServiceAreReported() {
            EvaluationResult result = awsOnlyAtTheEdges(ROOT).evaluate(FIXTURES);
            assertReports(result, "RendererUsesLambda");
            assertFalse(result.getFailureReport().toString().contains("FixtureRoot"), "entry points may");
        }

        private void assertReports(ArchRule rule, String... classes) {
            assertReports(rule.evaluate(FIXTURES), classes);
        }

        private void assertReports(EvaluationResult result, String... classes) {
            assertTrue(result.hasViolation(), "the rule found nothing wrong");
            String report = result.getFailureReport().toString();
            for (String c : classes) assertTrue(report.contains(c), c + " not reported:\n" + report);
        }
    }
}
