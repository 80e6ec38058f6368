package tdl.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.interp.Interpreter;
import tdl.session.Session;
import tdl.session.ValueText;
import tdl.syntax.Parser;
import tdl.syntax.SourceText;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * Runs cells as the REPL runs entries: on the session's worker thread (interruptible; an
 * interrupted compiled call stores no updates), a final bare expression echoed ({@code pp} form
 * for symbolic variables, numpy-style arrays) as {@code execute_result}, every variable kept after
 * an error. Figures left open at the end of a cell are shown and closed, as IPython's inline
 * backend does. Cells are named {@code <cell N>} in messages.
 */
final class CellRunner {
    /** How a cell ended, for the reply: its error (null when it ran to the end) and the user expressions' values. */
    record Outcome(TdlError error, Map<String, Object> userExpressions) {}

    private final Session session;
    private final Iopub iopub;
    private volatile boolean running;

    CellRunner(Session session, Iopub iopub) {
        this.session = session;
        this.iopub = iopub;
    }

    /** Runs one cell; what it prints and shows goes to the current output of {@link Iopub}. */
    Outcome run(String code, int count, Map<String, Object> userExpressions) {
        Interpreter interp = session.interpreter();
        String name = "<cell " + count + ">";
        running = true;
        Throwable failure;
        try {
            failure = session.runOnWorker(() -> {
                Object value = session.run(Parser.parse(new SourceText(name, code)), true);
                String text = ValueText.echo(interp, value);
                if (text != null) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("execution_count", count);
                    c.put("data", Map.of("text/plain", text));
                    c.put("metadata", Map.of());
                    iopub.output("execute_result", c);
                }
            });
            Throwable shown = session.runOnWorker(session::showOpenFigures);
            if (failure == null) failure = shown;
        } finally {
            running = false;
        }
        iopub.flush();
        if (failure != null) return new Outcome(asError(failure), Map.of());
        return new Outcome(null, evaluate(userExpressions));
    }

    /** Stops the running cell as Ctrl-C does; nothing happens when no cell runs. */
    void interrupt() {
        if (running) session.interrupt();
    }

    /** The user_expressions of an execute_request, each evaluated after the cell: its echo or its error. */
    private Map<String, Object> evaluate(Map<String, Object> expressions) {
        Map<String, Object> results = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : expressions.entrySet()) {
            Object[] value = new Object[1];
            Throwable failure = session.runOnWorker(() ->
                    value[0] = session.run(Parser.parse(new SourceText("<user expression>", String.valueOf(e.getValue()))), true));
            Map<String, Object> r = new LinkedHashMap<>();
            if (failure == null) {
                String text = ValueText.echo(session.interpreter(), value[0]);
                r.put("status", "ok");
                r.put("data", Map.of("text/plain", text == null ? "None" : text));
                r.put("metadata", Map.of());
            } else {
                r.putAll(errorContent(asError(failure)));
                r.put("status", "error");
            }
            results.put(e.getKey(), r);
        }
        return results;
    }

    /** ename, evalue and traceback of an error: the traceback is the error's own positioned text, line by line. */
    Map<String, Object> errorContent(TdlError e) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("ename", e.kindName());
        c.put("evalue", e.detail());
        c.put("traceback", traceback(e));
        return c;
    }

    private List<String> traceback(TdlError e) {
        return new ArrayList<>(List.of(session.format(e).split("\n", -1)));
    }

    /** What escaped a cell, as the error a user sees: a script error as it is, a stack overflow or our own bug named as such. */
    static TdlError asError(Throwable t) {
        if (t instanceof TdlError e) return e;
        if (t instanceof StackOverflowError) {
            return new TdlError(ErrorKind.RECURSION_ERROR, "maximum recursion depth exceeded");
        }
        TdlError e = new TdlError(ErrorKind.INTERNAL_ERROR, "tdl internal error: " + t,
                "please report it; start the kernel with --debug for the Java stack trace");
        e.initCause(t);
        return e;
    }
}
