package tdl.lib.numpy;

import java.util.Arrays;
import tdl.graph.NDArray;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * An array cut into the groups a reduction over {@code axes} combines: group g holds, in C order,
 * the elements that land on output element g. The reductions numpy has and the tensor ops lack
 * (nanmax, median, weighted average) read their groups from here.
 */
record AxisGroups(double[][] groups, int[] outShape) {
    static final String UFUNC_REPEAT = "duplicate value in 'axis'";
    static final String REPEAT = "repeated axis";

    /**
     * {@code axisArg}: None (every axis), an int or a tuple of ints, checked as numpy checks them
     * (AxisError out of range, ValueError {@code repeated} when one repeats: numpy's ufunc
     * reductions and its other functions word that differently). With {@code keepdims} the
     * reduced axes stay as length 1.
     */
    static AxisGroups of(NDArray a, Object axisArg, boolean keepdims, String repeated) {
        int r = a.rank();
        boolean[] reduced = reducedAxes(axisArg, r, repeated);
        int[] shape = a.shape();
        int[] keptShape = new int[r];
        int groups = 1, length = 1;
        for (int i = 0; i < r; i++) {
            keptShape[i] = reduced[i] ? 1 : shape[i];
            if (reduced[i]) length *= shape[i];
            else groups *= shape[i];
        }
        double[][] out = new double[groups][length];
        int[] filled = new int[groups];
        int[] idx = new int[r];
        for (int k = 0, n = a.size(); k < n; k++) {
            int g = 0;
            for (int i = 0; i < r; i++) if (!reduced[i]) g = g * shape[i] + idx[i];
            out[g][filled[g]++] = a.get(k);
            for (int i = r - 1; i >= 0; i--) {
                if (++idx[i] < shape[i]) break;
                idx[i] = 0;
            }
        }
        int[] outShape = keepdims ? keptShape : Arrays.stream(range(r)).filter(i -> !reduced[i]).map(i -> shape[i]).toArray();
        return new AxisGroups(out, outShape);
    }

    /** Which axes an axis argument names (all of them for None). */
    static boolean[] reducedAxes(Object axisArg, int rank, String repeated) {
        boolean[] reduced = new boolean[rank];
        int[] axes = Reductions.axes(axisArg, rank);
        if (axes == null) {
            Arrays.fill(reduced, true);
            return reduced;
        }
        for (int ax : axes) {
            int n = ax < 0 ? ax + rank : ax;
            if (reduced[n]) throw new TdlError(ErrorKind.VALUE_ERROR, repeated);
            reduced[n] = true;
        }
        return reduced;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }
}
