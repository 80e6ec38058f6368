package tdl.function;

import tdl.vocab.Operator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.GraphWalk;
import tdl.graph.Op;
import tdl.graph.Variable;
import tdl.graph.ops.DimShuffleOp;
import tdl.graph.ops.AdvancedSubtensor1Op;
import tdl.graph.ops.AdvancedSubtensorOp;
import tdl.graph.ops.DotOp;
import tdl.graph.ops.IncSubtensorOp;
import tdl.graph.ops.IndexSpec;
import tdl.graph.ops.SubtensorOp;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.ReduceOp;
import tdl.graph.ops.Scalar;

/**
 * theano.printing.pp (infix text) and debugprint (the node tree with ids). Both walk iteratively,
 * so printing a very deep graph cannot overflow the stack.
 */
public final class GraphPrinter {
    private GraphPrinter() {}

    /**
     * Infix form: {@code ((w * p) + b)}, {@code exp(x)}, {@code dot(x, W)}, {@code sum(sqr(x))}.
     * Emitted through an explicit stack straight into one buffer, so the cost is the length of the
     * text (a 5000-deep chain prints in linear time) and deep graphs cannot overflow the stack.
     */
    public static String pp(Variable v) {
        return pp(v, null);
    }

    /**
     * {@link #pp(Variable)} with constants written by {@code constants} (theano.printing.pp passes
     * Theano's {@code TensorConstant{...}} text, which needs numpy's array printing from the
     * library; TDL's own messages keep the bare value); null keeps the bare value.
     */
    public static String pp(Variable v, Function<Constant, String> constants) {
        StringBuilder sb = new StringBuilder();
        Deque<Object> todo = new ArrayDeque<>(); // a String to append or a Variable to expand
        todo.push(v);
        while (!todo.isEmpty()) {
            Object item = todo.pop();
            if (item instanceof String s) {
                sb.append(s);
                continue;
            }
            Variable var = (Variable) item;
            if (var.owner() == null) {
                sb.append(leafText(var, constants));
                continue;
            }
            List<Object> parts = ppParts(var.owner());
            for (int i = parts.size() - 1; i >= 0; i--) todo.push(parts.get(i));
        }
        return sb.toString();
    }

    private static String leafText(Variable v) {
        return leafText(v, null);
    }

    private static String leafText(Variable v, Function<Constant, String> constants) {
        // Theano's TensorConstant.__str__ ignores the name: a named constant prints its value
        if (constants != null && v instanceof Constant c) return constants.apply(c);
        if (v.name() != null) return v.name();
        if (v instanceof Constant c) return c.toString();
        return v.toString();
    }

    /** The pieces of one node's text: literal strings and input variables, in reading order. */
    private static List<Object> ppParts(Apply a) {
        Op op = a.op();
        List<Variable> in = a.inputs();
        if (op instanceof ElemwiseOp e) {
            Operator infix = e.scalar().operator();
            if (infix != null && in.size() == 2) return List.of("(", in.get(0), " " + infix.symbol() + " ", in.get(1), ")");
            if (e.scalar() == Scalar.NEG) return List.of("-", in.get(0));
            return call(e.scalar().pyName(), in, "");
        }
        if (op instanceof DotOp d) {
            String ta = d.transA() && in.get(0).rank() == 2 ? ".T" : "";
            String tb = d.transB() && in.get(1).rank() == 2 ? ".T" : "";
            return List.of("dot(", in.get(0), ta + ", ", in.get(1), tb + ")");
        }
        if (op instanceof ReduceOp r) {
            String f = r.kind().name().toLowerCase(java.util.Locale.ROOT);
            String axis = r.axes() == null ? "" : ", axis=" + (r.axes().size() == 1 ? r.axes().get(0) : r.axes().toString());
            return call(f, in, axis + (r.keepdims() ? ", keepdims=True" : ""));
        }
        if (op instanceof DimShuffleOp ds && ds.equals(DimShuffleOp.of(1, 0))) return List.of(in.get(0), ".T");
        if (op instanceof SubtensorOp st) return subscript(in.get(0), st.idx(), in.subList(1, in.size()));
        if (op instanceof AdvancedSubtensor1Op) return subscript(in.get(0), List.of(IndexSpec.VECTOR), in.subList(1, in.size()));
        if (op instanceof AdvancedSubtensorOp at) return subscript(in.get(0), at.idx(), in.subList(1, in.size()));
        if (op instanceof IncSubtensorOp inc) {
            List<Object> parts = new ArrayList<>();
            parts.add(inc.set() ? "set_subtensor(" : "inc_subtensor(");
            parts.addAll(subscript(in.get(0), inc.idx(), in.subList(2, in.size())));
            parts.add(", ");
            parts.add(in.get(1));
            parts.add(")");
            return parts;
        }
        return call(op.name(), in, "");
    }

    /** x[i, a:b, ivec] as the script wrote it, with the index inputs in their places. */
    private static List<Object> subscript(Variable x, List<IndexSpec> idx, List<Variable> parts) {
        List<Object> out = new ArrayList<>(List.of(x, "["));
        int k = 0;
        for (int e = 0; e < idx.size(); e++) {
            if (e > 0) out.add(", ");
            if (idx.get(e) instanceof IndexSpec.Slice sl) {
                if (sl.lo()) out.add(parts.get(k++));
                out.add(":");
                if (sl.hi()) out.add(parts.get(k++));
                if (sl.step()) {
                    out.add(":");
                    out.add(parts.get(k++));
                }
            } else {
                out.add(parts.get(k++));
            }
        }
        out.add("]");
        return out;
    }

    private static List<Object> call(String f, List<Variable> args, String extra) {
        List<Object> parts = new ArrayList<>();
        parts.add(f + "(");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) parts.add(", ");
            parts.add(args.get(i));
        }
        parts.add(extra + ")");
        return parts;
    }


    /** The node tree of {@code v}, Theano style; a node seen before prints as its id line only. */
    public static String debugprint(Variable v) {
        return debugprint(List.of(v), null, -1);
    }

    /**
     * Several variables' trees with shared ids (debugprint([a, b]), as Theano's); constants as in
     * {@link #pp(Variable, Function)}; down to {@code depth} levels (the root is level 1; -1: all),
     * as Theano's debugprint(depth=).
     */
    public static String debugprint(List<Variable> vs, Function<Constant, String> constants, int depth) {
        StringBuilder sb = new StringBuilder();
        Tree tree = new Tree(null, constants, depth);
        for (Variable v : vs) tree.print(v, sb);
        return sb.toString();
    }

    /** The rewritten graph of a compiled function: each output and update value, with each node's step number. */
    public static String debugprint(CompiledFunction f) {
        return debugprint(f, null, -1);
    }

    /** {@link #debugprint(CompiledFunction)} with constants as in {@link #pp(Variable, Function)}, down to depth levels. */
    public static String debugprint(CompiledFunction f, Function<Constant, String> constants, int depth) {
        Plan plan = f.plan();
        Map<Apply, Integer> stepOf = new IdentityHashMap<>();
        List<Plan.Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) stepOf.put(steps.get(i).node(), i);
        Tree tree = new Tree(stepOf, constants, depth);
        StringBuilder sb = new StringBuilder();
        for (int slot : plan.resultSlots()) tree.print(plan.slotVariables().get(slot), sb);
        return sb.toString();
    }

    /** Ids shared across the trees of one debugprint call. */
    private static final class Tree {
        private final Map<Apply, Integer> stepOf;
        private final int depth;
        private final Map<Object, String> ids = new IdentityHashMap<>();
        private final Map<Apply, Boolean> printed = new IdentityHashMap<>();
        private final Function<Constant, String> constants;

        Tree(Map<Apply, Integer> stepOf, Function<Constant, String> constants, int depth) {
            this.stepOf = stepOf;
            this.constants = constants;
            this.depth = depth;
        }

        /**
         * A line to print: its own prefix, and the base its inputs' prefixes extend. As Theano's
         * _debugprint, the inputs of a node's last input continue with spaces, not a bar.
         */
        private record Frame(Variable v, String prefix, String childBase, int level) { }

        void print(Variable root, StringBuilder sb) {
            if (depth == 0) return;
            Deque<Frame> stack = new ArrayDeque<>();
            stack.push(new Frame(root, "", "", 1));
            while (!stack.isEmpty()) {
                Frame f = stack.pop();
                Variable v = f.v();
                Apply a = v.owner();
                sb.append(f.prefix());
                if (a == null) {
                    sb.append(leafText(v, constants)).append(" [id ").append(id(v)).append("]\n");
                    continue;
                }
                sb.append(opText(a.op())).append(a.outputs().size() > 1 ? "." + v.index() : "")
                        .append(" [id ").append(id(a)).append("] '").append(v.name() == null ? "" : v.name()).append("'");
                if (stepOf != null && stepOf.containsKey(a)) sb.append("   ").append(stepOf.get(a));
                sb.append('\n');
                if (depth > 0 && f.level() >= depth) continue; // inputs below the depth asked for are not shown
                if (printed.put(a, Boolean.TRUE) != null) continue;
                List<Variable> in = a.inputs();
                for (int i = in.size() - 1; i >= 0; i--) {
                    String base = f.childBase() + (i == in.size() - 1 ? "  " : " |");
                    stack.push(new Frame(in.get(i), f.childBase() + " |", base, f.level() + 1));
                }
            }
        }

        private String id(Object key) {
            return ids.computeIfAbsent(key, k -> letters(ids.size()));
        }
    }

    /**
     * Graphviz DOT text of the graph computing {@code outputs} (theano.printing.pydotprint writes
     * this to a file): ops are boxes, inputs green, shared variables blue, constants grey, outputs
     * double-bordered; edges run from values to the ops that read them.
     */
    public static String dot(List<Variable> outputs) {
        StringBuilder sb = new StringBuilder("digraph G {\n  rankdir=TB;\n");
        Map<Object, String> ids = new IdentityHashMap<>();
        java.util.function.Function<Object, String> id = o -> ids.computeIfAbsent(o, k -> "n" + ids.size());
        java.util.Set<Variable> outs = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        outs.addAll(outputs);
        List<Apply> order = GraphWalk.toposort(outputs);
        for (Variable leaf : GraphWalk.leaves(outputs)) {
            String color = leaf instanceof Constant ? "grey" : leaf instanceof tdl.graph.SharedVariable ? "lightblue" : "palegreen";
            sb.append("  ").append(id.apply(leaf)).append(" [label=\"").append(escape(leafText(leaf)))
                    .append("\" shape=ellipse style=filled fillcolor=").append(color)
                    .append(outs.contains(leaf) ? " peripheries=2" : "").append("];\n");
        }
        for (Apply a : order) {
            sb.append("  ").append(id.apply(a)).append(" [label=\"").append(escape(opText(a.op()))).append("\" shape=box")
                    .append(outs.contains(a.output()) ? " peripheries=2" : "").append("];\n");
            for (Variable in : a.inputs()) {
                String from = in.owner() != null ? id.apply(in.owner()) : id.apply(in);
                sb.append("  ").append(from).append(" -> ").append(id.apply(a)).append(";\n");
            }
        }
        return sb.append("}\n").toString();
    }

    /** DOT text of a compiled function's rewritten graph (outputs, then update values). */
    public static String dot(CompiledFunction f) {
        List<Variable> results = new ArrayList<>();
        for (int slot : f.plan().resultSlots()) results.add(f.plan().slotVariables().get(slot));
        return dot(results);
    }

    private static String escape(String s) { return s.replace("\\", "\\\\").replace("\"", "\\\""); }

    static String opText(Op op) {
        if (op instanceof ElemwiseOp e) return "Elemwise{" + e.scalar().pyName() + ",no_inplace}";
        return op.name();
    }

    /** 0 -> A, 25 -> Z, 26 -> BA, as Theano numbers its ids. */
    static String letters(int n) {
        StringBuilder sb = new StringBuilder();
        do {
            sb.insert(0, (char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return sb.toString();
    }
}
