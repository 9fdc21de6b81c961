package shouwang.kit.mechanics;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The kit's own packages (events, outbox, inbox, problem, security, paging, clock, rest) depend on each other one way. */
class KitArchitectureTest {

    @Test
    void kitPackagesHaveNoCycles() {
        slices().matching("shouwang.kit.(*)..").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("shouwang.kit"));
    }
}
