package tdl.lib.theano;

import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import tdl.graph.DType;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;

/** T.scalar/vector/matrix/..., their d/i/l/f-typed forms and plurals (T.dmatrices('a', 'b')). */
final class Constructors {
    private Constructors() {}

    private static final String[] KINDS = {"scalar", "vector", "matrix", "tensor3", "tensor4"};

    static void install(TdlModule t) {
        for (int rank = 0; rank < KINDS.length; rank++) {
            String kind = KINDS[rank];
            t.put(kind, single(kind, rank, null));
            String plural = kind.equals("matrix") ? "matrices" : kind + "s"; // Theano's spelling
            t.put(plural, plural(plural, rank, null));
            for (String prefix : new String[] {"d", "i", "l", "f", "b"}) {
                DType dt = switch (prefix) {
                    case "d" -> DType.FLOAT64;
                    case "f" -> DType.FLOAT32;
                    case "i" -> DType.INT32;
                    case "l" -> DType.INT64;
                    default -> DType.INT8;
                };
                t.put(prefix + kind, single(prefix + kind, rank, dt));
                t.put(prefix + plural, plural(prefix + plural, rank, dt));
            }
        }
        // row and col are matrices that keep Theano's pattern: a longer broadcastable axis is refused when called
        boolean[] row = {true, false}, col = {false, true};  // Variable copies them
        for (String prefix : new String[] {"", "d", "f", "i", "l", "b"}) {
            DType dt = switch (prefix) {
                case "" -> null;
                case "d" -> DType.FLOAT64;
                case "f" -> DType.FLOAT32;
                case "i" -> DType.INT32;
                case "l" -> DType.INT64;
                default -> DType.INT8;
            };
            t.put(prefix + "row", single(prefix + "row", 2, dt, row));
            t.put(prefix + "col", single(prefix + "col", 2, dt, col));
        }
        t.put("tensor", (TdlCallable) (rt, a) -> {
            a.check(3, "dtype", "broadcastable", "name", "ndim");
            DType dt = Symbolic.dtype(rt, a.get(0, "dtype", null), Symbolic.floatX(rt));
            Object bc = a.get(1, "broadcastable", null);
            int rank = a.keywords().containsKey("ndim") ? tdl.interp.Ints.intValue(a.keywords().get("ndim"))
                    : Sequences.items(bc) != null ? Sequences.items(bc).size() : 0;
            Object name = a.get(2, "name", null);
            return new Variable(new TensorType(dt, rank), name == null ? null : rt.str(name), pattern(rt, bc, rank));
        });
    }

    /**
     * T.tensor's broadcastable= as a pattern the input keeps (checked when the function is called),
     * or null when none was given; a pattern of another length than ndim= is refused.
     */
    static boolean[] pattern(tdl.interp.Runtime rt, Object bc, int rank) {
        java.util.List<?> items = bc == null ? null : Sequences.items(bc);
        if (items == null) return null;
        if (items.size() != rank) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "broadcastable= has " + items.size() + " flags but ndim is " + rank,
                    "give one True/False per axis");
        }
        boolean[] p = new boolean[rank];
        for (int i = 0; i < rank; i++) p[i] = rt.truth(items.get(i));
        return p;
    }

    private static TdlCallable single(String fn, int rank, DType fixed) {
        return single(fn, rank, fixed, null);
    }

    /** A constructor of rank-{@code rank} inputs (dtype fixed, or the dtype= argument) with an optional pattern. */
    private static TdlCallable single(String fn, int rank, DType fixed, boolean[] pattern) {
        return (rt, a) -> {
            a.check(2, "name", "dtype");
            Object name = a.get(0, "name", null);
            DType dt = fixed != null ? fixed : Symbolic.dtype(rt, a.get(1, "dtype", null), Symbolic.floatX(rt));
            if (fixed != null && a.keywords().containsKey("dtype")) {
                throw new TdlError(ErrorKind.TYPE_ERROR, fn + "() has a fixed dtype; use T." + (pattern == null ? KINDS[rank] : fn.substring(1))
                        + "(name, dtype=...)");
            }
            return new Variable(new TensorType(dt, rank), name == null ? null : rt.str(name), pattern);
        };
    }

    /**
     * Theano's _multi (tensor/basic.py): an int n gives a list of n unnamed variables (a list also for
     * n = 1); one string gives one variable per character ('abcd' is four, 'x' one variable, not a
     * list); several strings (or one list of them) give one variable per string. The variables come in a list.
     */
    private static TdlCallable plural(String fn, int rank, DType fixed) {
        return (rt, a) -> {
            if (!a.keywords().isEmpty()) {
                throw new TdlError(ErrorKind.TYPE_ERROR, fn + "() takes names only, no keyword arguments",
                        "for a dtype, use the typed plural (T.dmatrices, T.imatrices, ...) or T.matrix(name, dtype=...)");
            }
            DType dt = fixed == null ? Symbolic.floatX(rt) : fixed;
            java.util.List<Object> out = new java.util.ArrayList<>();
            java.util.List<?> names = a.positional();
            if (names.size() == 1 && !(names.get(0) instanceof String) && Sequences.items(names.get(0)) != null) {
                names = Sequences.items(names.get(0)); // scalars(['a', 'b']): Theano unwraps a single argument
            }
            if (!names.isEmpty() && tdl.interp.Ints.isInt(names.get(0)) && !(names.get(0) instanceof Boolean)) {
                long n = tdl.interp.Ints.intValue(names.get(0));
                for (long i = 0; i < n; i++) out.add(new Variable(new TensorType(dt, rank), null));
                return out;
            }
            if (names.size() == 1 && names.get(0) instanceof String s) {
                if (s.codePointCount(0, s.length()) == 1) return new Variable(new TensorType(dt, rank), s);
                s.codePoints().forEach(c -> out.add(new Variable(new TensorType(dt, rank), new String(Character.toChars(c)))));
                return out;
            }
            for (Object name : names) out.add(new Variable(new TensorType(dt, rank), rt.str(name)));
            return out;
        };
    }
}
