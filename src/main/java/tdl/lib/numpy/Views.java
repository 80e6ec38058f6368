package tdl.lib.numpy;

import tdl.graph.NDArray;

/**
 * numpy's views, as far as TDL has them. numpy's basic indexing ({@code a[1]}, {@code a[:, 2:5]},
 * {@code a[::2]}), {@code a.T}, {@code transpose}, {@code reshape} and {@code ravel} return views
 * that share the array's memory. A reshape or ravel of an array that owns its elements shares its
 * storage in TDL too (a real view). The others are copies, since TDL's arrays are dense and own
 * their storage; so that a write through such a copy still reaches the array, as in numpy, each
 * copy records where its elements live in the array it was taken from (an offset and one stride per
 * axis, numpy's own view description), and every in-place change of the copy (item assignment,
 * {@code +=}, {@code fill}, {@code sort}, {@code shuffle}, {@code fill_diagonal}) is written to that
 * array, and on up the chain when that array is such a copy itself: {@code a[1][2] = 5},
 * {@code row = a[0]; row[:] = 0}, {@code for r in a: r *= 2} and {@code a.T[0, 1] = 3} all change
 * {@code a}. Before this, those writes were silently lost. The other way round, every in-place
 * change the library makes to an array is counted on it ({@link NDArray#changed()}), and a copy
 * whose array has changed since it last looked copies its elements again before it is read or
 * written ({@link NDArray.ViewSource#sync}): {@code b = a[0]; a[0, 0] = 9; b[0]} is 9, as in numpy,
 * and so is a sibling copy's write. Like numpy's view, the copy keeps the array it came from alive.
 */
final class Views {
    /**
     * Where a copy's element (i0, i1, ...) lives in {@code source}: its flat element
     * {@code offset + sum(i_d * strides[d])}; and which of source's changes the copy has seen.
     * {@code readOnly}: numpy's writeable flag is off (np.broadcast_to's result, and every view of a
     * read-only array, as numpy's views inherit the flag).
     */
    static final class Map implements NDArray.ViewSource {
        private final NDArray source;
        private final int offset;
        private final int[] strides;
        private final boolean readOnly;
        private int seen;

        Map(NDArray source, int offset, int[] strides, boolean readOnly) {
            this.source = source;
            this.offset = offset;
            this.strides = strides;
            this.readOnly = readOnly;
            this.seen = source.changes();
        }

        boolean readOnly() {
            return readOnly;
        }

        /** After the copy wrote its changes into the source: a change of the source the copy has already seen. */
        synchronized void wroteBack() {
            source.changed();
            seen = source.changes();
        }

        NDArray source() {
            return source;
        }

        int offset() {
            return offset;
        }

        int[] strides() {
            return strides;
        }

        // synchronized: a compiled function's pool threads may read an input that is such a copy
        @Override
        public synchronized void sync(NDArray copy) {
            if (source.viewOf() != null) source.viewOf().sync(source); // a chain: its own source first
            if (source.changes() == seen) return;
            int[] shape = copy.shape();
            copy.overwrite(f -> source.get(sourceOffset(this, shape, f)));
            seen = source.changes();
            copy.changed(); // the copies taken from this one catch up in turn
        }
    }

    private Views() {}

    /**
     * Records that {@code copy} is a view of {@code source} in numpy: its element (i0, ...) is
     * source's flat element {@code offset + sum(i_d * strides[d])}.
     */
    static NDArray mark(NDArray source, NDArray copy, int offset, int[] strides) {
        if (copy.size() > 0) copy.viewOf(new Map(source, offset, strides.clone(), readOnly(source)));
        return copy;
    }

    /**
     * np.broadcast_to's result: a read-only view of {@code source} (stride 0 along the stretched
     * axes, as numpy's), so that reshape and ravel decide view-or-copy as numpy does, and any write
     * is numpy's ValueError.
     */
    static NDArray broadcastView(NDArray source, NDArray copy) {
        int[] shape = copy.shape(), s = source.shape(), c = cStrides(s), strides = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            int j = d - (shape.length - s.length);
            strides[d] = j < 0 || (s[j] == 1 && shape[d] != 1) ? 0 : c[j];
        }
        if (copy.size() > 0) copy.viewOf(new Map(source, 0, strides, true));
        return copy;
    }

    /** numpy's {@code not a.flags.writeable}. */
    static boolean readOnly(NDArray a) {
        return a.viewOf() instanceof Map m && m.readOnly();
    }

    /**
     * Refuses an in-place change of a read-only array before anything is written, with the words
     * numpy uses at that spot ("assignment destination is read-only", "output array is read-only",
     * "sort array is read-only", ...).
     */
    static void checkWritable(NDArray a, String message) {
        if (readOnly(a)) {
            throw new tdl.syntax.TdlError(tdl.vocab.ErrorKind.VALUE_ERROR, message,
                    "np.broadcast_to returns a read-only view: write into a copy (b = np.broadcast_to(a, shape).copy())");
        }
    }

    /**
     * A reshape or ravel of {@code source} (numpy: a view of a contiguous array). An array that owns
     * its elements is shared outright; a copy that writes back gets a copy that writes back to it.
     */
    static NDArray reshaped(NDArray source, int[] shape) {
        if (source.viewOf() == null) return source.reshape(shape);
        NDArray copy = source.copy().reshape(shape);
        // a reshape keeps C order, so the copy maps to the source element for element; whether
        // numpy shares memory (and a write must reach the source) depends on the source's strides
        return viewReshape(rootStrides(source), source.shape(), shape) ? mark(source, copy, 0, cStrides(shape)) : copy;
    }

    /** ravel: numpy's view only of a C-contiguous array; any other is copied. */
    static NDArray raveled(NDArray source) {
        if (source.viewOf() == null) return source.reshape(source.size());
        NDArray copy = source.copy().reshape(source.size());
        return contiguous(source) ? mark(source, copy, 0, new int[] {1}) : copy;
    }

    /** numpy's C-contiguous flag, over the storage the chain of views began with (axes of length 1 do not count). */
    static boolean contiguous(NDArray a) {
        int[] shape = a.shape(), c = cStrides(shape), s = rootStrides(a);
        for (int d = 0; d < shape.length; d++) if (shape[d] > 1 && s[d] != c[d]) return false;
        return true;
    }

    /** The strides of a's elements in the storage the chain began with: the chain's map is affine, so they are differences of mapped positions. */
    private static int[] rootStrides(NDArray a) {
        int[] shape = a.shape(), c = cStrides(shape), s = new int[shape.length];
        int base = rootOffset(a, 0);
        for (int d = 0; d < shape.length; d++) s[d] = shape[d] > 1 ? rootOffset(a, c[d]) - base : 0;
        return s;
    }

    /**
     * Whether numpy reshapes an array of these dims and strides without a copy: its
     * {@code _attempt_nocopy_reshape} for C order (axes of length 1 dropped; each group of old axes
     * that becomes a group of new ones must be contiguous within itself).
     */
    static boolean viewReshape(int[] strides, int[] dims, int[] newDims) {
        for (int d : dims) if (d == 0) return true; // nothing to share
        int[] od = new int[dims.length], os = new int[dims.length];
        int oldNd = 0;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] != 1) {
                od[oldNd] = dims[i];
                os[oldNd++] = strides[i];
            }
        }
        int oi = 0, oj = 1, ni = 0, nj = 1;
        while (ni < newDims.length && oi < oldNd) {
            long np = newDims[ni], op = od[oi];
            while (np != op) {
                if (np < op) np *= newDims[nj++];
                else op *= od[oj++];
            }
            for (int ok = oi; ok < oj - 1; ok++) if (os[ok] != (long) od[ok + 1] * os[ok + 1]) return false;
            ni = nj++;
            oi = oj++;
        }
        return true;
    }

    private static int rootOffset(NDArray a, int f) {
        for (Map m = (Map) a.viewOf(); m != null; m = (Map) a.viewOf()) {
            f = sourceOffset(m, a.shape(), f);
            a = m.source();
        }
        return f;
    }

    /** The transpose of {@code source} with axes permuted as {@code perm} (result axis d is source axis perm[d]). */
    static NDArray transposed(NDArray source, NDArray copy, int[] perm) {
        int[] c = cStrides(source.shape()), strides = new int[perm.length];
        for (int d = 0; d < perm.length; d++) strides[d] = c[perm[d]];
        return mark(source, copy, 0, strides);
    }

    /** {@code copy} is {@code source} reversed along {@code axis}: numpy's view with that axis's stride negated. */
    static NDArray flipped(NDArray source, NDArray copy, int axis) {
        int[] strides = cStrides(source.shape());
        int offset = (source.dim(axis) - 1) * strides[axis];
        strides[axis] = -strides[axis];
        return mark(source, copy, offset, strides);
    }

    /**
     * After {@code a}'s flat elements {@code positions} changed in place: the same elements of the
     * arrays it is a view of, each counted as changed (its other copies catch up when next used).
     */
    static void written(NDArray a, int[] positions) {
        a.changed();
        for (Map m = (Map) a.viewOf(); m != null; m = (Map) a.viewOf()) {
            int[] shape = a.shape(), up = new int[positions.length];
            for (int k = 0; k < positions.length; k++) {
                up[k] = sourceOffset(m, shape, positions[k]);
                m.source().set(up[k], a.get(positions[k]));
            }
            m.wroteBack();
            a = m.source();
            positions = up;
        }
    }

    /** After all of {@code a} changed in place (+=, fill, sort, shuffle). */
    static void writtenAll(NDArray a) {
        if (a.viewOf() == null) {
            a.changed();
            return;
        }
        int[] all = new int[a.size()];
        for (int f = 0; f < all.length; f++) all[f] = f;
        written(a, all);
    }

    /** The source offset of the copy's flat element {@code f} (the copy is C-ordered with {@code shape}). */
    private static int sourceOffset(Map m, int[] shape, int f) {
        int o = m.offset();
        for (int d = shape.length - 1; d >= 0; d--) {
            o += (f % shape[d]) * m.strides()[d];
            f /= shape[d];
        }
        return o;
    }

    static int[] cStrides(int[] shape) {
        int[] s = new int[shape.length];
        for (int d = shape.length - 1, k = 1; d >= 0; d--) {
            s[d] = k;
            k *= shape[d];
        }
        return s;
    }
}
