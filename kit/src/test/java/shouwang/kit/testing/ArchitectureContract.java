package shouwang.kit.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layout every service keeps, checked on its main classes (extend it with the service's root package):
 * no package cycles, Kafka types only in {@code *Consumer} adapters, JDBC only in {@code *Repository} classes, no
 * domain method taking a {@code JsonNode}, error responses built only by the kit's mappers, time only from the kit's
 * {@code Clock}, no stuttering package names.
 */
public abstract class ArchitectureContract {

    private static final Set<String> TIME_TYPES = Set.of("java.time.Instant", "java.time.LocalDate",
            "java.time.LocalDateTime", "java.time.LocalTime", "java.time.OffsetDateTime", "java.time.ZonedDateTime",
            "java.time.YearMonth", "java.time.Year");

    /** JUnit makes an instance per test method; the class import (seconds) is done once per service. */
    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private final String root;
    private final JavaClasses main;

    protected ArchitectureContract(String rootPackage) {
        this.root = rootPackage;
        this.main = IMPORTED.computeIfAbsent(rootPackage, root -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(root));
    }

    @Test
    void capabilitiesHaveNoPackageCycles() {
        // "shouwang.(**)": the service's root package is a slice too, so a cycle through it is caught
        slices().matching(root.substring(0, root.lastIndexOf('.') + 1) + "(**)").should().beFreeOfCycles()
                .allowEmptyShould(true).check(main);
    }

    @Test
    void onlyConsumersTouchKafka() {
        noClasses().that().haveSimpleNameNotEndingWith("Consumer")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..")
                .because("a consumer turns a record into a call on its capability's service; nothing else sees Kafka")
                .allowEmptyShould(true).check(main);
    }

    @Test
    void onlyRepositoriesTouchJdbc() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.hibernate.jdbc..")
                .because("SQL and JDBC batching live in the repository next to the service that needs them")
                .allowEmptyShould(true).check(main);
    }

    @Test
    void noMethodTakesJsonNode() {
        codeUnits().should(notTake("com.fasterxml.jackson.databind.JsonNode"))
                .because("events arrive as the consumer's own record, deserialised by the kit")
                .allowEmptyShould(true).check(main);
    }

    @Test
    void onlyTheKitBuildsErrorResponses() {
        noClasses().should().dependOnClassesThat().areAssignableTo(jakarta.ws.rs.WebApplicationException.class)
                .orShould().dependOnClassesThat().areAssignableTo(jakarta.ws.rs.ext.ExceptionMapper.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("shouwang.kit.problem.Problem")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.jboss.resteasy.reactive.server.ServerExceptionMapper")
                .because("domain code throws meaningful exceptions; the kit's ProblemMappers answer problem+json")
                .allowEmptyShould(true).check(main);
    }

    @Test
    void timeComesOnlyFromTheKitClock() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe("a java.time now() or system clock",
                (JavaCall<?> call) -> (TIME_TYPES.contains(call.getTargetOwner().getName())
                        && call.getName().equals("now"))
                        || (call.getTargetOwner().getName().equals("java.time.Clock")
                                && call.getName().startsWith("system"))))
                .because("today is the district's day: inject shouwang.kit.clock.Clock")
                .allowEmptyShould(true).check(main);
    }

    @Test
    void packageNamesDoNotStutter() {
        classes().should(new ArchCondition<JavaClass>("live in a package that does not repeat its parent's name") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String[] parts = type.getPackageName().split("\\.");
                for (int i = 1; i < parts.length; i++) {
                    if (parts[i].equals(parts[i - 1])) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " is in a stuttering package"));
                        return;
                    }
                }
            }
        }).allowEmptyShould(true).check(main);
    }

    private static ArchCondition<JavaCodeUnit> notTake(String typeName) {
        return new ArchCondition<>("not take a " + typeName) {
            @Override
            public void check(JavaCodeUnit method, ConditionEvents events) {
                boolean takes = method.getRawParameterTypes().stream().anyMatch(t -> t.getName().equals(typeName));
                if (takes) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes a " + typeName));
                }
            }
        };
    }
}
