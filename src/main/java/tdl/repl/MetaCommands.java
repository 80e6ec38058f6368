package tdl.repl;

import tdl.vocab.ErrorKind;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tdl.graph.Apply;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.interp.Interpreter;
import tdl.interp.TdlModule;
import tdl.session.HelpTable;
import tdl.session.Session;
import tdl.syntax.TdlError;

/** The REPL's own commands, typed after a colon: :help, :load, :vars, :graph, :time, :reset, :quit. */
final class MetaCommands {
    static final List<String> NAMES = List.of(":help", ":load", ":vars", ":graph", ":time", ":reset", ":quit");

    private final Repl repl;
    private final HelpTable help = HelpTable.load();

    MetaCommands(Repl repl) {
        this.repl = repl;
    }

    /** Runs one command line; false means leave the REPL. */
    boolean run(String line) {
        int sp = line.indexOf(' ');
        String name = sp < 0 ? line : line.substring(0, sp);
        String arg = sp < 0 ? "" : line.substring(sp + 1).strip();
        PrintStream out = repl.out();
        switch (name) {
            case ":quit", ":q", ":exit" -> {
                return false;
            }
            case ":help", ":h" -> out.println(arg.isEmpty() ? overview() : describe(arg));
            case ":load" -> load(arg);
            case ":vars" -> out.print(arg.isEmpty() ? vars(repl.session().interpreter()) : vars(repl.session().interpreter(), arg));
            case ":graph" -> graph(arg);
            case ":time" -> time(arg);
            case ":reset" -> {
                repl.reset();
                out.println("session reset: every variable is gone");
            }
            default -> repl.err().println("unknown command " + name + "; :help lists the commands");
        }
        out.flush();
        return true;
    }

    private String describe(String name) {
        String text = help.describe(repl.session().interpreter(), name);
        return text != null ? text : "no built-in or variable named '" + name + "'; :vars lists your variables, Tab completes names";
    }

    private static String overview() {
        return String.join("\n",
                "Type TDL statements (Python syntax, Theano library); a bare expression prints its value.",
                "A line ending in ':' , '\\' or an open bracket continues on the next line; an empty line ends a block.",
                "Commands:",
                "  :help            this list          :help NAME   signature and doc of a built-in (e.g. :help T.dot)",
                "  :load FILE       run a file into this session",
                "  :vars [NAME]     your variables (or that one) with their kinds and shapes",
                "  :graph EXPR      the graph of a symbolic expression before and after rewrites",
                "  :time STATEMENT  run a statement and print how long it took",
                "  :reset           forget every variable (a fresh session)",
                "  :quit            leave (also Ctrl-D)",
                "Keys: Tab completes names, T. and np. members and attributes; Ctrl-R searches history;",
                "Ctrl-C stops a running statement (variables are kept) or clears the line.",
                "help(obj) prints what :help does for any value (a function's docstring too); the language",
                "reference is docs/language.md.");
    }

    private void load(String file) {
        if (file.isEmpty()) {
            repl.err().println("usage: :load FILE");
            return;
        }
        Session s = repl.session();
        Path path = s.interpreter().workingDirectory().resolve(file);
        if (!Files.isRegularFile(path)) {
            repl.err().println("cannot open '" + file + "': no such file");
            return;
        }
        repl.runOnWorker(() -> {
            Object argv = s.get("argv");
            Object fileName = s.get("__file__");
            try {
                s.runFile(path, List.of());
            } finally {
                // the loaded file runs like a script, but the session keeps its own argv and __file__
                restore(s, "argv", argv);
                restore(s, "__file__", fileName);
            }
        });
    }

    private static void restore(Session s, String name, Object value) {
        if (value == null) s.globals().remove(name);
        else s.set(name, value);
    }

    private void graph(String expr) {
        if (expr.isEmpty()) {
            repl.err().println("usage: :graph EXPR   (a symbolic expression, e.g. :graph T.exp(x) / T.sum(T.exp(x)))");
            return;
        }
        Session s = repl.session();
        repl.runOnWorker(() -> {
            Object value = s.exec(expr, Repl.SOURCE);
            if (!(value instanceof Variable v)) {
                throw new TdlError(ErrorKind.TYPE_ERROR, ":graph needs a symbolic expression, got "
                        + s.interpreter().typeName(value), "build it from T.matrix(), T.vector(), shared(...) ...");
            }
            Interpreter interp = s.interpreter();
            Map<String, Object> printing = interp.module("theano.printing").members();
            Object debugprint = printing.get("debugprint");
            PrintStream out = repl.out();
            out.println("before rewrites:");
            out.print(ensureNewline(interp.str(interp.call(debugprint, List.of(v), Map.of("file", "str")))));
            Object compiled = interp.call(interp.module("theano").members().get("function"),
                    List.of(new ArrayList<Object>(freeInputs(v)), v), Map.of("on_unused_input", "ignore"));
            out.println("after rewrites:");
            out.print(ensureNewline(interp.str(interp.call(debugprint, List.of(compiled), Map.of("file", "str")))));
        });
    }

    /** The symbolic inputs an expression depends on, in the order they are first met. */
    static List<Variable> freeInputs(Variable root) {
        List<Variable> inputs = new ArrayList<>();
        Set<Variable> seen = new HashSet<>();
        Deque<Variable> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Variable v = todo.pop();
            if (!seen.add(v)) continue;
            if (v.isInput()) inputs.add(v);
            Apply owner = v.owner();
            if (owner != null) {
                List<Variable> in = owner.inputs();
                for (int i = in.size() - 1; i >= 0; i--) todo.push(in.get(i));
            }
        }
        return inputs;
    }

    private void time(String statement) {
        if (statement.isEmpty()) {
            repl.err().println("usage: :time STATEMENT");
            return;
        }
        long start = System.nanoTime();
        repl.evaluate(statement);
        double ms = (System.nanoTime() - start) / 1e6;
        repl.out().printf("time: %s%n", ms < 1000 ? String.format("%.3f ms", ms) : String.format("%.3f s", ms / 1000));
    }

    /** One line per user variable: name, kind, shape or type. */
    static String vars(Interpreter interp) {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> sorted = new TreeMap<>(interp.globals());
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            Object v = e.getValue();
            if (e.getKey().startsWith("_") || v instanceof TdlModule || e.getKey().equals("argv")) continue;
            sb.append(String.format("%-16s %-16s %s%n", e.getKey(), interp.typeName(v), shape(interp, v)));
        }
        return sb.length() == 0 ? "(no variables yet)\n" : sb.toString();
    }

    /** {@code :vars NAME}: that variable only. */
    static String vars(Interpreter interp, String name) {
        if (!interp.globals().containsKey(name)) return "no variable named '" + name + "'; :vars lists them all\n";
        Object v = interp.globals().get(name);
        return String.format("%-16s %-16s %s%n", name, interp.typeName(v), shape(interp, v));
    }

    private static String shape(Interpreter interp, Object v) {
        if (v instanceof NDArray a) return "shape " + NDArray.shapeString(a.shape()) + " " + a.dtype().pyName();
        if (v instanceof SharedVariable sv) return "value shape " + NDArray.shapeString(sv.value().shape()) + " " + sv.dtype().pyName();
        if (v instanceof Variable var) return var.type().toString();
        if (v instanceof List<?> l) return "len " + l.size();
        if (v instanceof Map<?, ?> m) return "len " + m.size();
        if (v instanceof Long || v instanceof Double || v instanceof Boolean) return interp.repr(v);
        if (v instanceof String str) return str.length() <= 40 ? interp.repr(v) : "len " + str.length();
        return "";
    }

    private static String ensureNewline(String s) {
        return s.endsWith("\n") ? s : s + "\n";
    }
}
