package tdl.lib.theano;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.DType;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.BuiltinType;
import tdl.interp.Runtime;
import tdl.interp.Sequences;
import tdl.interp.TdlTuple;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;
import tdl.vocab.Operator;

/**
 * Theano's TensorType with its broadcastable pattern, as scripts see it: {@code T.TensorType(dtype,
 * broadcastable)} and {@code x.type} of a variable declared with a pattern (T.row, T.col,
 * T.tensor(dtype, broadcastable), a TensorType call). Graph types stay (dtype, rank); the pattern
 * lives on the variables (docs/decisions.md), so this pairs the two. A bare graph TensorType (the
 * type of a variable with no declared pattern) compares as the all-False pattern, which is what a
 * fresh T.matrix() has in Theano.
 */
record PatternedType(TensorType type, List<Boolean> pattern, String name) {
    /** T.TensorType(dtype, broadcastable, name=None): a type; calling it makes a variable keeping the pattern. */
    static BuiltinType constructor(Runtime rt) {
        return rt.registerType(new BuiltinType("TensorType", o -> o instanceof TensorType || o instanceof PatternedType, (r, a) -> {
            a.check(4, "dtype", "broadcastable", "name", "sparse_grad");
            DType dt = Symbolic.dtype(r, a.get(0, "dtype"), null);
            Object bc = a.get(1, "broadcastable");
            List<?> items = Sequences.items(bc);
            if (items == null) throw new TdlError(ErrorKind.TYPE_ERROR, "TensorType(): broadcastable must be a tuple of booleans, got " + r.typeName(bc));
            List<Boolean> flags = new ArrayList<>();
            for (Object o : items) flags.add(r.truth(o));
            Object name = a.get(2, "name", null);
            return new PatternedType(new TensorType(dt, flags.size()), List.copyOf(flags), name == null ? null : r.str(name));
        }));
    }

    /** {@code v.type}: with the variable's declared pattern when it has one, else the graph type. */
    static Object of(Variable v) {
        boolean[] p = known(v);
        if (p == null) return v.type();
        List<Boolean> flags = new ArrayList<>();
        for (boolean b : p) flags.add(b);
        return new PatternedType(v.type(), List.copyOf(flags), null);
    }

    /**
     * The pattern Theano gives v where TDL knows it without inference: a declared one (T.row,
     * broadcastable=); all False for the other inputs and shared variables (T.matrix, shared(value)
     * declare no broadcastable axis in Theano either); a constant's axes of length 1 (Theano's
     * constant). Null for a computed variable, whose pattern Theano infers op by op and TDL does not.
     */
    static boolean[] known(Variable v) {
        boolean[] p = v.broadcastable();
        if (p != null || v.owner() != null) return p;
        if (v instanceof tdl.graph.Constant c) {
            int[] shape = c.value().shape();
            boolean[] ones = new boolean[shape.length];
            for (int d = 0; d < shape.length; d++) ones[d] = shape[d] == 1;
            return ones;
        }
        // Theano's generic SharedVariable (shared of a list) is no tensor and has no pattern
        if (v instanceof tdl.graph.SharedVariable s && s.kind() == tdl.graph.SharedVariable.Kind.GENERIC) return null;
        return new boolean[v.rank()];
    }

    boolean[] flags() {
        boolean[] out = new boolean[pattern.size()];
        for (int i = 0; i < out.length; i++) out[i] = pattern.get(i);
        return out;
    }

    /** Theano's TensorType.__str__: the name if any, else the pattern's name (row, col, ...), its tuple, or "3D". */
    @Override
    public String toString() {
        if (name != null) return name;
        String bcast = switch (pattern.toString()) {
            case "[]" -> "scalar";
            case "[false]" -> "vector";
            case "[false, true]" -> "col";
            case "[true, false]" -> "row";
            case "[false, false]" -> "matrix";
            default -> pattern.contains(true) ? tuple(pattern) : pattern.size() + "D";
        };
        return "TensorType(" + type.dtype().pyName() + ", " + bcast + ")";
    }

    private static String tuple(List<Boolean> flags) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < flags.size(); i++) sb.append(i > 0 ? ", " : "").append(flags.get(i) ? "True" : "False");
        return sb.append(flags.size() == 1 ? ",)" : ")").toString();
    }

    /** Theano's TensorType.__eq__: same dtype and same pattern (a bare graph type is all False). */
    static boolean same(Object a, Object b) {
        TensorType ta = graphType(a), tb = graphType(b);
        return ta != null && tb != null && ta.equals(tb) && patternOf(a).equals(patternOf(b));
    }

    private static TensorType graphType(Object o) {
        return o instanceof TensorType t ? t : o instanceof PatternedType p ? p.type : null;
    }

    private static List<Boolean> patternOf(Object o) {
        if (o instanceof PatternedType p) return p.pattern;
        List<Boolean> flags = new ArrayList<>();
        for (int i = 0; i < ((TensorType) o).rank(); i++) flags.add(false);
        return flags;
    }

    /** The script-facing behaviour: str, dtype/ndim/broadcastable/name, ==, and calling to make a variable. */
    static final class Hooks implements TypeHooks {
        @Override public String typeName(Object self) { return "TensorType"; }

        @Override public String str(Runtime rt, Object self) { return self.toString(); }

        @Override
        public Object getAttr(Runtime rt, Object self, String name) {
            PatternedType t = (PatternedType) self;
            return switch (name) {
                case "dtype" -> t.type.dtype().pyName();
                case "ndim" -> (long) t.type.rank();
                case "broadcastable" -> new TdlTuple(new ArrayList<>(t.pattern));
                case "name" -> t.name;
                default -> UNSUPPORTED;
            };
        }

        @Override
        public Object call(Runtime rt, Object self, Args a) {
            PatternedType t = (PatternedType) self;
            Object name = a.check(1, "name").get(0, "name", null);
            return new Variable(t.type, name == null ? null : rt.str(name), t.flags());
        }

        @Override
        public Object binary(Runtime rt, Operator op, Object a, Object b) {
            return switch (op) {
                case EQ -> same(a, b);
                case NE -> !same(a, b);
                default -> UNSUPPORTED;
            };
        }

        @Override
        public List<String> attributeNames(Object self) { return List.of("dtype", "ndim", "broadcastable", "name"); }
    }
}
