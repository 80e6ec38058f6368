package tdl.eval;

import tdl.vocab.ErrorKind;
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
    private final boolean pointOfVector, basicIndex;
    // what this call's index selects, recomputed every call into arrays kept between calls
    private final Selection sel = new Selection();
    private final int[] xStrides = new int[4], shape4 = new int[4], strides4 = new int[4];
    private final int[] expandStrides4 = new int[4], expandShape4 = new int[4];
    private double[] expanded; // a set/inc value broadcast to the selection's shape

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
        this.basicIndex = IndexSpec.isBasic(idx);
    }

    /**
     * What an index selects: a strided view (basic) or blocks at offsets (advanced). One per kernel,
     * refilled each call; its arrays are replaced only when the rank or block count changes.
     */
    private static final class Selection {
        int[] shape = new int[0]; // shape of x[idx]
        int offset;               // basic: first element
        final int[] strides = new int[4]; // basic: strides into x, one per axis of shape
        int[] blocks = new int[0];        // advanced: offset of each block (first blockCount entries)
        int blockCount;
        int blockSize;            // advanced: elements per block

        int[] shapeOfRank(int r) {
            if (shape.length != r) shape = new int[r];
            return shape;
        }

        int[] blocks(int count) {
            if (blocks.length < count) blocks = new int[count];
            blockCount = count;
            return blocks;
        }
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
        if (basicIndex) basic(x, in, first);
        else advanced(x, in, first);
        if (!write) {
            NDArray out = Kernels.output(reuse, dtype, sel.shape);
            if (basicIndex) {
                Broadcast.gather(x.data(), sel.offset, stridesOfView(), Broadcast.pad4(sel.shape, shape4), out.data());
            } else {
                for (int k = 0; k < sel.blockCount; k++) {
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
        double[] yb = y.data();
        if (!y.sameShape(sel.shape)) yb = expanded = Broadcast.expand(y, sel.shape, expanded, expandStrides4, expandShape4);
        NDArray out = Kernels.copyAs(x, dtype, x.shape(), reuse);
        double[] o = out.data();
        if (basicIndex) {
            if (set) scatterSet(yb, Broadcast.pad4(sel.shape, shape4), o, sel.offset, stridesOfView());
            else Broadcast.scatterAdd(yb, Broadcast.pad4(sel.shape, shape4), o, sel.offset, stridesOfView());
        } else {
            int bs = sel.blockSize;
            for (int k = 0; k < sel.blockCount; k++) {
                int b = sel.blocks[k], s = k * bs;
                if (set) System.arraycopy(yb, s, o, b, bs);
                else for (int j = 0; j < bs; j++) o[b + j] += yb[s + j];
            }
        }
        if (dtype.needsCoerce()) for (int i = 0; i < o.length; i++) o[i] = dtype.coerce(o[i]);
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

    private int[] stridesOfView() {
        return Broadcast.padStrides4(sel.strides, sel.shape.length, strides4);
    }

    private void basic(NDArray x, NDArray[] in, int p) {
        int r = x.rank();
        int[] xst = Broadcast.strides(x.shape(), xStrides);
        int n = r;
        for (int a = 0; a < r && a < idx.size(); a++) if (idx.get(a) instanceof IndexSpec.Point) n--;
        int[] shape = sel.shapeOfRank(n), strides = sel.strides;
        n = 0;
        int offset = 0;
        for (int a = 0; a < r; a++) {
            int dim = x.dim(a);
            IndexSpec s = a < idx.size() ? idx.get(a) : IndexSpec.ALL;
            if (s instanceof IndexSpec.Point) {
                offset += checked(Kernels.intValue(in[p++]), dim, a) * xst[a];
                continue;
            }
            IndexSpec.Slice sl = (IndexSpec.Slice) s;
            // primitives and presence flags, not boxed Longs: bounds past 127 would allocate
            long lo = sl.lo() ? Kernels.intValue(in[p++]) : 0;
            long hi = sl.hi() ? Kernels.intValue(in[p++]) : 0;
            long step = sl.step() ? Kernels.intValue(in[p++]) : 1;
            if (step == 0) throw new GraphError(ErrorKind.VALUE_ERROR, "slice step cannot be zero", null, node);
            long start, stop;
            if (step > 0) {
                start = !sl.lo() ? 0 : clamp(lo < 0 ? lo + dim : lo, 0, dim);
                stop = !sl.hi() ? dim : clamp(hi < 0 ? hi + dim : hi, 0, dim);
            } else {
                start = !sl.lo() ? dim - 1 : clamp(lo < 0 ? lo + dim : lo, -1, dim - 1);
                stop = !sl.hi() ? -1 : clamp(hi < 0 ? hi + dim : hi, -1, dim - 1);
            }
            long len = step > 0 ? Math.max(0, (stop - start + step - 1) / step) : Math.max(0, (start - stop - step - 1) / -step);
            if (len > 0) offset += (int) start * xst[a];
            shape[n] = (int) len;
            strides[n++] = (int) step * xst[a];
        }
        sel.offset = offset;
    }

    private static long clamp(long v, long lo, long hi) { return Math.max(lo, Math.min(hi, v)); }

    private int checked(long i, int dim, int axis) {
        long j = i < 0 ? i + dim : i;
        if (j < 0 || j >= dim) {
            throw new GraphError(ErrorKind.INDEX_ERROR, "index " + i + " is out of bounds for axis " + axis + " with size " + dim,
                    "valid indices are " + (-dim) + " to " + (dim - 1), node);
        }
        return (int) j;
    }

    private void advanced(NDArray x, NDArray[] in, int p) {
        int nv = idx.size();
        int[] xst = Broadcast.strides(x.shape(), xStrides);
        NDArray iv = in[p], jv = nv == 2 ? in[p + 1] : null;
        int[] ishape = iv.shape();
        if (jv != null) {
            ishape = Broadcast.shape(iv.shape(), jv.shape()); // vectors: one operand's own shape
            if (ishape == null) {
                throw Kernels.shapeError(node, "shape mismatch: indexing arrays could not be broadcast together with shapes "
                        + NDArray.shapeString(iv.shape()) + " and " + NDArray.shapeString(jv.shape()),
                        "the two index vectors must have the same length");
            }
        }
        int count = (int) NDArray.sizeOf(ishape);
        int[] blocks = sel.blocks(count);
        sel.blockSize = x.rank() == nv ? 1 : xst[nv - 1];
        for (int k = 0; k < count; k++) {
            int off = checked((long) iv.data()[iv.size() == 1 ? 0 : k], x.dim(0), 0) * xst[0];
            if (jv != null) off += checked((long) jv.data()[jv.size() == 1 ? 0 : k], x.dim(1), 1) * xst[1];
            blocks[k] = off;
        }
        int[] shape = sel.shapeOfRank(ishape.length + x.rank() - nv);
        System.arraycopy(ishape, 0, shape, 0, ishape.length);
        System.arraycopy(x.shape(), nv, shape, ishape.length, x.rank() - nv);
    }
}
