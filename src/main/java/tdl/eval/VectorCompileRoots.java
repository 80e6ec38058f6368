package tdl.eval;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.ObjectName;

/**
 * Keeps every Vector API loop of this package a compilation of its own: a compiler directive
 * (JEP 165, added at run time through the DiagnosticCommand MBean, the API behind
 * {@code jcmd Compiler.directives_add}) forbids inlining these methods into their callers. Each
 * then gets C2's whole inlining budget for its own vector calls. Inlined into a large caller (a
 * pool thread's loop that runs every part of every job, a kernel with many paths) a loop got what
 * was left of the caller's budget, some vector call stayed out of line and every vector it touched
 * was boxed: whether that happened depended on what the JVM had compiled first. The listed methods
 * each do at least one vector loop per call, so the call itself costs nothing measurable.
 *
 * <p>Installed once per class loader, when {@link VectorKernels} is initialised (before any vector
 * loop runs, hence before any is compiled). A JVM that refuses (no management, a security policy)
 * keeps its defaults: the kernels then work as before, with the old risk;
 * {@link VectorKernels#compileRootsProblem()} says which, for the benchmark's report.
 */
final class VectorCompileRoots {
    /** Class, then the methods of it that hold vectors and loop (per-vector helpers they call are not listed: those must inline). */
    static final List<String[]> ROOTS = List.of(
            new String[] {"tdl/eval/VectorGemm", "tile5x4", "row4", "tile5x1", "row1", "tile4x3T", "col3T", "tile4x3", "row3"},
            new String[] {"tdl/eval/VectorGemmF", "tile5x4", "row4", "tile5x1", "row1", "tile4x3T", "col3T", "tile4x1T", "tile4x1qT", "col1qT", "tile4x3", "row3"},
            new String[] {"tdl/eval/VectorSigmoid", "apply"},
            new String[] {"tdl/eval/VectorSoftplus", "exps", "logs"},
            new String[] {"tdl/eval/VectorTanh", "apply"},
            new String[] {"tdl/eval/VectorArith", "add", "sub", "mul", "div"},
            new String[] {"tdl/eval/VectorMathF", "exp", "sigmoid", "tanh"},
            new String[] {"tdl/eval/VectorRandom", "bernoulli"},
            new String[] {"tdl/eval/VectorRandomF", "bernoulli"},
            new String[] {"tdl/eval/VectorFmaPeak", "block", "blockF"});

    private VectorCompileRoots() {}

    /** The directive: in every compilation, none of the listed methods is inlined. */
    static String directive() {
        StringBuilder inline = new StringBuilder();
        for (String[] c : ROOTS) {
            for (int i = 1; i < c.length; i++) inline.append(inline.length() == 0 ? "" : ", ").append("\"-").append(c[0]).append('.').append(c[i]).append('"');
        }
        return "[{ match: \"*.*\", inline: [" + inline + "] }]";
    }

    /** Adds the directive to this JVM; null when it was added, else why not. */
    static String install() {
        Path file = null;
        try {
            file = Files.createTempFile("tdl-vector-roots", ".json");
            Files.writeString(file, directive(), StandardCharsets.UTF_8);
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerDirectivesAdd", new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            String reply = out == null ? "" : out.toString().trim();
            // the command answers "1 compiler directives added" (or a parse error)
            return reply.contains("added") ? null : "compiler directive refused: " + reply;
        } catch (Exception | LinkageError e) {
            return "compiler directive not added: " + e;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
