package tdl.lib.theano;

import tdl.vocab.ErrorKind;
import tdl.function.GraphPrinter;
import tdl.graph.Variable;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;

/** theano.printing: pp (infix), debugprint (the node tree with ids) and pydotprint (Graphviz DOT). */
final class PrintingModule {
    private PrintingModule() {}

    static TdlModule create() {
        TdlModule m = new TdlModule("theano.printing");
        m.put("pp", (TdlCallable) (rt, a) -> {
            Object v = a.get(0, "var");
            if (!(v instanceof Variable var)) throw new TdlError(ErrorKind.TYPE_ERROR, "pp() takes a symbolic variable");
            return GraphPrinter.pp(var, c -> ConstantText.of(rt, c));
        });
        m.put("debugprint", (TdlCallable) (rt, a) -> {
            Object v = a.get(0, "obj");
            String text;
            java.util.List<?> items = tdl.interp.Sequences.items(v);
            if (v instanceof Variable var) text = GraphPrinter.debugprint(java.util.List.of(var), c -> ConstantText.of(rt, c));
            else if (v instanceof Functions.ScriptFunction f) text = GraphPrinter.debugprint(f.compiled(), c -> ConstantText.of(rt, c));
            else if (items != null && items.stream().allMatch(o -> o instanceof Variable)) {
                text = GraphPrinter.debugprint(items.stream().map(o -> (Variable) o).toList(), c -> ConstantText.of(rt, c));
            } else {
                throw new TdlError(ErrorKind.TYPE_ERROR, "debugprint() takes a symbolic variable, a list of them or a compiled function");
            }
            boolean printIt = a.get(1, "file", null) == null;
            if (printIt) {
                rt.out().print(text.endsWith("\n") ? text : text + "\n");
                return null;
            }
            return text;
        });
        m.put("pydotprint", (TdlCallable) PydotPrint::pydotprint);
        return m;
    }
}
