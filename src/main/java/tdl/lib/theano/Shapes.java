package tdl.lib.theano;

import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.DType;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;

/** reshape and dimshuffle argument conventions (tuples, varargs, symbolic shapes, 'x'). */
final class Shapes {
    private Shapes() {}

    /** x.reshape((a, b)), x.reshape(a, b), T.reshape(x, shape, ndim=None); shape parts may be symbolic. */
    static Variable reshape(Runtime rt, Variable x, Args a) {
        a.check(Integer.MAX_VALUE, "shape", "ndim");
        Object spec = a.size() == 1 ? a.get(0, "shape") : a.size() > 1 ? new ArrayList<>(a.positional()) : a.get(0, "shape");
        return reshapeTo(rt, x, spec, a.keywords().get("ndim"));
    }

    static Variable reshapeTo(Runtime rt, Variable x, Object spec) {
        return reshapeTo(rt, x, spec, null);
    }

    /** {@code ndim} is needed only when the shape is one symbolic vector (its length is not known). */
    static Variable reshapeTo(Runtime rt, Variable x, Object spec, Object ndim) {
        if (spec instanceof Variable v && v.rank() != 0) {
            if (v.rank() != 1) throw new TdlError(ErrorKind.TYPE_ERROR, "reshape needs a shape vector, got a rank-" + v.rank() + " tensor");
            if (ndim == null && tdl.graph.ops.TensorOps.knownLength(v) >= 0) {
                ndim = (long) tdl.graph.ops.TensorOps.knownLength(v);
            }
            if (ndim == null) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "reshape to a symbolic shape vector of unknown length needs ndim=",
                        "give ndim (T.reshape(x, shape, ndim=2)) or the shape as a tuple, e.g. x.reshape((n, 784)); a constant, y.shape or a constant slice of y.shape needs none");
            }
            Variable shape = v.dtype() == DType.INT64 ? v : Symbolic.ops(rt).cast(v, DType.INT64);
            return Symbolic.ops(rt).reshape(x, shape, tdl.interp.Ints.intValue(ndim));
        }
        List<Object> parts = new ArrayList<>(Sequences.itemsOrSingle(spec));
        List<Variable> dims = new ArrayList<>();
        for (Object p : parts) {
            Variable d = Symbolic.lift(rt, p, "a reshape dimension");
            if (d.dtype().isFloat() || d.rank() != 0) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "reshape dimensions must be integer scalars, got " + d.type());
            }
            dims.add(d.dtype() == DType.INT64 ? d : Symbolic.ops(rt).cast(d, DType.INT64));
        }
        return Symbolic.ops(rt).reshape(x, Symbolic.ops(rt).stack(dims, 0), dims.size());
    }

    /** x.dimshuffle(1, 0), x.dimshuffle('x', 0), x.dimshuffle((0, 'x')). */
    static Variable dimshuffle(Runtime rt, Variable x, List<Object> args) {
        List<?> items = args.size() == 1 && (Sequences.isListOrTuple(args.get(0)))
                ? (args.get(0) instanceof TdlTuple t ? t.items() : (List<?>) args.get(0)) : args;
        int[] pattern = new int[items.size()];
        for (int i = 0; i < pattern.length; i++) {
            Object o = items.get(i);
            if ("x".equals(o)) pattern[i] = -1;
            else if (o instanceof Long l) pattern[i] = tdl.interp.Ints.toInt(l);
            else throw new TdlError(ErrorKind.TYPE_ERROR, "dimshuffle pattern entries are axis numbers or 'x', got " + rt.repr(o));
        }
        return Symbolic.ops(rt).dimshuffle(x, pattern);
    }

    /**
     * T.transpose(x, axes=None), Theano's macro over dimshuffle: no axes reverses them; axes must be a
     * permutation of 0..ndim-1 (Theano's DimShuffle refuses to drop or repeat an axis; negative
     * numbers are refused rather than read numpy's way).
     */
    static Variable transpose(Runtime rt, Variable x, Object axes) {
        if (axes == null) return Symbolic.ops(rt).transpose(x);
        List<?> items = Sequences.items(axes);
        if (items == null) throw new TdlError(ErrorKind.TYPE_ERROR, "transpose(): axes must be a tuple or list of axis numbers, got " + rt.repr(axes));
        int n = x.rank();
        int[] pattern = new int[items.size()];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < pattern.length; i++) {
            Object o = items.get(i);
            if (!(o instanceof Long l)) throw new TdlError(ErrorKind.TYPE_ERROR, "transpose(): axes are ints, got " + rt.repr(o));
            if (l < 0 || l >= n || seen[(int) (long) l]) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "transpose(): axes " + rt.repr(axes) + " are not a permutation of the "
                        + n + " axes of " + x.type(), "give each axis 0.." + (n - 1) + " once");
            }
            seen[(int) (long) l] = true;
            pattern[i] = (int) (long) l;
        }
        if (pattern.length != n) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "transpose(): axes " + rt.repr(axes) + " are not a permutation of the "
                    + n + " axes of " + x.type(), "give each axis 0.." + (n - 1) + " once");
        }
        return Symbolic.ops(rt).dimshuffle(x, pattern);
    }
}
