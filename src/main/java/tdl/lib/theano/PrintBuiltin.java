package tdl.lib.theano;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.graph.NDArray;
import tdl.graph.ops.PrintOp;
import tdl.interp.Args;
import tdl.interp.BuiltinType;
import tdl.interp.Runtime;
import tdl.interp.Sequences;
import tdl.interp.TdlCallable;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.printing.Print(message="", attrs=("__str__",), global_fn=_print_fn): a class whose
 * instances are the op itself ({@link PrintOp}), callable on a variable as Theano's Op.__call__, so
 * {@code y.owner.op} is the object the script made. The default sink is Theano's {@code _print_fn}:
 * for each attr, {@code print(message, attr, '=', value)} where value is the attribute, called when
 * callable (the session's stdout, at the moment the node is computed).
 */
final class PrintBuiltin {
    private PrintBuiltin() {}

    static BuiltinType type() {
        return new BuiltinType("Print", v -> v instanceof PrintOp, PrintBuiltin::make);
    }

    private static Object make(Runtime rt, Args a) {
        a.check(3, "message", "attrs", "global_fn");
        Object message = a.get(0, "message", "");
        Object attrsArg = a.get(1, "attrs", null);
        List<String> attrs = new ArrayList<>();
        if (attrsArg == null) {
            attrs.add("__str__");
        } else {
            List<?> items = attrsArg instanceof String ? null : Sequences.items(attrsArg);
            // Theano's tuple(attrs) would split a lone string into characters, each a missing attribute
            if (items == null) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "Print(attrs=...) takes a tuple or list of attribute names, got "
                        + rt.repr(attrsArg), "write attrs=(" + (attrsArg instanceof String s ? "'" + s + "'" : "'shape'") + ",) for one name");
            }
            for (Object o : items) {
                if (!(o instanceof String s)) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "Print(attrs=...): attribute names are strings, got " + rt.repr(o));
                }
                attrs.add(s);
            }
        }
        Object fn = a.get(2, "global_fn", null);
        PrintOp.Sink sink = fn == null ? rt.sessionState(StdoutSink.class, () -> new StdoutSink(rt)) : new ScriptSink(rt, fn);
        return new PrintOp(message instanceof String s ? s : rt.str(message), attrs, sink);
    }

    /** p(x): the Print node on x (Theano's make_node keeps x's type). */
    static Object apply(Runtime rt, PrintOp op, Args a) {
        a.check(1, "xin");
        return Symbolic.ops(rt).apply(op, Symbolic.lift(rt, a.get(0, "xin"), "the input of Print"));
    }

    /** p.message and p.attrs, as Theano's __props__. */
    static Object attribute(PrintOp op, String name) {
        return switch (name) {
            case "message" -> op.message();
            case "attrs" -> new tdl.interp.TdlTuple(new ArrayList<Object>(op.attrs()));
            default -> tdl.interp.TypeHooks.UNSUPPORTED;
        };
    }

    /** ndarray attributes that are values, not methods. */
    private static final java.util.Set<String> DATA_ATTRIBUTES = java.util.Set.of("shape", "dtype", "ndim", "size", "T", "itemsize",
            "nbytes", "strides", "real", "imag", "flat", "base", "flags");

    /** Theano's _print_fn, writing to the session's stdout. One per session, so equal Prints merge. */
    private static final class StdoutSink implements PrintOp.Sink {
        private final Runtime rt;

        StdoutSink(Runtime rt) { this.rt = rt; }

        @Override
        public void show(PrintOp op, NDArray value) {
            for (String attr : op.attrs()) {
                // Python's str/repr are methods of every object; TDL's arrays answer them through the interpreter
                if (attr.equals("__str__") || attr.equals("__repr__")) {
                    rt.out().println(op.message() + " " + attr + " = " + (attr.equals("__str__") ? rt.str(value) : rt.repr(value)));
                    continue;
                }
                Object temp = rt.call(rt.builtin("getattr"), List.of(value, attr), Map.of());
                // numpy's data attributes are never called: TDL's dtype values double as scalar types, so
                // callable(a.dtype) holds here where numpy's dtype instance is not callable
                boolean callable = !DATA_ATTRIBUTES.contains(attr) && Boolean.TRUE.equals(rt.call(rt.builtin("callable"), List.of(temp), Map.of()));
                Object shown = callable ? rt.call(temp, List.of(), Map.of()) : temp;
                rt.out().println(op.message() + " " + attr + " = " + rt.str(shown));
            }
        }
    }

    /**
     * A script's global_fn(op, x), called with a copy of the value (the function may keep it; the
     * compiled function reuses its buffers). Equal when the function is the same object.
     */
    private static final class ScriptSink implements PrintOp.Sink {
        private final Runtime rt;
        private final Object fn;

        ScriptSink(Runtime rt, Object fn) {
            this.rt = rt;
            this.fn = fn;
        }

        @Override
        public void show(PrintOp op, NDArray value) {
            try {
                rt.call(fn, List.of(op, value.copy()), Map.of());
            } catch (TdlError e) {
                // the script's own error, kept as it is (kind, words) and blamed on the Print's line by the plan,
                // rather than reported as a failure of the op
                throw new tdl.graph.GraphError(e.kind(), "in Print's global_fn: " + e.detail(), e.hint());
            }
        }

        @Override
        public boolean equals(Object o) { return o instanceof ScriptSink s && s.rt == rt && s.fn.equals(fn); }

        @Override
        public int hashCode() { return fn.hashCode(); }
    }
}
