package tdl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps ARCHITECTURE.md's package table true. Imports point down the chain
 * vocab < syntax < graph < graph.ops < grad < eval < rewrite < scan < function < interp < lib < session
 * < front doors (repl, jsr223, kernel, cli; cli may start the repl and the kernel), except that grad
 * and eval do not see each other and rewrite does not see grad; the table's stricter entries (graph
 * imports nothing of ours, ops only graph, eval only the graph and EJML) and the third-party
 * libraries each package may use are separate rules.
 */
@AnalyzeClasses(packages = "tdl", importOptions = {ArchitectureTest.MainClassesOnly.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
    /**
     * ArchUnit's DoNotIncludeTests knows only target/test-classes; builds with another output
     * folder ({@code mvn -DbuildDir=target-x}) put tests under target-x/test-classes.
     */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/");
        }
    }

    private static final String[] JDK = {"java..", "javax.."};

    /** ANTLR's generated lexer, parser and visitors (grammar/tdl/syntax/TDL.g4). */
    private static final DescribedPredicate<JavaClass> GENERATED_PARSER =
            DescribedPredicate.describe("generated from TDL.g4", c -> c.getName().startsWith("tdl.syntax.TDL"));

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("vocab").definedBy("tdl.vocab")
            .layer("syntax").definedBy("tdl.syntax..")
            .layer("graph").definedBy("tdl.graph")
            .layer("ops").definedBy("tdl.graph.ops..")
            .layer("grad").definedBy("tdl.grad..")
            .layer("eval").definedBy("tdl.eval..")
            .layer("rewrite").definedBy("tdl.rewrite..")
            .layer("scan").definedBy("tdl.scan..")
            .layer("function").definedBy("tdl.function..")
            .layer("interp").definedBy("tdl.interp..")
            .layer("lib").definedBy("tdl.lib..")
            .layer("session").definedBy("tdl.session..")
            .layer("api").definedBy("tdl.api..")
            .layer("repl").definedBy("tdl.repl..")
            .layer("jsr223").definedBy("tdl.jsr223..")
            .layer("kernel").definedBy("tdl.kernel..")
            .layer("cli").definedBy("tdl.cli..")
            .whereLayer("vocab").mayNotAccessAnyLayer()
            .whereLayer("syntax").mayOnlyAccessLayers("vocab")
            .whereLayer("graph").mayOnlyAccessLayers("vocab")
            .whereLayer("ops").mayOnlyAccessLayers("vocab", "graph")
            .whereLayer("grad").mayOnlyAccessLayers("vocab", "graph", "ops")
            .whereLayer("eval").mayOnlyAccessLayers("vocab", "graph", "ops")
            // rewrites see ops through tdl.graph only: an op with an inner graph (scan) is opaque to them
            .whereLayer("rewrite").mayOnlyAccessLayers("vocab", "graph", "ops", "eval")
            .whereLayer("scan").mayOnlyAccessLayers("vocab", "graph", "ops", "grad", "eval", "rewrite")
            .whereLayer("function").mayOnlyAccessLayers("vocab", "graph", "ops", "grad", "eval", "rewrite", "scan")
            .whereLayer("interp").mayOnlyAccessLayers("vocab", "syntax", "graph", "ops", "grad", "eval", "rewrite", "scan", "function")
            .whereLayer("lib").mayOnlyAccessLayers("vocab", "syntax", "graph", "ops", "grad", "eval", "rewrite", "scan", "function", "interp")
            .whereLayer("session").mayOnlyAccessLayers("vocab", "syntax", "graph", "ops", "grad", "eval", "rewrite", "scan", "function", "interp", "lib")
            // front doors talk to a session; script values and errors cross with it. The Java API
            // converts values with the libraries' array rules; the JSR-223 engine is built on it.
            .whereLayer("api").mayOnlyAccessLayers("vocab", "session", "syntax", "interp", "lib", "graph")
            .whereLayer("repl").mayOnlyAccessLayers("vocab", "session", "syntax", "interp", "graph")
            .whereLayer("jsr223").mayOnlyAccessLayers("vocab", "api", "session", "syntax", "interp", "graph")
            .whereLayer("kernel").mayOnlyAccessLayers("vocab", "session", "syntax", "interp")
            .whereLayer("cli").mayOnlyAccessLayers("vocab", "repl", "kernel", "session", "syntax", "interp", "graph")
            .whereLayer("repl").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("kernel").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("api").mayOnlyBeAccessedByLayers("jsr223")
            .whereLayer("jsr223").mayNotBeAccessedByAnyLayer()
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .ensureAllClassesAreContainedInArchitecture()
            .because("ARCHITECTURE.md: imports point down the package table, and nothing imports a front door");

    @ArchTest
    static final ArchRule graphIsPure = classes().that().resideInAPackage("tdl.graph")
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat("tdl.graph", "tdl.vocab"))
            .because("tdl.graph imports nothing of ours and no EJML (NDArray wraps as EJML only inside tdl.eval)");

    @ArchTest
    static final ArchRule opsUseOnlyTheGraph = classes().that().resideInAPackage("tdl.graph.ops..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat("tdl.graph", "tdl.graph.ops..", "tdl.vocab",
                    "org.apache.commons.math3.special.."))
            .because("an op is graph vocabulary; kernels live in tdl.eval (the scalar table's numeric rules may call"
                    + " commons-math's special functions)");

    @ArchTest
    static final ArchRule compilerTreatsInnerGraphsGenerically = noClasses().that().resideInAPackage("tdl.function..")
            .should().dependOnClassesThat().resideInAPackage("tdl.scan..")
            .because("the compile pipeline meets scan only as an op with inner graphs (Op.innerGraphs) that brings"
                    + " its own kernel (KernelFactory), so the next such op needs no change there");

    @ArchTest
    static final ArchRule antlrStaysInSyntax = noClasses().that().resideOutsideOfPackage("tdl.syntax..")
            .should().dependOnClassesThat().resideInAPackage("org.antlr..")
            .orShould().dependOnClassesThat(GENERATED_PARSER)
            .because("the parse tree becomes our own AST inside tdl.syntax; generated classes never leave it");

    @ArchTest
    static final ArchRule ejmlOnlyWhereArraysAreComputed = noClasses()
            .that().resideOutsideOfPackages("tdl.eval..", "tdl.rewrite..", "tdl.function..", "tdl.lib..", "tdl.api..", "tdl.jsr223..")
            .should().dependOnClassesThat().resideInAPackage("org.ejml..")
            .because("EJML is the evaluator's storage; the graph and the interpreter do not see it");

    @ArchTest
    static final ArchRule jfreechartOnlyInLib = noClasses().that().resideOutsideOfPackage("tdl.lib..")
            .should().dependOnClassesThat().resideInAPackage("org.jfree..")
            .because("plots are a library module");

    @ArchTest
    static final ArchRule jlineOnlyInRepl = noClasses().that().resideOutsideOfPackage("tdl.repl..")
            .should().dependOnClassesThat().resideInAPackage("org.jline..")
            .because("the terminal belongs to the REPL");

    @ArchTest
    static final ArchRule zeromqAndJsonOnlyInKernel = noClasses().that().resideOutsideOfPackage("tdl.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.zeromq..", "zmq..", "com.google.gson..")
            .because("the Jupyter wire protocol belongs to the kernel");

    @ArchTest
    static final ArchRule picocliOnlyInCli = noClasses().that().resideOutsideOfPackage("tdl.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("option parsing belongs to the command line");

    @ArchTest
    static final ArchRule syntaxUsesOnlyAntlr = classes().that().resideInAPackage("tdl.syntax..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat("tdl.syntax..", "tdl.vocab", "org.antlr.."))
            .because("tdl.syntax is the bottom of the stack: ANTLR runtime only");

    @ArchTest
    static final ArchRule noStaticMutableState = fields().that().areStatic()
            .and().areDeclaredInClassesThat(DescribedPredicate.not(GENERATED_PARSER))
            .should().beFinal()
            .because("every session, engine and test must be independent: no static mutable state");

    private static String[] concat(String... ours) {
        String[] all = new String[JDK.length + ours.length];
        System.arraycopy(JDK, 0, all, 0, JDK.length);
        System.arraycopy(ours, 0, all, JDK.length, ours.length);
        return all;
    }
}
