package tdl.lib.numpy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.TdlCallable;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * numpy's functions that lay the same elements out in another shape: atleast_3d, broadcast_to,
 * moveaxis and meshgrid. moveaxis is a view as in numpy (writes reach the source, through
 * {@link Shapes#transposeView}); broadcast_to is numpy's read-only view ({@link Views#broadcastView});
 * the others return new arrays (numpy: views) since TDL arrays do not share storage. numpy 1.x's
 * list is returned for several arrays (numpy 2 returns a tuple).
 */
final class ArrayLayouts {
    private ArrayLayouts() {}

    static void install(Map<String, Object> np) {
        put(np, "atleast_3d", ArrayLayouts::atLeast3d);
        put(np, "broadcast_to", (rt, a) -> {
            a.check(3, "array", "shape", "subok");
            NDArray x = NumpyConvert.toArray(host(a.get(0, "array"), a));
            return Views.broadcastView(x, broadcastTo(x, a.get(1, "shape")));
        });
        put(np, "moveaxis", (rt, a) -> {
            a.check(3, "a", "source", "destination");
            NDArray x = NumpyConvert.toArray(host(a.get(0, "a"), a));
            return moveaxis(x, a.get(1, "source"), a.get(2, "destination"));
        });
        put(np, "meshgrid", ArrayLayouts::meshgrid);
    }

    private static void put(Map<String, Object> np, String name, TdlCallable body) { np.put(name, new Builtin(name, body)); }

    private static Object host(Object o, Args a) {
        if (o instanceof Variable) throw new TdlError(ErrorKind.TYPE_ERROR, "np." + a.function() + " works on host arrays, not symbolic variables");
        return o;
    }

    /** 0-d -> (1, 1, 1), (N,) -> (1, N, 1), (M, N) -> (M, N, 1), numpy's placement. */
    private static Object atLeast3d(tdl.interp.Runtime rt, Args a) {
        a.check(Integer.MAX_VALUE);
        List<Object> out = new ArrayList<>();
        for (Object o : a.positional()) {
            NDArray x = NumpyConvert.toArray(host(o, a));
            int[] s = switch (x.rank()) {
                case 0 -> new int[] {1, 1, 1};
                case 1 -> new int[] {1, x.dim(0), 1};
                case 2 -> new int[] {x.dim(0), x.dim(1), 1};
                default -> null;
            };
            out.add(s == null ? x : x.copy().reshape(s));
        }
        return out.size() == 1 ? out.get(0) : out;
    }

    static NDArray broadcastTo(NDArray x, Object shapeArg) {
        List<?> items = NumpyConvert.items(shapeArg);
        List<?> dims = items != null ? items : List.of(shapeArg);
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            long d = NumpyConvert.toLong(dims.get(i), "shape");
            if (d < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "all elements of broadcast shape must be non-negative");
            shape[i] = (int) d;
        }
        if (shape.length > TensorType.MAX_RANK) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "arrays of rank " + shape.length + " are not supported (rank 0 to 4)");
        }
        if (x.rank() > shape.length) throw new TdlError(ErrorKind.VALUE_ERROR, "input operand has more dimensions than allowed by the axis remapping");
        String mismatch = "operands could not be broadcast together with remapped shapes [original->remapped]: "
                + compact(x.shape()) + "  and requested shape " + compact(shape);
        return NDArray.of(x.dtype(), shape, ArrayIndex.broadcastTo(x, shape, mismatch));
    }

    /** numpy's nditer shape text: (2,3), (3,), (). */
    private static String compact(int[] s) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < s.length; i++) b.append(i > 0 ? "," : "").append(s[i]);
        return b.append(s.length == 1 ? ",)" : ")").toString();
    }

    /** numpy.moveaxis: the other axes keep their order, each source axis is inserted at its destination. */
    private static NDArray moveaxis(NDArray x, Object source, Object destination) {
        int[] src = axisTuple(source, x.rank(), "source");
        int[] dst = axisTuple(destination, x.rank(), "destination");
        if (src.length != dst.length) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "`source` and `destination` arguments must have the same number of elements");
        }
        List<Long> order = new ArrayList<>();
        for (int n = 0; n < x.rank(); n++) {
            boolean moved = false;
            for (int s : src) moved |= s == n;
            if (!moved) order.add((long) n);
        }
        Integer[] byDest = new Integer[src.length];
        for (int i = 0; i < byDest.length; i++) byDest[i] = i;
        java.util.Arrays.sort(byDest, (i, j) -> dst[i] != dst[j] ? Integer.compare(dst[i], dst[j]) : Integer.compare(src[i], src[j]));
        for (int i : byDest) order.add(dst[i], (long) src[i]);
        return Shapes.transposeView(x, order);
    }

    /** numpy's normalize_axis_tuple, with its argument name in the messages. */
    private static int[] axisTuple(Object arg, int rank, String name) {
        List<?> items = NumpyConvert.items(arg);
        List<?> axes = items != null ? items : List.of(arg);
        int[] out = new int[axes.size()];
        for (int i = 0; i < out.length; i++) {
            long ax = NumpyConvert.toLong(axes.get(i), name);
            if (ax < -rank || ax >= rank) throw new TdlError(ErrorKind.AXIS_ERROR, name + ": axis " + ax + " is out of bounds for array of dimension " + rank);
            out[i] = (int) (ax < 0 ? ax + rank : ax);
            for (int j = 0; j < i; j++) {
                if (out[j] == out[i]) throw new TdlError(ErrorKind.VALUE_ERROR, "repeated axis in `" + name + "` argument");
            }
        }
        return out;
    }

    /** meshgrid(*xi, copy=True, sparse=False, indexing='xy'): each input raveled along its own axis, then broadcast. */
    private static Object meshgrid(tdl.interp.Runtime rt, Args a) {
        a.check(Integer.MAX_VALUE, "copy", "sparse", "indexing");
        Object indexing = NumpyConvert.kw(a, "indexing", "xy");
        if (!"xy".equals(indexing) && !"ij".equals(indexing)) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "Valid values for `indexing` are 'xy' and 'ij'.");
        }
        boolean sparse = rt.truth(NumpyConvert.kw(a, "sparse", false));
        int nd = a.positional().size();
        if (nd > TensorType.MAX_RANK) throw new TdlError(ErrorKind.VALUE_ERROR, "arrays of rank " + nd + " are not supported (rank 0 to 4)");
        List<NDArray> parts = new ArrayList<>();
        for (int i = 0; i < nd; i++) {
            NDArray x = NumpyConvert.toArray(host(a.positional().get(i), a));
            int[] s = new int[nd];
            java.util.Arrays.fill(s, 1);
            // 'xy' swaps the first two axes: the first input runs along columns
            int axis = "xy".equals(indexing) && nd > 1 && i < 2 ? 1 - i : i;
            s[axis] = x.size();
            parts.add(x.copy().reshape(s));
        }
        List<Object> out = new ArrayList<>();
        if (sparse) {
            out.addAll(parts);
            return out;
        }
        int[] shape = new int[nd];
        java.util.Arrays.fill(shape, 1);
        for (NDArray p : parts) for (int k = 0; k < nd; k++) if (p.dim(k) != 1) shape[k] = p.dim(k);
        for (NDArray p : parts) out.add(broadcastTo(p, NumpyConvert.shapeTuple(shape)));
        return out;
    }
}
