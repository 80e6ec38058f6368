package tdl.lib.theano;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Constant;
import tdl.graph.Variable;
import tdl.graph.ops.Index;
import tdl.graph.ops.NeibsCheckOp;
import tdl.graph.ops.TensorOps;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.Sequences;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.tensor.nnet.neighbours as Theano 1.0: images2neibs and neibs2images. images2neibs is
 * written with slices, a stack and a reshape (after a zero or wrap-around padding for 'half',
 * 'full' and 'wrap_centered'), so its gradient is the gradient of those parts: in every mode and
 * for every step, where Theano 1.0 has one only for 'valid' and for 'ignore_borders' with
 * disjoint patches. Row (n, s, a, b) of the output is patch (a, b) of image ten4[n, s], patches
 * in row-major order (Theano's perform; its docstring's column-major loop is not what it does),
 * and a row lists the patch's values row by row.
 */
final class Neighbours {
    private Neighbours() {}

    private static final List<String> MODES = List.of("valid", "half", "full", "wrap_centered", "ignore_borders");

    static TdlModule install(TdlModule nnet) {
        TdlModule m = new TdlModule("theano.tensor.nnet.neighbours");
        m.put("images2neibs", (TdlCallable) Neighbours::images2neibs);
        m.put("neibs2images", (TdlCallable) Neighbours::neibs2images);
        nnet.put("neighbours", m);
        return m;
    }

    /** images2neibs(ten4, neib_shape, neib_step=None, mode='valid') -> matrix (patches, c * d). */
    static Object images2neibs(Runtime rt, Args a) {
        a.check(4, "ten4", "neib_shape", "neib_step", "mode");
        Variable x = TensorModule.arg(rt, a, 0, "ten4");
        Object shapeArg = a.get(1, "neib_shape"), stepArg = a.get(2, "neib_step", null);
        Object mode = a.get(3, "mode", "valid");
        return images2neibs(rt, x, pair(rt, shapeArg, "neib_shape"), stepArg == null ? null : pair(rt, stepArg, "neib_step"), mode);
    }

    private static Variable images2neibs(Runtime rt, Variable x, int[] shape, int[] step, Object mode) {
        if (!MODES.contains(mode)) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "Only modes " + String.join(", ", MODES)
                    + " have been implemented for Images2Neibs", "got mode=" + rt.repr(mode));
        }
        if (x.rank() != 4) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "images2neibs needs a 4-D ten4 (batch, stack, rows, cols), got " + x.type());
        }
        if (step == null) step = shape;
        int c = shape[0], d = shape[1];
        if (step[0] <= 0 || step[1] <= 0) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "neib_step wrong step ; values <= 0. Got [" + step[0] + " " + step[1] + "]");
        }
        if (c <= 0 || d <= 0) throw new TdlError(ErrorKind.VALUE_ERROR, "neib_shape values <=0. Got [" + c + " " + d + "]");
        if ("wrap_centered".equals(mode) && (c % 2 != 1 || d % 2 != 1)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "Images2Neibs: in mode wrap_centered need patch with odd shapes");
        }
        TensorOps t = Symbolic.ops(rt);
        Variable p = t.apply(new NeibsCheckOp((String) mode, c, d, step[0], step[1]), x);
        switch ((String) mode) {
            case "half" -> p = zeroPad(t, zeroPad(t, p, 2, c / 2), 3, d / 2);
            case "full" -> p = zeroPad(t, zeroPad(t, p, 2, c - 1), 3, d - 1);
            case "wrap_centered" -> p = wrapPad(t, wrapPad(t, p, 2, c / 2), 3, d / 2);
            default -> { }
        }
        // after the padding every mode is 'ignore_borders' (the check op has rejected what 'valid' rejects):
        // entry (i, j) of every patch is p[:, :, i::step0, j::step1] cut where the last whole patch ends
        List<Variable> entries = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < d; j++) {
                Variable e = t.subtensor(p, List.of(new Index.All(), new Index.All(), cut(t, i, c, step[0]), cut(t, j, d, step[1])));
                entries.add(t.reshape(e, -1)); // (batch, stack, row patch, col patch) row-major: the output's row order
            }
        }
        return t.stack(entries, 1);
    }

    /** i::step up to the length minus (size - 1 - i), which leaves room for the rest of the patch. */
    private static Index cut(TensorOps t, int i, int size, int step) {
        int back = size - 1 - i;
        return new Index.Range(t.constant((long) i), back == 0 ? null : t.constant((long) -back), t.constant((long) step));
    }

    /** x with {@code n} zeros before and after along {@code axis}. */
    private static Variable zeroPad(TensorOps t, Variable x, int axis, int n) {
        if (n == 0) return x;
        List<Variable> dims = new ArrayList<>();
        for (int k = 0; k < 4; k++) dims.add(k == axis ? t.constant((long) n) : t.shapeAt(x, k));
        Variable z = t.zeros(x.dtype(), dims.toArray(new Variable[0]));
        return t.concatenate(List.of(z, x, z), axis);
    }

    /** x with its last {@code n} entries along {@code axis} before it and its first n after it (n <= length, checked). */
    private static Variable wrapPad(TensorOps t, Variable x, int axis, int n) {
        if (n == 0) return x;
        Variable head = t.subtensor(x, along(axis, new Index.Range(null, t.constant((long) n), null)));
        Variable tail = t.subtensor(x, along(axis, new Index.Range(t.constant((long) -n), null, null)));
        return t.concatenate(List.of(tail, x, head), axis);
    }

    private static List<Index> along(int axis, Index idx) {
        List<Index> out = new ArrayList<>();
        for (int k = 0; k < axis; k++) out.add(new Index.All());
        out.add(idx);
        return out;
    }

    /**
     * neibs2images(neibs, neib_shape, original_shape, mode='valid'): the inverse of images2neibs with
     * disjoint patches. Theano writes it as images2neibs of the matrix and a reshape; that is this
     * reshape, transpose and reshape. 'ignore_borders' pads the dropped border with floatX zeros, as
     * Theano does; other modes raise NotImplementedError there too.
     */
    static Object neibs2images(Runtime rt, Args a) {
        a.check(4, "neibs", "neib_shape", "original_shape", "mode");
        TensorOps t = Symbolic.ops(rt);
        Variable neibs = TensorModule.arg(rt, a, 0, "neibs");
        int[] shape = pair(rt, a.get(1, "neib_shape"), "neib_shape");
        Object mode = a.get(3, "mode", "valid");
        if (!MODES.contains(mode)) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "Only modes " + String.join(", ", MODES)
                    + " have been implemented for Images2Neibs", "got mode=" + rt.repr(mode));
        }
        if (!"valid".equals(mode) && !"ignore_borders".equals(mode)) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "neibs2images do not support mode=" + mode);
        }
        if (neibs.rank() != 2) throw new TdlError(ErrorKind.TYPE_ERROR, "neibs2images needs a matrix of neighbourhoods, got " + neibs.type());
        List<Variable> orig = originalShape(rt, t, a.get(2, "original_shape"));
        Variable c = t.constant((long) shape[0]), d = t.constant((long) shape[1]);
        Variable gc = t.intDiv(orig.get(2), c), gd = t.intDiv(orig.get(3), d);
        // row ((n*S + s)*gc + a)*gd + b, column i*d + j goes to [n, s, a*c + i, b*d + j]: as (n*S*gc, gd, c, d)
        // with gd and c swapped, its row-major order is the image's (TDL tensors stop at rank 4)
        Variable four = t.reshape(neibs, List.of(t.mul(t.mul(orig.get(0), orig.get(1)), gc), gd, c, d));
        Variable rows = t.mul(gc, c), cols = t.mul(gd, d);
        Variable out = t.reshape(t.dimshuffle(four, 0, 2, 1, 3), List.of(orig.get(0), orig.get(1),
                "valid".equals(mode) ? orig.get(2) : rows, "valid".equals(mode) ? orig.get(3) : cols));
        if ("valid".equals(mode)) return out;
        var fx = Symbolic.floatX(rt);
        Variable bottom = t.zeros(fx, orig.get(0), orig.get(1), t.sub(orig.get(2), rows), cols);
        out = t.concatenate(List.of(out, bottom), 2);
        Variable right = t.zeros(fx, orig.get(0), orig.get(1), orig.get(2), t.sub(orig.get(3), cols));
        return t.concatenate(List.of(out, right), 3);
    }

    /** original_shape as 4 integer scalars: a tuple (of ints or scalars) or a vector such as x.shape. */
    private static List<Variable> originalShape(Runtime rt, TensorOps t, Object v) {
        List<Variable> out = new ArrayList<>();
        List<?> items = Sequences.items(v);
        if (items != null) {
            for (Object o : items) out.add(Symbolic.lift(rt, o, "neibs2images() original_shape entry"));
        } else {
            Variable s = Symbolic.lift(rt, v, "neibs2images() argument 'original_shape'");
            if (s.rank() != 1) throw new TdlError(ErrorKind.TYPE_ERROR, "neibs2images: original_shape must be 4 integers, got " + s.type());
            for (int k = 0; k < 4; k++) out.add(t.subtensor(s, List.of(new Index.Scalar(t.constant((long) k)))));
        }
        if (out.size() != 4 || out.stream().anyMatch(o -> o.rank() != 0 || !o.dtype().isInteger())) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "neibs2images: original_shape must be 4 integers (batch, stack, rows, cols), got "
                    + rt.repr(v));
        }
        return out;
    }

    /** neib_shape or neib_step: two ints known when the graph is built (TDL slices by them). */
    private static int[] pair(Runtime rt, Object v, String name) {
        Variable p = Symbolic.lift(rt, v, "images2neibs() argument '" + name + "'");
        if (!(p instanceof Constant k)) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "images2neibs: a symbolic " + name + " is not supported by TDL", null,
                    "pass two ints, such as (2, 2)");
        }
        if (k.rank() != 1 || k.value().size() != 2 || !k.dtype().isInteger()) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "images2neibs: " + name + " must be two ints (rows, cols), got " + rt.repr(v));
        }
        return new int[] {(int) k.value().get(0), (int) k.value().get(1)};
    }
}
