package tdl.lib.theano;

import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import tdl.graph.DType;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.interp.TdlTuple;
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
            t.put(plural, plural(kind, rank, null));
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
        // row and col are matrices in TDL (broadcasting is decided from run-time shapes)
        t.put("row", single("row", 2, null));
        t.put("col", single("col", 2, null));
        t.put("drow", single("drow", 2, DType.FLOAT64));
        t.put("dcol", single("dcol", 2, DType.FLOAT64));
        for (String prefix : new String[] {"f", "i", "l", "b"}) {
            DType dt = switch (prefix) {
                case "f" -> DType.FLOAT32;
                case "i" -> DType.INT32;
                case "l" -> DType.INT64;
                default -> DType.INT8;
            };
            t.put(prefix + "row", single(prefix + "row", 2, dt));
            t.put(prefix + "col", single(prefix + "col", 2, dt));
        }
        t.put("tensor", (TdlCallable) (rt, a) -> {
            a.check(3, "dtype", "broadcastable", "name", "ndim");
            DType dt = Symbolic.dtype(rt, a.get(0, "dtype", null), Symbolic.floatX(rt));
            Object bc = a.get(1, "broadcastable", null);
            int rank = a.keywords().containsKey("ndim") ? tdl.interp.Ints.intValue(a.keywords().get("ndim"))
                    : Sequences.items(bc) != null ? Sequences.items(bc).size() : 0;
            Object name = a.get(2, "name", null);
            return new Variable(new TensorType(dt, rank), name == null ? null : rt.str(name));
        });
    }

    private static TdlCallable single(String fn, int rank, DType fixed) {
        return (rt, a) -> {
            a.check(2, "name", "dtype");
            Object name = a.get(0, "name", null);
            DType dt = fixed != null ? fixed : Symbolic.dtype(rt, a.get(1, "dtype", null), Symbolic.floatX(rt));
            if (fixed != null && a.keywords().containsKey("dtype")) {
                throw new TdlError(ErrorKind.TYPE_ERROR, fn + "() has a fixed dtype; use T." + KINDS[rank] + "(name, dtype=...)");
            }
            return new Variable(new TensorType(dt, rank), name == null ? null : rt.str(name));
        };
    }

    private static TdlCallable plural(String fn, int rank, DType fixed) {
        return (rt, a) -> {
            DType dt = fixed == null ? Symbolic.floatX(rt) : fixed;
            java.util.List<Object> out = new java.util.ArrayList<>();
            java.util.List<Object> names = a.positional();
            if (names.size() == 1 && names.get(0) instanceof Long n) {
                for (int i = 0; i < n; i++) out.add(new Variable(new TensorType(dt, rank), null));
            } else {
                for (Object name : names) {
                    out.add(new Variable(new TensorType(dt, rank), rt.str(name)));
                }
            }
            return out.size() == 1 ? out.get(0) : new TdlTuple(out);
        };
    }
}
