package tdl.function;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tdl.grad.GraphWalk;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.Op;
import tdl.graph.Variable;
import tdl.graph.ops.DimShuffleOp;
import tdl.graph.ops.DotOp;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.ReduceOp;
import tdl.graph.ops.Scalar;

/**
 * theano.printing.pp (infix text) and debugprint (the node tree with ids). Both walk iteratively,
 * so printing a very deep graph cannot overflow the stack.
 */
public final class GraphPrinter {
    private GraphPrinter() {}

    /** Infix form: {@code ((w * p) + b)}, {@code exp(x)}, {@code dot(x, W)}, {@code sum(sqr(x))}. */
    public static String pp(Variable v) {
        Map<Variable, String> text = new IdentityHashMap<>();
        for (Apply a : GraphWalk.toposort(List.of(v))) {
            List<String> args = new ArrayList<>();
            for (Variable in : a.inputs()) args.add(text.containsKey(in) ? text.get(in) : leafText(in));
            String s = ppApply(a, args);
            for (Variable out : a.outputs()) text.put(out, s);
        }
        return text.containsKey(v) ? text.get(v) : leafText(v);
    }

    private static String leafText(Variable v) {
        if (v.name() != null) return v.name();
        if (v instanceof Constant c) return c.toString();
        return v.toString();
    }

    private static String ppApply(Apply a, List<String> args) {
        Op op = a.op();
        if (op instanceof ElemwiseOp e) {
            String infix = infix(e.scalar());
            if (infix != null && args.size() == 2) return "(" + args.get(0) + " " + infix + " " + args.get(1) + ")";
            if (e.scalar() == Scalar.NEG) return "-" + args.get(0);
            return e.scalar().pyName() + "(" + String.join(", ", args) + ")";
        }
        if (op instanceof DotOp d) {
            String x = args.get(0) + (d.transA() && a.inputs().get(0).rank() == 2 ? ".T" : "");
            String y = args.get(1) + (d.transB() && a.inputs().get(1).rank() == 2 ? ".T" : "");
            return "dot(" + x + ", " + y + ")";
        }
        if (op instanceof ReduceOp r) {
            String f = r.kind().name().toLowerCase(java.util.Locale.ROOT);
            String axis = r.axes() == null ? "" : ", axis=" + (r.axes().size() == 1 ? r.axes().get(0) : r.axes().toString());
            return f + "(" + args.get(0) + axis + (r.keepdims() ? ", keepdims=True" : "") + ")";
        }
        if (op instanceof DimShuffleOp ds && ds.equals(DimShuffleOp.of(1, 0))) return args.get(0) + ".T";
        return op.name() + "(" + String.join(", ", args) + ")";
    }

    private static String infix(Scalar s) {
        return switch (s) {
            case ADD -> "+";
            case SUB -> "-";
            case MUL -> "*";
            case TRUE_DIV -> "/";
            case INT_DIV -> "//";
            case MOD -> "%";
            case POW -> "**";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case EQ -> "==";
            case NEQ -> "!=";
            case AND -> "&";
            case OR -> "|";
            case XOR -> "^";
            default -> null;
        };
    }

    /** The node tree of {@code v}, Theano style; a node seen before prints as its id line only. */
    public static String debugprint(Variable v) {
        StringBuilder sb = new StringBuilder();
        new Tree(null).print(v, sb);
        return sb.toString();
    }

    /** The rewritten graph of a compiled function: each output and update value, with each node's step number. */
    public static String debugprint(CompiledFunction f) {
        Plan plan = f.plan();
        Map<Apply, Integer> stepOf = new IdentityHashMap<>();
        List<Plan.Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) stepOf.put(steps.get(i).node(), i);
        Tree tree = new Tree(stepOf);
        StringBuilder sb = new StringBuilder();
        for (int slot : plan.resultSlots()) tree.print(plan.slotVariables().get(slot), sb);
        return sb.toString();
    }

    /** Ids shared across the trees of one debugprint call. */
    private static final class Tree {
        private final Map<Apply, Integer> stepOf;
        private final Map<Object, String> ids = new IdentityHashMap<>();
        private final Map<Apply, Boolean> printed = new IdentityHashMap<>();

        Tree(Map<Apply, Integer> stepOf) { this.stepOf = stepOf; }

        private record Frame(Variable v, String prefix) { }

        void print(Variable root, StringBuilder sb) {
            Deque<Frame> stack = new ArrayDeque<>();
            stack.push(new Frame(root, ""));
            while (!stack.isEmpty()) {
                Frame f = stack.pop();
                Variable v = f.v();
                Apply a = v.owner();
                sb.append(f.prefix());
                if (a == null) {
                    sb.append(leafText(v)).append(" [id ").append(id(v)).append("]\n");
                    continue;
                }
                sb.append(opText(a.op())).append(a.outputs().size() > 1 ? "." + v.index() : "")
                        .append(" [id ").append(id(a)).append("] '").append(v.name() == null ? "" : v.name()).append("'");
                if (stepOf != null && stepOf.containsKey(a)) sb.append("   ").append(stepOf.get(a));
                sb.append('\n');
                if (printed.put(a, Boolean.TRUE) != null) continue;
                List<Variable> in = a.inputs();
                for (int i = in.size() - 1; i >= 0; i--) stack.push(new Frame(in.get(i), f.prefix() + " |"));
            }
        }

        private String id(Object key) {
            return ids.computeIfAbsent(key, k -> letters(ids.size()));
        }
    }

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
