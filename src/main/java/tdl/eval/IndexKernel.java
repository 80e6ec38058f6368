package tdl.eval;

import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.Op;
import tdl.graph.ops.AdvancedSubtensor1Op;
import tdl.graph.ops.AdvancedSubtensorOp;
import tdl.graph.ops.IncSubtensorOp;
import tdl.graph.ops.IndexSpec;
import tdl.graph.ops.SubtensorOp;

/**
 * Reads (x[idx]) and writes (set/inc_subtensor) for basic indexing (a strided view of x), x[ivec]
 * and x[ivec, jvec] (a list of contiguous blocks of x). Indices are checked and wrapped as numpy
 * does; slices clamp as Python's slice.indices.
 */
final class IndexKernel implements Kernel {
    private final Apply node;
    private final List<IndexSpec> idx;
    private final boolean write, set;
    private final DType dtype;
    private final boolean pointOfVector;

    IndexKernel(Apply node) {
        this.node = node;
        Op op = node.op();
        if (op instanceof SubtensorOp s) idx = s.idx();
        else if (op instanceof AdvancedSubtensor1Op) idx = List.of(IndexSpec.VECTOR);
        else if (op instanceof AdvancedSubtensorOp) idx = List.of(IndexSpec.VECTOR, IndexSpec.VECTOR);
        else idx = ((IncSubtensorOp) op).idx();
        this.write = op instanceof IncSubtensorOp;
        this.set = write && ((IncSubtensorOp) op).set();
        this.dtype = node.output().dtype();
        this.pointOfVector = !write && idx.size() == 1 && idx.get(0) instanceof IndexSpec.Point && dtype == node.inputs().get(0).dtype();
    }

    /** What an index selects: a strided view (basic) or blocks at offsets (advanced). */
    private static final class Selection {
        int[] shape;       // shape of x[idx]
        int offset;        // basic: first element
        int[] strides;     // basic: strides into x, one per axis of shape
        int[] blocks;      // advanced: offset of each block
        int blockSize;     // advanced: elements per block
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        NDArray x = in[0];
        // x[i] of a vector (shape(x)[0] in gradient graphs): one element, nothing to plan
        if (pointOfVector && x.rank() == 1 && in.length == 2) {
            int i = checked(Kernels.intValue(in[1]), x.dim(0), 0);
            NDArray out = reuse != null && reuse.dtype() == dtype && reuse.rank() == 0 ? reuse : NDArray.zeros(dtype);
            out.data()[0] = x.data()[i];
            return out;
        }
        int first = write ? 2 : 1;
        Selection sel = IndexSpec.isBasic(idx) ? basic(x, in, first) : advanced(x, in, first);
        if (!write) {
            NDArray out = Kernels.output(reuse, dtype, sel.shape);
            if (sel.blocks == null) {
                Broadcast.gather(x.data(), sel.offset, pad4s(sel.strides), Broadcast.pad4(sel.shape), out.data());
            } else {
                for (int k = 0; k < sel.blocks.length; k++) {
                    System.arraycopy(x.data(), sel.blocks[k], out.data(), k * sel.blockSize, sel.blockSize);
                }
            }
            return out;
        }
        NDArray y = in[1];
        if (!Broadcast.broadcastsTo(y.shape(), sel.shape)) {
            throw Kernels.broadcastError(node, (set ? "set_subtensor" : "inc_subtensor") + ": the value does not fit the indexed part",
                    y.shape(), sel.shape);
        }
        double[] yb = y.sameShape(sel.shape) ? y.data() : Broadcast.expand(y, sel.shape);
        NDArray out = Kernels.copyAs(x, dtype, x.shape(), reuse);
        double[] o = out.data();
        if (sel.blocks == null) {
            if (set) scatterSet(yb, Broadcast.pad4(sel.shape), o, sel.offset, pad4s(sel.strides));
            else Broadcast.scatterAdd(yb, Broadcast.pad4(sel.shape), o, sel.offset, pad4s(sel.strides));
        } else {
            int bs = sel.blockSize;
            for (int k = 0; k < sel.blocks.length; k++) {
                int b = sel.blocks[k], s = k * bs;
                if (set) System.arraycopy(yb, s, o, b, bs);
                else for (int j = 0; j < bs; j++) o[b + j] += yb[s + j];
            }
        }
        if (ScalarFns.needsCoerce(dtype)) for (int i = 0; i < o.length; i++) o[i] = dtype.coerce(o[i]);
        return out;
    }

    private static void scatterSet(double[] src, int[] sh, double[] dst, int offset, int[] st) {
        int o = 0;
        for (int i0 = 0; i0 < sh[0]; i0++) {
            for (int i1 = 0; i1 < sh[1]; i1++) {
                for (int i2 = 0; i2 < sh[2]; i2++) {
                    int base = offset + i0 * st[0] + i1 * st[1] + i2 * st[2];
                    for (int i3 = 0; i3 < sh[3]; i3++) dst[base + i3 * st[3]] = src[o++];
                }
            }
        }
    }

    private static int[] pad4s(int[] strides) {
        int[] r = new int[4];
        System.arraycopy(strides, 0, r, 4 - strides.length, strides.length);
        return r;
    }

    private Selection basic(NDArray x, NDArray[] in, int p) {
        int r = x.rank();
        int[] xst = Broadcast.strides(x.shape());
        int[] shape = new int[r], strides = new int[r];
        int n = 0, offset = 0;
        for (int a = 0; a < r; a++) {
            int dim = x.dim(a);
            IndexSpec s = a < idx.size() ? idx.get(a) : IndexSpec.ALL;
            if (s instanceof IndexSpec.Point) {
                offset += checked(Kernels.intValue(in[p++]), dim, a) * xst[a];
                continue;
            }
            IndexSpec.Slice sl = (IndexSpec.Slice) s;
            Long lo = sl.lo() ? Kernels.intValue(in[p++]) : null;
            Long hi = sl.hi() ? Kernels.intValue(in[p++]) : null;
            long step = sl.step() ? Kernels.intValue(in[p++]) : 1;
            if (step == 0) throw new GraphError("ValueError", "slice step cannot be zero", null, node);
            long start, stop;
            if (step > 0) {
                start = lo == null ? 0 : clamp(lo < 0 ? lo + dim : lo, 0, dim);
                stop = hi == null ? dim : clamp(hi < 0 ? hi + dim : hi, 0, dim);
            } else {
                start = lo == null ? dim - 1 : clamp(lo < 0 ? lo + dim : lo, -1, dim - 1);
                stop = hi == null ? -1 : clamp(hi < 0 ? hi + dim : hi, -1, dim - 1);
            }
            long len = step > 0 ? Math.max(0, (stop - start + step - 1) / step) : Math.max(0, (start - stop - step - 1) / -step);
            if (len > 0) offset += (int) start * xst[a];
            shape[n] = (int) len;
            strides[n++] = (int) step * xst[a];
        }
        Selection sel = new Selection();
        sel.shape = java.util.Arrays.copyOf(shape, n);
        sel.strides = java.util.Arrays.copyOf(strides, n);
        sel.offset = offset;
        return sel;
    }

    private static long clamp(long v, long lo, long hi) { return Math.max(lo, Math.min(hi, v)); }

    private int checked(long i, int dim, int axis) {
        long j = i < 0 ? i + dim : i;
        if (j < 0 || j >= dim) {
            throw new GraphError("IndexError", "index " + i + " is out of bounds for axis " + axis + " with size " + dim,
                    "valid indices are " + (-dim) + " to " + (dim - 1), node);
        }
        return (int) j;
    }

    private Selection advanced(NDArray x, NDArray[] in, int p) {
        int nv = idx.size();
        int[] xst = Broadcast.strides(x.shape());
        NDArray iv = in[p], jv = nv == 2 ? in[p + 1] : null;
        int[] ishape = iv.shape();
        if (jv != null) {
            ishape = Broadcast.shape(iv.shape(), jv.shape());
            if (ishape == null) {
                throw Kernels.shapeError(node, "shape mismatch: indexing arrays could not be broadcast together with shapes "
                        + NDArray.shapeString(iv.shape()) + " and " + NDArray.shapeString(jv.shape()),
                        "the two index vectors must have the same length");
            }
        }
        int count = (int) NDArray.sizeOf(ishape);
        Selection sel = new Selection();
        sel.blocks = new int[count];
        sel.blockSize = x.rank() == nv ? 1 : xst[nv - 1];
        for (int k = 0; k < count; k++) {
            int off = checked((long) iv.data()[iv.size() == 1 ? 0 : k], x.dim(0), 0) * xst[0];
            if (jv != null) off += checked((long) jv.data()[jv.size() == 1 ? 0 : k], x.dim(1), 1) * xst[1];
            sel.blocks[k] = off;
        }
        int[] shape = new int[ishape.length + x.rank() - nv];
        System.arraycopy(ishape, 0, shape, 0, ishape.length);
        System.arraycopy(x.shape(), nv, shape, ishape.length, x.rank() - nv);
        sel.shape = shape;
        return sel;
    }
}
