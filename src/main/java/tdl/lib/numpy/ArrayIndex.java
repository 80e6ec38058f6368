package tdl.lib.numpy;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.interp.SliceValue;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;

/**
 * numpy indexing on host arrays: ints (negative from the end), slices with any step, None
 * (newaxis), integer arrays (broadcast together, numpy's advanced indexing) and boolean masks.
 * An index resolves to the flat source offset of every result element, so get and set share one
 * code path. Results are copies: NDArray has no views, so {@code a[0][1] = 5} does not write
 * through (use {@code a[0, 1] = 5}).
 */
public final class ArrayIndex {
    private final int[] outShape;
    private final int[] offsets;

    private ArrayIndex(int[] outShape, int[] offsets) {
        this.outShape = outShape;
        this.offsets = offsets;
    }

    /** One group of result dimensions and the source offset each of its positions adds. */
    private record Group(int[] dims, int[] contrib) {}

    /** a[index]: a new array, or a Python scalar when every axis got an integer. */
    public static Object get(NDArray a, Object index) {
        index = NumpyConvert.plainNumbers(index);
        return copyOut(a, resolve(a, index));
    }

    private static Object copyOut(NDArray a, ArrayIndex ix) {
        if (ix.outShape.length == 0) return NumpyConvert.npScalar(a.dtype(), a.get(ix.offsets[0]));
        NDArray out = NDArray.zeros(a.dtype(), ix.outShape);
        for (int k = 0; k < ix.offsets.length; k++) out.set(k, a.get(ix.offsets[k]));
        return out;
    }

    /**
     * a[index] as the user's a[index] returns it: for a basic index (integers, slices, None: numpy
     * returns a view), the copy records where its elements live in a, so writes into it reach a
     * ({@link Views}).
     */
    public static Object getView(NDArray a, Object index) {
        index = NumpyConvert.plainNumbers(index);
        ArrayIndex ix = resolve(a, index);
        Object r = copyOut(a, ix);
        if (!(r instanceof NDArray out) || !basic(index) || out.size() == 0) return r;
        // a basic index selects an affine block: its strides are the offsets one step along each axis
        int[] unit = Views.cStrides(ix.outShape), strides = new int[ix.outShape.length];
        for (int d = 0; d < strides.length; d++) strides[d] = ix.outShape[d] > 1 ? ix.offsets[unit[d]] - ix.offsets[0] : 0;
        return Views.mark(a, out, ix.offsets[0], strides);
    }

    /** The flat positions in a that a[index] = value writes, in its order. */
    static int[] positions(NDArray a, Object index) {
        return resolve(a, index).offsets;
    }

    /** Whether numpy's a[index] is a view: only integers, slices and None (no arrays, lists or masks). */
    static boolean basic(Object index) {
        index = NumpyConvert.plainNumbers(index);
        List<Object> items = index instanceof TdlTuple t ? t.items() : List.of(index == null ? NONE : index);
        for (Object it : items) {
            boolean integer = (it instanceof Long || it instanceof Integer) && !(it instanceof Boolean);
            if (!(it == null || it == NONE || it instanceof SliceValue || integer || it == tdl.vocab.EllipsisValue.ELLIPSIS)) return false;
        }
        return true;
    }

    private static final Object NONE = new Object(); // List.of takes no null

    /** a[index] = value, in place, with value broadcast to the selected shape and cast to a's dtype. */
    public static void set(NDArray a, Object index, Object value) {
        index = NumpyConvert.plainNumbers(index);
        ArrayIndex ix = resolve(a, index);
        NDArray v = NumpyConvert.toArray(value);
        double[] vals = broadcastTo(v, ix.outShape, "could not broadcast input array from shape "
                + NDArray.shapeString(v.shape()) + " into shape " + NDArray.shapeString(ix.outShape));
        DType d = a.dtype();
        for (int k = 0; k < ix.offsets.length; k++) a.set(ix.offsets[k], d.coerce(vals[k]));
    }

    /** The values of {@code v} stretched to {@code shape} by numpy's broadcasting rule, C order. */
    static double[] broadcastTo(NDArray v, int[] shape, String message) {
        int[] vs = v.shape();
        if (vs.length > shape.length) throw new TdlError(ErrorKind.VALUE_ERROR, message);
        int off = shape.length - vs.length;
        int[] strides = new int[shape.length];
        for (int i = 0; i < vs.length; i++) {
            if (vs[i] != shape[off + i] && vs[i] != 1) throw new TdlError(ErrorKind.VALUE_ERROR, message);
            strides[off + i] = vs[i] == 1 ? 0 : NumpyFormat.stride(vs, i);
        }
        int n = (int) NDArray.sizeOf(shape);
        double[] out = new double[n];
        int[] idx = new int[shape.length];
        for (int k = 0; k < n; k++) {
            int o = 0;
            for (int i = 0; i < shape.length; i++) o += idx[i] * strides[i];
            out[k] = v.get(o);
            for (int i = shape.length - 1; i >= 0; i--) {
                if (++idx[i] < shape[i]) break;
                idx[i] = 0;
            }
        }
        return out;
    }

    private static ArrayIndex resolve(NDArray a, Object index) {
        index = Ellipses.expand(NumpyConvert.plainNumbers(index), a.rank());
        List<Object> items = new ArrayList<>();
        if (index instanceof TdlTuple t) items.addAll(t.items());
        else items.add(index);
        // expand boolean masks into their nonzero integer arrays (a[mask] == a[mask.nonzero()])
        List<Object> expanded = new ArrayList<>();
        int axis = 0;
        for (Object it : items) {
            NDArray arr = asIndexArray(it);
            if (arr != null && arr.dtype() == DType.BOOL && arr.rank() > 0) {
                for (int k = 0; k < arr.rank(); k++) {
                    int dim = axis + k < a.rank() ? a.dim(axis + k) : -1;
                    if (dim != arr.dim(k)) {
                        throw new TdlError(ErrorKind.INDEX_ERROR, "boolean index did not match indexed array along dimension "
                                + (axis + k) + "; dimension is " + (dim < 0 ? 0 : dim)
                                + " but corresponding boolean dimension is " + arr.dim(k));
                    }
                }
                expanded.addAll(nonzero(arr));
                axis += arr.rank();
            } else {
                expanded.add(arr != null ? arr : it);
                if (it != null) axis++;
            }
        }
        // among index arrays an integer is a rank-0 array: it takes part in the adjacency rule
        // (a[1, :, [0, 3]] puts the array dimension first), as in numpy
        if (expanded.stream().anyMatch(it -> it instanceof NDArray)) {
            for (int i = 0; i < expanded.size(); i++) {
                Object it = expanded.get(i);
                if (it instanceof Long || it instanceof Integer) {
                    expanded.set(i, new NDArray(DType.INT64, new int[0], new double[] {((Number) it).longValue()}));
                }
            }
        }
        int consumed = 0;
        for (Object it : expanded) if (it != null) consumed++;
        if (consumed > a.rank()) {
            throw new TdlError(ErrorKind.INDEX_ERROR, "too many indices for array: array is " + a.rank()
                    + "-dimensional, but " + consumed + " were indexed");
        }
        int[] shape = a.shape();
        List<Group> groups = new ArrayList<>();
        int base = 0;
        int src = 0;
        // advanced (array) indices: broadcast together; their block goes where the first one is
        // when they are adjacent, else first, as in numpy
        List<Integer> advPositions = new ArrayList<>();
        for (int i = 0; i < expanded.size(); i++) if (expanded.get(i) instanceof NDArray) advPositions.add(i);
        boolean advAdjacent = advPositions.isEmpty()
                || advPositions.get(advPositions.size() - 1) - advPositions.get(0) == advPositions.size() - 1;
        Group adv = null;
        int advInsertAt = -1;
        List<NDArray> advArrays = new ArrayList<>();
        List<Integer> advAxes = new ArrayList<>();
        for (Object it : expanded) {
            if (it == null) {
                groups.add(new Group(new int[] {1}, new int[] {0}));
            } else if (it instanceof SliceValue s) {
                int[] idx = sliceIndices(s, shape[src]);
                int stride = NumpyFormat.stride(shape, src);
                int[] c = new int[idx.length];
                for (int i = 0; i < idx.length; i++) c[i] = idx[i] * stride;
                groups.add(new Group(new int[] {idx.length}, c));
                src++;
            } else if (it instanceof NDArray arr) {
                if (advInsertAt < 0) advInsertAt = groups.size();
                advArrays.add(arr);
                advAxes.add(src);
                src++;
            } else {
                if (it instanceof java.math.BigInteger b) {
                    throw new TdlError(ErrorKind.INDEX_ERROR, "index " + b + " is out of bounds for axis " + src + " with size " + shape[src]);
                }
                long i = intIndex(it);
                int n = shape[src];
                long j = i < 0 ? i + n : i;
                if (j < 0 || j >= n) {
                    throw new TdlError(ErrorKind.INDEX_ERROR, "index " + i + " is out of bounds for axis " + src + " with size " + n);
                }
                base += (int) j * NumpyFormat.stride(shape, src);
                src++;
            }
        }
        for (; src < shape.length; src++) {
            int stride = NumpyFormat.stride(shape, src);
            int[] c = new int[shape[src]];
            for (int i = 0; i < c.length; i++) c[i] = i * stride;
            groups.add(new Group(new int[] {shape[src]}, c));
        }
        if (!advArrays.isEmpty()) {
            adv = advancedGroup(shape, advArrays, advAxes);
            groups.add(advAdjacent ? advInsertAt : 0, adv);
        }
        return combine(groups, base);
    }

    private static ArrayIndex combine(List<Group> groups, int base) {
        List<Integer> dims = new ArrayList<>();
        int[] offsets = {base};
        for (Group g : groups) {
            for (int d : g.dims()) dims.add(d);
            int[] next = new int[offsets.length * g.contrib().length];
            int k = 0;
            for (int o : offsets) for (int c : g.contrib()) next[k++] = o + c;
            offsets = next;
        }
        int[] outShape = dims.stream().mapToInt(Integer::intValue).toArray();
        if (outShape.length > TensorType.MAX_RANK) {
            throw new TdlError(ErrorKind.INDEX_ERROR, "the result would have rank " + outShape.length + "; arrays have rank 0 to 4");
        }
        return new ArrayIndex(outShape, offsets);
    }

    private static Group advancedGroup(int[] shape, List<NDArray> arrays, List<Integer> axes) {
        int[] b = arrays.get(0).shape();
        for (NDArray arr : arrays) b = broadcastShapes(b, arr.shape());
        int n = (int) NDArray.sizeOf(b);
        int[] contrib = new int[n];
        for (int k = 0; k < arrays.size(); k++) {
            NDArray arr = arrays.get(k);
            int ax = axes.get(k);
            double[] v = broadcastTo(arr, b, "shape mismatch: indexing arrays could not be broadcast together");
            int stride = NumpyFormat.stride(shape, ax);
            for (int i = 0; i < n; i++) {
                long j = (long) v[i];
                long jj = j < 0 ? j + shape[ax] : j;
                if (jj < 0 || jj >= shape[ax]) {
                    throw new TdlError(ErrorKind.INDEX_ERROR, "index " + j + " is out of bounds for axis " + ax + " with size " + shape[ax]);
                }
                contrib[i] += (int) jj * stride;
            }
        }
        return new Group(b, contrib);
    }

    static int[] broadcastShapes(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i - (n - a.length) >= 0 ? a[i - (n - a.length)] : 1;
            int db = i - (n - b.length) >= 0 ? b[i - (n - b.length)] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new TdlError(ErrorKind.INDEX_ERROR, "shape mismatch: indexing arrays could not be broadcast together with shapes "
                        + NDArray.shapeString(a) + " " + NDArray.shapeString(b));
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** An integer or boolean index array from an NDArray or a list, else null. */
    private static NDArray asIndexArray(Object it) {
        NDArray arr = null;
        if (it instanceof NDArray a) arr = a;
        else if (it instanceof List<?> l) arr = l.isEmpty() ? NDArray.zeros(DType.INT64, 0) : NumpyConvert.toArray(l);
        if (arr == null) return null;
        if (arr.dtype().isFloat()) {
            throw new TdlError(ErrorKind.INDEX_ERROR, "arrays used as indices must be of integer (or boolean) type");
        }
        return arr;
    }

    private static List<NDArray> nonzero(NDArray mask) {
        int r = mask.rank();
        List<int[]> hits = new ArrayList<>();
        int[] idx = new int[r];
        for (int k = 0, n = mask.size(); k < n; k++) {
            if (mask.get(k) != 0) hits.add(idx.clone());
            for (int i = r - 1; i >= 0; i--) {
                if (++idx[i] < mask.dim(i)) break;
                idx[i] = 0;
            }
        }
        List<NDArray> out = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            double[] v = new double[hits.size()];
            for (int k = 0; k < v.length; k++) v[k] = hits.get(k)[i];
            out.add(new NDArray(DType.INT64, new int[] {v.length}, v));
        }
        return out;
    }

    private static long intIndex(Object it) {
        if (it instanceof Long l) return l;
        if (it instanceof Integer i) return i;
        if (it instanceof java.math.BigInteger b) {
            // past any axis length: clamped in a slice bound as numpy does; a plain index is out of bounds anyway
            return b.signum() > 0 ? Long.MAX_VALUE / 4 : Long.MIN_VALUE / 4;
        }
        if (it instanceof Boolean || it instanceof Double || it instanceof String || it instanceof NDArray) {
            throw new TdlError(ErrorKind.INDEX_ERROR, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) "
                    + "and integer or boolean arrays are valid indices");
        }
        throw new TdlError(ErrorKind.TYPE_ERROR, "a host array cannot be indexed with a " + NumpyConvert.typeName(it),
                "index symbolic tensors instead, or use plain ints");
    }

    /** Python's slice.indices(n) expanded to the selected positions. */
    static int[] sliceIndices(SliceValue s, int n) {
        long step = s.step() == null ? 1 : intIndex(s.step());
        if (step == 0) throw new TdlError(ErrorKind.VALUE_ERROR, "slice step cannot be zero");
        long lo;
        long hi;
        if (step > 0) {
            lo = s.lo() == null ? 0 : clamp(intIndex(s.lo()), n, 0, n);
            hi = s.hi() == null ? n : clamp(intIndex(s.hi()), n, 0, n);
        } else {
            lo = s.lo() == null ? n - 1 : clamp(intIndex(s.lo()), n, -1, n - 1);
            hi = s.hi() == null ? -1 : clamp(intIndex(s.hi()), n, -1, n - 1);
        }
        List<Integer> out = new ArrayList<>();
        for (long i = lo; step > 0 ? i < hi : i > hi; i += step) out.add((int) i);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long clamp(long i, int n, long min, long max) {
        if (i < 0) i += n;
        return Math.max(min, Math.min(max, i));
    }
}
