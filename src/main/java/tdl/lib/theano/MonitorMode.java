package tdl.lib.theano;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.function.NodeMonitor;
import tdl.graph.Apply;
import tdl.graph.NDArray;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.compile.MonitorMode(pre_func=None, post_func=None, optimizer='default', linker=None):
 * FAST_RUN with pre_func(i, node, fn) and post_func(i, node, fn) called around each node of the
 * compiled function, as Theano's {@code MonitorMode.eval}. {@code fn.inputs} and {@code fn.outputs}
 * are lists of one-element lists (Theano's storage cells) holding copies of the values.
 */
record MonitorMode(Object preFunc, Object postFunc, List<String> phasesOff) {
    static Object make(Runtime rt, Args a) {
        a.check(4, "pre_func", "post_func", "optimizer", "linker");
        if (a.get(3, "linker", null) != null) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "MonitorMode can only use its own linker! You should not provide one.",
                    "leave linker out");
        }
        return new MonitorMode(a.get(0, "pre_func", null), a.get(1, "post_func", null), List.of());
    }

    /**
     * mode.excluding(*tags), as Theano's Mode.excluding: a copy whose optimizer skips the named
     * rewrites. TDL's phases answer to Theano's tags for fusion ('local_elemwise_fusion', 'fusion',
     * 'elemwise_fusion' switch off "fuse") and 'inplace'; other tags name nothing here and, as in
     * Theano for a tag no rewrite carries, change nothing.
     */
    private MonitorMode excluding(Runtime rt, Args a) {
        List<String> off = new ArrayList<>(phasesOff);
        for (Object o : a.positional()) {
            if (!(o instanceof String tag)) throw new TdlError(ErrorKind.TYPE_ERROR, "excluding() takes rewrite tags as strings, got " + rt.repr(o));
            switch (tag) {
                case "local_elemwise_fusion", "fusion", "elemwise_fusion" -> off.add("fuse");
                case "inplace" -> off.add("inplace");
                default -> { }
            }
        }
        return new MonitorMode(preFunc, postFunc, List.copyOf(off));
    }

    /** The monitor a compiled function calls, running the script's functions in the session. */
    NodeMonitor monitor(Runtime rt) {
        return new NodeMonitor() {
            @Override
            public void before(int index, Apply node, NDArray[] inputs) {
                if (preFunc != null) rt.call(preFunc, List.of((long) index, node, new Thunk(cells(inputs), null)), Map.of());
            }

            @Override
            public void after(int index, Apply node, NDArray[] inputs, NDArray output) {
                if (postFunc != null) {
                    rt.call(postFunc, List.of((long) index, node, new Thunk(cells(inputs), cells(new NDArray[] {output}))), Map.of());
                }
            }
        };
    }

    private static List<Object> cells(NDArray[] values) {
        List<Object> out = new ArrayList<>(values.length);
        for (NDArray v : values) {
            List<Object> cell = new ArrayList<>(1);
            cell.add(v.copy()); // the plan reuses its buffers; a script may keep what it was shown
            out.add(cell);
        }
        return out;
    }

    /**
     * The {@code fn} a monitor function gets: Theano's thunk, of which scripts read inputs and outputs.
     * Before the node runs the outputs are cells holding None, as Theano's empty storage.
     */
    record Thunk(List<Object> inputs, List<Object> outputs) {
        static final class Hooks implements TypeHooks {
            @Override
            public String typeName(Object self) { return "thunk"; }

            @Override
            public String str(Runtime rt, Object self) { return "<thunk>"; }

            @Override
            public Object getAttr(Runtime rt, Object self, String name) {
                Thunk t = (Thunk) self;
                return switch (name) {
                    case "inputs" -> t.inputs();
                    case "outputs" -> t.outputs() != null ? t.outputs() : new ArrayList<Object>(List.of(new ArrayList<Object>(java.util.Collections.singletonList(null))));
                    default -> UNSUPPORTED;
                };
            }
        }
    }

    static final class Hooks implements TypeHooks {
        @Override
        public String typeName(Object self) { return "MonitorMode"; }

        @Override
        public String str(Runtime rt, Object self) { return "<theano.compile.MonitorMode>"; }

        @Override
        public Object getAttr(Runtime rt, Object self, String name) {
            MonitorMode m = (MonitorMode) self;
            return switch (name) {
                case "pre_func" -> m.preFunc();
                case "post_func" -> m.postFunc();
                case "excluding" -> (tdl.interp.TdlCallable) m::excluding;
                default -> UNSUPPORTED;
            };
        }
    }
}
