package tdl.graph.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** tdl.graph.ops sees only tdl.graph; tdl.eval sees graph, graph.ops and EJML (ARCHITECTURE.md). */
class OpsLayeringTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("tdl.graph", "tdl.eval");

    @Test
    void opsImportOnlyTheGraphPackage() {
        noClasses().that().resideInAPackage("tdl.graph.ops..")
                .should().dependOnClassesThat().resideInAnyPackage("tdl.eval..", "tdl.grad..", "tdl.rewrite..",
                        "tdl.function..", "tdl.interp..", "tdl.lib..", "tdl.syntax..", "org.ejml..")
                .check(classes);
    }

    @Test
    void evalDoesNotImportUpward() {
        noClasses().that().resideInAPackage("tdl.eval..")
                .should().dependOnClassesThat().resideInAnyPackage("tdl.grad..", "tdl.rewrite..", "tdl.function..",
                        "tdl.interp..", "tdl.lib..", "tdl.syntax..")
                .check(classes);
    }
}
