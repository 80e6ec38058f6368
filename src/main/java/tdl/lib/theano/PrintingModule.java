package tdl.lib.theano;

import tdl.vocab.ErrorKind;
import tdl.function.GraphPrinter;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;

/** theano.printing: pp (= pprint, infix), Print (an identity op that prints when computed), debugprint (the node tree with ids) and pydotprint (Graphviz DOT). */
final class PrintingModule {
    private PrintingModule() {}

    static TdlModule create() {
        TdlModule m = new TdlModule("theano.printing");
        m.put("pp", (TdlCallable) (rt, a) -> {
            Object v = a.get(0, "var");
            if (!(v instanceof Variable var)) throw new TdlError(ErrorKind.TYPE_ERROR, "pp() takes a symbolic variable");
            return GraphPrinter.pp(var, c -> ConstantText.of(rt, c));
        });
        m.put("pprint", m.members().get("pp")); // Theano's pp is its default PPrinter, pprint, under a second name
        m.put("Print", PrintBuiltin.type());
        m.put("debugprint", (TdlCallable) PrintingModule::debugprint);
        m.put("pydotprint", (TdlCallable) PydotPrint::pydotprint);
        return m;
    }

    /**
     * debugprint(obj, depth=-1, print_type=False, file=None, ids='CHAR', stop_on_name=False, ...), as
     * Theano's: depth cuts the tree; file=None prints, file='str' returns the text, another file
     * gets it through its write() and is returned. The options TDL cannot honour are refused when
     * set, rather than ignored.
     */
    private static Object debugprint(Runtime rt, Args a) {
        a.check(10, "obj", "depth", "print_type", "file", "ids", "stop_on_name", "done", "print_storage", "print_clients", "used_ids");
        Object v = a.get(0, "obj");
        Object depthArg = a.get(1, "depth", -1L);
        if (!(depthArg instanceof Long)) throw new TdlError(ErrorKind.TYPE_ERROR, "debugprint(): depth must be an int, got " + rt.repr(depthArg));
        int depth = tdl.interp.Ints.intValue(depthArg);
        String[] flags = {"print_type", "stop_on_name", "print_storage", "print_clients"};
        int[] positions = {2, 5, 7, 8};
        for (int i = 0; i < flags.length; i++) {
            if (rt.truth(a.get(positions[i], flags[i], false))) {
                throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "debugprint(" + flags[i] + "=True) is not supported",
                        "leave it out: TDL prints the tree with ids and names only");
            }
        }
        Object ids = a.get(4, "ids", "CHAR");
        if (!"CHAR".equals(ids) || a.get(6, "done", null) != null || a.get(9, "used_ids", null) != null) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "debugprint(): only ids='CHAR' (the default) is supported, without done/used_ids");
        }
        java.util.function.Function<tdl.graph.Constant, String> constants = c -> ConstantText.of(rt, c);
        String text;
        java.util.List<?> items = tdl.interp.Sequences.items(v);
        if (v instanceof Variable var) text = GraphPrinter.debugprint(java.util.List.of(var), constants, depth);
        else if (v instanceof tdl.graph.Apply node) text = GraphPrinter.debugprint(node.outputs(), constants, depth); // Theano: its outputs
        else if (v instanceof Functions.ScriptFunction f) text = GraphPrinter.debugprint(f.compiled(), constants, depth);
        else if (items != null && items.stream().allMatch(o -> o instanceof Variable)) {
            text = GraphPrinter.debugprint(items.stream().map(o -> (Variable) o).toList(), constants, depth);
        } else {
            throw new TdlError(ErrorKind.TYPE_ERROR, "debugprint() takes a symbolic variable, a list of them, an Apply node or a compiled function");
        }
        if (!text.isEmpty() && !text.endsWith("\n")) text += "\n";
        Object file = a.get(3, "file", null);
        if (file == null) {
            rt.out().print(text);
            return null;
        }
        if ("str".equals(file)) return text;
        Object write = rt.call(rt.builtin("getattr"), java.util.List.of(file, "write"), java.util.Map.of());
        rt.call(write, java.util.List.of(text), java.util.Map.of());
        return file;
    }
}
