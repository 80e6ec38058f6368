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
 * Reads (x[idx]) and writes (set/inc_subtensor) for basic indexing (a strided view of x) and
 * advanced indexing (integer arrays of any rank mixed with slices: a list of contiguous blocks of
 * x, one per position of the result's leading dimensions). Indices are checked and wrapped as
 * numpy does; slices clamp as Python's slice.indices.
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
        else if (op instanceof AdvancedSubtensorOp a) idx = a.idx();
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

    /** Whether this kernel handles float32 itself: reads do (a float gather, so a float32 data set is never widened whole). */
    boolean readsOnly() { return !write; }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        NDArray x = in[0];
        if (x.isFloats()) return readFloats(x, in, reuse);
        // x[i] of a vector (shape(x)[0] in gradient graphs): one element, nothing to plan
        if (pointOfVector && x.rank() == 1 && in.length == 2) {
            int i = checked(Kernels.intValue(in[1]), x.dim(0), 0);
            NDArray out = reuse != null && reuse.dtype() == dtype && reuse.rank() == 0 && !reuse.isFloats() ? reuse : NDArray.zerosWide(dtype);
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

    /** x[idx] of a float32 x, into float storage (only reads get here: Kernels adapts writes). */
    private NDArray readFloats(NDArray x, NDArray[] in, NDArray reuse) {
        if (write || dtype != DType.FLOAT32) throw new IllegalStateException("IndexKernel reads float32 natively, writes through the adaptor");
        float[] src = x.floats();
        if (pointOfVector && x.rank() == 1 && in.length == 2) {
            int i = checked(Kernels.intValue(in[1]), x.dim(0), 0);
            NDArray out = Kernels.nativeOutput(reuse, dtype, SCALAR);
            out.floats()[0] = src[i];
            return out;
        }
        if (basicIndex) basic(x, in, 1);
        else advanced(x, in, 1);
        NDArray out = Kernels.nativeOutput(reuse, dtype, sel.shape);
        float[] o = out.floats();
        if (basicIndex) {
            int[] st = stridesOfView(), sh = Broadcast.pad4(sel.shape, shape4);
            int k = 0;
            for (int i0 = 0; i0 < sh[0]; i0++) {
                for (int i1 = 0; i1 < sh[1]; i1++) {
                    for (int i2 = 0; i2 < sh[2]; i2++) {
                        int base = sel.offset + i0 * st[0] + i1 * st[1] + i2 * st[2];
                        int s3 = st[3];
                        if (s3 == 1) {
                            System.arraycopy(src, base, o, k, sh[3]);
                            k += sh[3];
                        } else {
                            for (int i3 = 0, n = sh[3]; i3 < n; i3++) o[k++] = src[base + i3 * s3];
                        }
                    }
                }
            }
        } else {
            for (int k = 0; k < sel.blockCount; k++) System.arraycopy(src, sel.blocks[k], o, k * sel.blockSize, sel.blockSize);
        }
        return out;
    }

    private static final int[] SCALAR = new int[0];

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
            p = slice((IndexSpec.Slice) s, in, p, dim);
            if (sliceLen > 0) offset += sliceStart * xst[a];
            shape[n] = sliceLen;
            strides[n++] = sliceStep * xst[a];
        }
        sel.offset = offset;
    }

    // the last slice() result: first position, step and length (fields, so no allocation per call)
    private int sliceStart, sliceStep, sliceLen;

    /** Resolves one slice against an axis of size dim into sliceStart/Step/Len; returns the next input. */
    private int slice(IndexSpec.Slice sl, NDArray[] in, int p, int dim) {
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
        sliceStart = (int) start;
        sliceStep = (int) step;
        sliceLen = (int) len;
        return p;
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

    // advanced indexing, per call: the index arrays, the axis each indexes and its strides over
    // the broadcast index shape; the slices' axis, start and step; each leading result
    // dimension's source (a slice number, or -1 - b for dimension b of the broadcast index shape)
    private final NDArray[] arrays = new NDArray[4];
    private final int[] arrayAxis = new int[4];
    private final int[][] arrayStrides = new int[4][4];
    private final int[] sliceAxis = new int[4], sliceStarts = new int[4], sliceSteps = new int[4], sliceLens = new int[4];
    private final int[] bshape = new int[4], dimSource = new int[4], outer = new int[4], counter = new int[4];

    /**
     * numpy's advanced indexing: the index arrays (points are rank-0 arrays) broadcast to one
     * shape B; the result is B's dimensions where the first array is when the arrays are adjacent
     * (else first), the slices' lengths, then x's axes after the index, which form each block.
     */
    private void advanced(NDArray x, NDArray[] in, int p) {
        int r = x.rank(), ni = idx.size();
        int[] xst = Broadcast.strides(x.shape(), xStrides);
        int na = 0, ns = 0, first = -1, last = -1, brank = 0;
        for (int a = 0; a < ni; a++) {
            IndexSpec s = idx.get(a);
            if (s instanceof IndexSpec.Slice sl) {
                p = slice(sl, in, p, x.dim(a));
                sliceAxis[ns] = a;
                sliceStarts[ns] = sliceStart;
                sliceSteps[ns] = sliceStep;
                sliceLens[ns++] = sliceLen;
            } else {
                arrays[na] = in[p++];
                arrayAxis[na++] = a;
                brank = Math.max(brank, in[p - 1].rank());
                if (first < 0) first = a;
                last = a;
            }
        }
        // broadcast the index shapes (aligned from the right)
        for (int b = 0; b < brank; b++) bshape[b] = 1;
        for (int k = 0; k < na; k++) {
            int[] sh = arrays[k].shape();
            for (int d = 0; d < sh.length; d++) {
                int b = brank - sh.length + d;
                if (sh[d] != 1 && bshape[b] != 1 && bshape[b] != sh[d]) throw indexShapeError(na);
                if (sh[d] != 1) bshape[b] = sh[d];
            }
        }
        for (int k = 0; k < na; k++) {
            int[] sh = arrays[k].shape();
            int stride = 1;
            for (int b = brank - 1; b >= 0; b--) {
                int d = b - (brank - sh.length);
                boolean own = d >= 0 && sh[d] != 1;
                arrayStrides[k][b] = own ? stride : 0;
                if (d >= 0) stride *= sh[d];
            }
        }
        // order the leading result dimensions
        boolean adjacent = last - first + 1 == na;
        int nd = 0;
        if (!adjacent) for (int b = 0; b < brank; b++) dimSource[nd++] = -1 - b;
        for (int a = 0, k = 0; a < ni; a++) {
            if (idx.get(a) instanceof IndexSpec.Slice) dimSource[nd++] = k++;
            else if (adjacent && a == first) for (int b = 0; b < brank; b++) dimSource[nd++] = -1 - b;
        }
        long count = 1;
        for (int d = 0; d < nd; d++) {
            outer[d] = dimSource[d] >= 0 ? sliceLens[dimSource[d]] : bshape[-1 - dimSource[d]];
            count *= outer[d];
        }
        int[] shape = sel.shapeOfRank(nd + r - ni);
        System.arraycopy(outer, 0, shape, 0, nd);
        System.arraycopy(x.shape(), ni, shape, nd, r - ni);
        sel.blockSize = ni == r ? 1 : xst[ni - 1];
        int[] blocks = sel.blocks((int) count);
        for (int d = 0; d < nd; d++) counter[d] = 0;
        for (int k = 0; k < count; k++) {
            int off = 0;
            for (int d = 0; d < nd; d++) {
                int src = dimSource[d];
                if (src >= 0) off += (sliceStarts[src] + counter[d] * sliceSteps[src]) * xst[sliceAxis[src]];
            }
            for (int j = 0; j < na; j++) {
                int pos = 0;
                int[] st = arrayStrides[j];
                for (int d = 0; d < nd; d++) if (dimSource[d] < 0) pos += counter[d] * st[-1 - dimSource[d]];
                int axis = arrayAxis[j];
                off += checked((long) arrays[j].get(pos), x.dim(axis), axis) * xst[axis];
            }
            blocks[k] = off;
            for (int d = nd - 1; d >= 0; d--) {
                if (++counter[d] < outer[d]) break;
                counter[d] = 0;
            }
        }
        for (int k = 0; k < na; k++) arrays[k] = null; // do not keep the call's inputs alive
    }

    private GraphError indexShapeError(int na) {
        StringBuilder shapes = new StringBuilder();
        for (int k = 0; k < na; k++) shapes.append(k > 0 ? " " : "").append(NDArray.shapeString(arrays[k].shape()));
        for (int k = 0; k < na; k++) arrays[k] = null;
        return Kernels.shapeError(node, "shape mismatch: indexing arrays could not be broadcast together with shapes " + shapes,
                "the index arrays must have the same shape, or broadcast (a dimension of 1 stretches)");
    }
}
