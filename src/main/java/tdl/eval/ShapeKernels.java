package tdl.eval;

import tdl.vocab.ErrorKind;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.ops.ArgReduceOp;
import tdl.graph.ops.DimShuffleOp;
import tdl.graph.ops.EyeOp;
import tdl.graph.ops.FlattenOp;
import tdl.graph.ops.JoinOp;

/**
 * Kernels of the shape-manipulating and small ops (each a lambda over its node). Arrays a lambda
 * captures are that kernel's scratch (one kernel per plan step, one call at a time), refilled every
 * call so a steady-state call allocates nothing; outputs may be given them as shapes because
 * NDArray copies the shape it is built with.
 */
final class ShapeKernels {
    private ShapeKernels() {}

    static Kernel sumToShape(Apply node) {
        DType dtype = node.output().dtype();
        int[] sh4 = new int[4], st4 = new int[4];
        return (in, reuse) -> {
            NDArray g = in[0];
            int[] xs = in[1].shape();
            if (!Broadcast.broadcastsTo(xs, g.shape())) {
                throw Kernels.shapeError(node, "gradient of shape " + NDArray.shapeString(g.shape())
                        + " cannot be summed to shape " + NDArray.shapeString(xs), null);
            }
            NDArray out = Kernels.output(reuse, dtype, xs);
            if (g.sameShape(xs)) return Kernels.copyAs(g, dtype, xs, out);
            if (out.size() == 1 && dtype == DType.FLOAT64) { // summed to one element: a plain sum, in index order
                double sum = 0;
                for (double v : g.data()) sum += v;
                out.data()[0] = sum;
                return out;
            }
            java.util.Arrays.fill(out.data(), 0);
            Broadcast.scatterAdd(g.data(), Broadcast.pad4(g.shape(), sh4), out.data(), 0, Broadcast.strides4(xs, g.shape(), st4));
            return out;
        };
    }

    static Kernel dimshuffle(Apply node) {
        int[] pattern = ((DimShuffleOp) node.op()).pattern().stream().mapToInt(Integer::intValue).toArray();
        DType dtype = node.output().dtype();
        boolean[] used = new boolean[TensorType.MAX_RANK];
        for (int p : pattern) if (p >= 0) used[p] = true;
        int[] xst = new int[TensorType.MAX_RANK], shape = new int[pattern.length], st4 = new int[4], sh4 = new int[4];
        return (in, reuse) -> {
            NDArray x = in[0];
            Broadcast.strides(x.shape(), xst);
            int off = 4 - shape.length;
            for (int i = 0; i < 4; i++) st4[i] = 0;
            for (int i = 0; i < shape.length; i++) {
                int p = pattern[i];
                shape[i] = p < 0 ? 1 : x.dim(p);
                st4[off + i] = p < 0 ? 0 : xst[p];
            }
            for (int a = 0; a < x.rank(); a++) {
                if (!used[a] && x.dim(a) != 1) {
                    throw Kernels.shapeError(node, "dimshuffle " + ((DimShuffleOp) node.op()).name() + " drops axis " + a
                            + " of shape " + NDArray.shapeString(x.shape()) + ", which does not have size 1",
                            "only size-1 axes can be dropped");
                }
            }
            if (x.isFloats()) { // float32 gathers floats (the kernel is Float32Native)
                NDArray out = Kernels.nativeOutput(reuse, dtype, shape);
                Broadcast.gather(x.floats(), 0, st4, Broadcast.pad4(shape, sh4), out.floats());
                return out;
            }
            NDArray out = Kernels.output(reuse, dtype, shape);
            Broadcast.gather(x.data(), 0, st4, Broadcast.pad4(shape, sh4), out.data());
            return out;
        };
    }

    static Kernel reshape(Apply node) {
        DType dtype = node.output().dtype();
        int ndim = node.output().rank();
        int[] shape = new int[ndim];
        return (in, reuse) -> {
            NDArray x = in[0];
            double[] sv = in[1].data();
            if (sv.length != ndim) {
                throw Kernels.shapeError(node, "reshape to " + text(sv) + ": the shape has " + sv.length
                        + " entries but the result was declared with " + ndim + " dimensions", null);
            }
            int unknown = -1;
            long known = 1;
            for (int i = 0; i < sv.length; i++) {
                shape[i] = (int) sv[i];
                if (shape[i] == -1 && unknown < 0) unknown = i;
                else if (shape[i] < 0) {
                    throw Kernels.shapeError(node, "cannot reshape to " + text(sv) + ": negative dimension", "use -1 for one inferred dimension");
                } else known *= shape[i];
            }
            if (unknown >= 0 && known != 0 && x.size() % known == 0) shape[unknown] = (int) (x.size() / known);
            if (unknown >= 0 && shape[unknown] == -1 || NDArray.sizeOf(shape) != x.size()) {
                throw Kernels.shapeError(node, "cannot reshape array of size " + x.size() + " into shape " + text(sv),
                        "the new shape must have as many elements as the old one " + NDArray.shapeString(x.shape()));
            }
            return Kernels.copyAs(x, dtype, shape, reuse);
        };
    }

    private static String text(double[] sv) {
        int[] s = new int[sv.length];
        for (int i = 0; i < s.length; i++) s[i] = (int) sv[i];
        return NDArray.shapeString(s);
    }

    static Kernel flatten(Apply node) {
        int outdim = ((FlattenOp) node.op()).outdim();
        DType dtype = node.output().dtype();
        int[] shape = new int[outdim];
        return (in, reuse) -> {
            NDArray x = in[0];
            int last = 1;
            for (int a = 0; a < x.rank(); a++) {
                if (a < outdim - 1) shape[a] = x.dim(a);
                else last *= x.dim(a);
            }
            shape[outdim - 1] = last;
            return Kernels.copyAs(x, dtype, shape, reuse);
        };
    }

    static Kernel shape() {
        return (in, reuse) -> {
            int[] s = in[0].shape();
            NDArray out = reuse != null && reuse.dtype() == DType.INT64 && reuse.rank() == 1 && reuse.dim(0) == s.length
                    ? reuse : NDArray.zeros(DType.INT64, s.length);
            for (int i = 0; i < s.length; i++) out.data()[i] = s[i];
            return out;
        };
    }

    static Kernel join(Apply node) {
        int axis = ((JoinOp) node.op()).axis();
        DType dtype = node.output().dtype();
        int[] shape = new int[node.output().rank()];
        return (in, reuse) -> {
            System.arraycopy(in[0].shape(), 0, shape, 0, shape.length);
            shape[axis] = 0;
            for (NDArray x : in) {
                for (int a = 0; a < shape.length; a++) {
                    if (a != axis && x.dim(a) != shape[a]) {
                        throw Kernels.shapeError(node, "concatenate: shapes " + NDArray.shapeString(in[0].shape()) + " and "
                                + NDArray.shapeString(x.shape()) + " differ on axis " + a + " (joining on axis " + axis + ")",
                                "all axes except the joined one must match");
                    }
                }
                shape[axis] += x.dim(axis);
            }
            NDArray out = Kernels.output(reuse, dtype, shape);
            int outer = 1, inner = 1;
            for (int a = 0; a < axis; a++) outer *= shape[a];
            for (int a = axis + 1; a < shape.length; a++) inner *= shape[a];
            int outRow = shape[axis] * inner, off = 0;
            double[] o = out.data();
            for (NDArray x : in) {
                int chunk = x.dim(axis) * inner;
                double[] d = x.data();
                for (int r = 0; r < outer; r++) System.arraycopy(d, r * chunk, o, r * outRow + off, chunk);
                off += chunk;
            }
            if (dtype.needsCoerce()) for (int i = 0; i < o.length; i++) o[i] = dtype.coerce(o[i]);
            return out;
        };
    }

    static Kernel alloc(Apply node) {
        DType dtype = node.output().dtype();
        int[] shape = new int[node.inputs().size() - 1], st4 = new int[4], sh4 = new int[4];
        return (in, reuse) -> {
            for (int i = 0; i < shape.length; i++) {
                long d = Kernels.intValue(in[i + 1]);
                if (d < 0) throw Kernels.shapeError(node, "negative dimension " + d + " in alloc/zeros/ones", null);
                shape[i] = (int) d;
            }
            NDArray v = in[0];
            if (!Broadcast.broadcastsTo(v.shape(), shape)) throw Kernels.broadcastError(node, "alloc", v.shape(), shape);
            NDArray out = Kernels.output(reuse, dtype, shape);
            if (v.size() == 1) java.util.Arrays.fill(out.data(), v.data()[0]);
            else Broadcast.gather(v.data(), 0, Broadcast.strides4(v.shape(), shape, st4), Broadcast.pad4(shape, sh4), out.data());
            return out;
        };
    }

    static Kernel eye(Apply node) {
        int k = ((EyeOp) node.op()).k();
        DType dtype = node.output().dtype();
        int[] shape = new int[2];
        return (in, reuse) -> {
            int n = (int) Kernels.intValue(in[0]), m = (int) Kernels.intValue(in[1]);
            if (n < 0 || m < 0) throw Kernels.shapeError(node, "negative dimension in eye(" + n + ", " + m + ")", null);
            shape[0] = n;
            shape[1] = m;
            NDArray out = Kernels.output(reuse, dtype, shape);
            double[] o = out.data();
            java.util.Arrays.fill(o, 0);
            for (int i = 0; i < n; i++) if (i + k >= 0 && i + k < m) o[i * m + i + k] = 1;
            return out;
        };
    }

    static Kernel arange(Apply node) {
        DType dtype = node.output().dtype();
        int[] shape = new int[1];
        return (in, reuse) -> {
            double start = in[0].data()[0], stop = in[1].data()[0], step = in[2].data()[0];
            if (step == 0) throw new GraphError(ErrorKind.VALUE_ERROR, "arange: step must not be zero", null, node);
            int n = (int) Math.max(0, Math.ceil((stop - start) / step));
            shape[0] = n;
            NDArray out = Kernels.output(reuse, dtype, shape);
            for (int i = 0; i < n; i++) out.data()[i] = start + i * step;
            return out;
        };
    }

    /** mask.nonzero()[axis], after checking that the mask fits x's leading axes (numpy's message). */
    static Kernel maskIndex(Apply node, int axis, int offset) {
        int[] shape = new int[1];
        return (in, reuse) -> {
            NDArray mask = in[0], x = in[1];
            for (int a = 0; a < mask.rank(); a++) {
                if (mask.dim(a) != x.dim(offset + a)) {
                    throw new GraphError(ErrorKind.INDEX_ERROR, "boolean index did not match indexed array along dimension "
                            + (offset + a) + "; dimension is " + x.dim(offset + a) + " but corresponding boolean dimension is " + mask.dim(a),
                            "the mask must have the shape of x's leading axes", node);
                }
            }
            double[] m = mask.data();
            int n = 0;
            for (double v : m) if (v != 0) n++;
            shape[0] = n;
            NDArray out = Kernels.output(reuse, DType.INT64, shape);
            int stride = 1; // elements per step along `axis` within the mask
            for (int a = axis + 1; a < mask.rank(); a++) stride *= mask.dim(a);
            int size = mask.dim(axis);
            for (int i = 0, k = 0; i < m.length; i++) if (m[i] != 0) out.data()[k++] = (i / stride) % size;
            return out;
        };
    }

    static Kernel softmax(Apply node) {
        DType dtype = node.output().dtype();
        return (in, reuse) -> {
            NDArray x = in[0];
            NDArray out = Kernels.output(reuse, dtype, x.shape());
            int cols = x.dim(x.rank() - 1);
            double[] d = x.data(), o = out.data();
            for (int r = 0; r < d.length; r += cols) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < cols; j++) max = Math.max(max, d[r + j]);
                double s = 0;
                for (int j = 0; j < cols; j++) {
                    double e = Math.exp(d[r + j] - max);
                    o[r + j] = e;
                    s += e;
                }
                for (int j = 0; j < cols; j++) o[r + j] /= s;
            }
            return out;
        };
    }

    static Kernel ifelse(Apply node) {
        DType dtype = node.output().dtype();
        return (in, reuse) -> {
            NDArray chosen = in[0].get(0) != 0 ? in[1] : in[2];
            return Kernels.cast(chosen, dtype, reuse);
        };
    }

    static Kernel argReduce(Apply node) {
        ArgReduceOp op = (ArgReduceOp) node.op();
        int[] outShape = new int[node.output().rank()];
        return (in, reuse) -> {
            NDArray x = in[0];
            int r = x.rank();
            // numpy: an empty lane is an error; no lanes at all (x of shape (0, 3) along axis 1) is an empty result
            if (x.size() == 0 && (op.axis() == null || x.dim(op.axis()) == 0)) {
                throw new GraphError(ErrorKind.VALUE_ERROR, "attempt to get " + (op.max() ? "argmax" : "argmin")
                        + " of an empty sequence", null, node);
            }
            int outer, len, inner;
            if (op.axis() == null) {
                outer = 1;
                len = x.size();
                inner = 1;
                java.util.Arrays.fill(outShape, 1); // keepdims: all ones; else rank 0
            } else {
                int ax = op.axis();
                outer = 1;
                inner = 1;
                for (int a = 0; a < ax; a++) outer *= x.dim(a);
                for (int a = ax + 1; a < r; a++) inner *= x.dim(a);
                len = x.dim(ax);
                for (int a = 0, k = 0; a < r; a++) {
                    if (a == ax) { if (op.keepdims()) outShape[k++] = 1; }
                    else outShape[k++] = x.dim(a);
                }
            }
            NDArray out = Kernels.output(reuse, DType.INT64, outShape);
            double[] d = x.data(), o = out.data();
            for (int p = 0; p < outer; p++) {
                for (int q = 0; q < inner; q++) {
                    int base = p * len * inner + q, best = 0;
                    double bv = d[base];
                    for (int k = 1; k < len && !Double.isNaN(bv); k++) {
                        double v = d[base + k * inner];
                        if (Double.isNaN(v) || (op.max() ? v > bv : v < bv)) { bv = v; best = k; }
                    }
                    o[p * inner + q] = best;
                }
            }
            return out;
        };
    }
}
