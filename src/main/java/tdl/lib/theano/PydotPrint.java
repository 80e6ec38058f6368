package tdl.lib.theano;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tdl.function.GraphPrinter;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.Sequences;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.printing.pydotprint(fct, outfile=None, format='png', ...): the graph of a variable, a list
 * of variables or a compiled function (its rewritten graph) as Graphviz DOT. As Theano, '.format'
 * is appended to outfile when missing. format='dot' writes the DOT text itself. For an image format
 * the DOT text goes through a 'dot' executable on the PATH; without one, the DOT text is written
 * next to it (outfile with '.dot' in place of the extension) and a line says so, since writing a
 * DOT file under a .png name would be a broken image.
 */
final class PydotPrint {
    private PydotPrint() {}

    static Object pydotprint(Runtime rt, Args a) {
        a.check(13, "fct", "outfile", "compact", "format", "with_ids", "high_contrast", "cond_highlight", "colorCodes",
                "max_label_size", "scan_graphs", "var_with_name_simple", "print_output_file", "return_image");
        String dot = dotText(rt, a.get(0, "fct"));
        String format = rt.str(a.get(3, "format", "png"));
        if (rt.truth(a.get(12, "return_image", false))) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "pydotprint(return_image=True) is not supported",
                    "write a file with outfile=... and read it, or use format='dot' for the DOT text");
        }
        Object outArg = a.get(1, "outfile", null);
        String outfile = outArg == null ? "theano.pydotprint.cpu." + format : rt.str(outArg);
        if (!outfile.endsWith("." + format)) outfile += "." + format;
        boolean say = rt.truth(a.get(11, "print_output_file", true));
        if (format.equals("dot") || format.equals("raw")) {
            write(rt.resolvePath(outfile, true), dot);
            if (say) rt.out().println("The output file is available at " + outfile);
            return null;
        }
        Path exe = findDot();
        if (exe == null) {
            String dotFile = outfile.substring(0, outfile.length() - format.length()) + "dot";
            write(rt.resolvePath(dotFile, true), dot);
            rt.out().println("pydotprint: no Graphviz 'dot' executable on the PATH, so no " + format + " was made; wrote the DOT text to "
                    + dotFile + " (render it with: dot -T" + format + " " + dotFile + " -o " + outfile + ")");
            return null;
        }
        render(exe, format, dot, rt.resolvePath(outfile, true));
        if (say) rt.out().println("The output file is available at " + outfile);
        return null;
    }

    /** The DOT text of a compiled function's rewritten graph, or of the graph computing one or several variables. */
    private static String dotText(Runtime rt, Object fct) {
        if (fct instanceof Functions.ScriptFunction f) return GraphPrinter.dot(f.compiled());
        if (fct instanceof Variable v) return GraphPrinter.dot(List.of(v));
        List<?> items = Sequences.items(fct);
        if (items != null && !items.isEmpty() && items.stream().allMatch(o -> o instanceof Variable)) {
            List<Variable> vs = new ArrayList<>();
            for (Object o : items) vs.add((Variable) o);
            return GraphPrinter.dot(vs);
        }
        throw new TdlError(ErrorKind.TYPE_ERROR, "pydotprint() takes a compiled function, a symbolic variable or a list of them, got "
                + Symbolic.typeName(rt, fct));
    }

    private static void write(Path path, String text) {
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TdlError(ErrorKind.OS_ERROR, "pydotprint: cannot write " + path + ": " + e.getMessage());
        }
    }

    /** The first executable named 'dot' on the PATH, or null. */
    private static Path findDot() {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "dot");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
        }
        return null;
    }

    private static void render(Path exe, String format, String dot, Path out) {
        try {
            Process p = new ProcessBuilder(exe.toString(), "-T" + format, "-o", out.toString()).redirectErrorStream(true).start();
            p.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new TdlError(ErrorKind.TIMEOUT_ERROR, "pydotprint: dot did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new TdlError(ErrorKind.OS_ERROR, "pydotprint: " + exe + " -T" + format + " failed (exit " + p.exitValue() + ")"
                        + (said.isEmpty() ? "" : ": " + said), "format='dot' writes the DOT text without Graphviz");
            }
        } catch (IOException e) {
            throw new TdlError(ErrorKind.OS_ERROR, "pydotprint: cannot run " + exe + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TdlError(ErrorKind.KEYBOARD_INTERRUPT, "pydotprint interrupted");
        }
    }
}
