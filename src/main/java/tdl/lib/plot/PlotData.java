package tdl.lib.plot;

import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.interp.Runtime;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;

/**
 * Turns what a script passes to plot() into columns of numbers, the way matplotlib reads its data:
 * a flat sequence is one line, a 2-D (n, k) array or list of rows is k lines of n points, and a
 * (1, n) or (n, 1) array is one line of n points.
 *
 * @param rows    points per line
 * @param columns one array per line, each {@code rows} long
 * @param shape   numpy's shape text of the input, for messages
 */
record PlotData(int rows, List<double[]> columns, String shape) {

    static PlotData of(Runtime rt, Object value, String what) {
        if (value instanceof NDArray a) return ofArray(a, what);
        if (value instanceof Variable) {
            throw new TdlError(ErrorKind.TYPE_ERROR, what + " is a symbolic variable, which has no values to plot",
                    "plot a host array: call .eval() on it, .get_value() on a shared variable, or compile a function");
        }
        if (isNumber(value)) {
            return new PlotData(1, List.of(new double[] {number(value, what)}), "()");
        }
        List<Object> items = items(rt, value);
        if (items == null) {
            throw new TdlError(ErrorKind.TYPE_ERROR, what + " must be a list, tuple or array of numbers, not " + typeName(rt, value));
        }
        int n = items.size();
        if (n == 0 || items.stream().allMatch(PlotData::isNumber)) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = number(items.get(i), what);
            return new PlotData(n, List.of(col), "(" + n + ",)");
        }
        // a list of rows: each row gives one value to every line
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            PlotData row = of(rt, items.get(i), what);
            if (row.columns.size() != 1) throw new TdlError(ErrorKind.VALUE_ERROR, what + " has more than 2 dimensions");
            rows[i] = row.columns.get(0);
            if (rows[i].length != rows[0].length) {
                throw new TdlError(ErrorKind.VALUE_ERROR, what + " is a ragged list: row 0 has " + rows[0].length
                        + " values but row " + i + " has " + rows[i].length);
            }
        }
        int k = rows[0].length;
        double[] flat = new double[n * k];
        for (int i = 0; i < n; i++) System.arraycopy(rows[i], 0, flat, i * k, k);
        return ofArray(NDArray.of(flat, n, k), what);
    }

    private static PlotData ofArray(NDArray a, String what) {
        int[] s = a.shape();
        String shape = NDArray.shapeString(s);
        double[] d = a.doubles();
        if (a.rank() <= 1) return new PlotData(d.length, List.of(a.isFloats() ? d : d.clone()), shape);
        if (a.rank() > 2) {
            throw new TdlError(ErrorKind.VALUE_ERROR, what + " must be 1-D or 2-D to plot, got shape " + shape,
                    "reshape or index it first, e.g. a.reshape(-1) or a[:, 0]");
        }
        int n = s[0];
        int k = s[1];
        if (n == 1 || k == 1) return new PlotData(d.length, List.of(d.clone()), shape);
        List<double[]> cols = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = d[i * k + j];
            cols.add(col);
        }
        return new PlotData(n, cols, shape);
    }

    private static List<Object> items(Runtime rt, Object value) {
        List<?> seq = Sequences.items(value);
        if (seq != null) return new ArrayList<>(seq);
        TypeHooks hooks = rt.hooksFor(value);
        Iterable<?> it = null;
        if (hooks != null) it = hooks.iterate(rt, value);
        if (it == null && value instanceof Iterable<?> own && !(value instanceof String)) it = own;
        if (it == null) return null;
        List<Object> out = new ArrayList<>();
        for (Object o : it) out.add(o);
        return out;
    }

    private static boolean isNumber(Object v) {
        return v instanceof Number || v instanceof Boolean || (v instanceof NDArray a && a.size() == 1 && a.rank() == 0);
    }

    static double number(Object v, String what) {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof NDArray a && a.size() == 1) return a.get(0);
        throw new TdlError(ErrorKind.TYPE_ERROR, what + " must hold numbers, found " + v);
    }

    private static String typeName(Runtime rt, Object v) {
        if (v == null) return "None";
        if (v instanceof String) return "str";
        TypeHooks h = rt.hooksFor(v);
        return h != null ? h.typeName(v) : v.getClass().getSimpleName();
    }
}
