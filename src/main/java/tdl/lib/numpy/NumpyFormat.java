package tdl.lib.numpy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import tdl.graph.DType;
import tdl.graph.NDArray;

/**
 * str() and repr() of host arrays exactly as numpy 1.2x prints them with default print options
 * (precision 8, floatmode 'maxprec', linewidth 75, threshold 1000, edgeitems 3). A port of
 * numpy/core/arrayprint.py: _formatArray, _extendLine, FloatingFormat, IntegerFormat, BoolFormat,
 * _array_repr_implementation. Lab output is compared with numpy's, so every space matters.
 */
public final class NumpyFormat {
    private NumpyFormat() {}

    /** numpy's print options (np.set_printoptions); {@link #DEFAULT} is numpy's default. */
    public record Options(int linewidth, int precision, int threshold, int edgeitems) {
        public static final Options DEFAULT = new Options(75, 8, 1000, 3);
    }

    /** numpy's str(a): {@code [1. 2.]}; a rank-0 array prints as its scalar ({@code 3.0}). */
    public static String str(NDArray a) {
        return str(a, Options.DEFAULT);
    }

    public static String str(NDArray a, Options o) {
        if (a.rank() == 0) return scalarStr(a.dtype(), a.get(0));
        if (a.size() == 0) return "[]";
        return array2string(a, " ", "", "", o);
    }

    /** numpy's repr(a): {@code array([1., 2.])}, {@code array([1, 2], dtype=int32)}. */
    public static String repr(NDArray a) {
        return repr(a, Options.DEFAULT);
    }

    public static String repr(NDArray a, Options o) {
        boolean skipDtype = dtypeImplied(a.dtype()) && a.size() > 0;
        String prefix = "array(";
        String suffix = skipDtype ? ")" : ",";
        String lst;
        if (a.size() > 0) {
            lst = array2string(a, ", ", prefix, suffix, o);
        } else if (a.rank() == 1) {
            lst = "[]";
        } else {
            lst = "[], shape=" + NDArray.shapeString(a.shape());
        }
        String arrStr = prefix + lst + suffix;
        if (skipDtype) return arrStr;
        String dtypeStr = "dtype=" + a.dtype().pyName() + ")";
        int lastLineLen = arrStr.length() - (arrStr.lastIndexOf('\n') + 1);
        String spacer = lastLineLen + dtypeStr.length() + 1 > o.linewidth() ? "\n" + " ".repeat(prefix.length()) : " ";
        return arrStr + spacer + dtypeStr;
    }

    /** The str of one element as a numpy scalar prints (Python float repr for floats). */
    public static String scalarStr(DType dtype, double v) {
        if (dtype == DType.BOOL) return v != 0 ? "True" : "False";
        if (dtype.isFloat()) return FloatDigits.pythonRepr(v, dtype == DType.FLOAT32);
        return Long.toString((long) v);
    }

    static boolean dtypeImplied(DType d) {
        return d == DType.FLOAT64 || d == DType.INT64 || d == DType.BOOL;
    }

    private static String array2string(NDArray a, String separator, String prefix, String suffix, Options o) {
        int lineWidth = o.linewidth() - suffix.length();
        boolean summarise = a.size() > o.threshold();
        double[] shown = summarise ? shownValues(a, o.edgeitems()) : a.doubles();
        DoubleFunction<String> fmt = formatter(a.dtype(), shown, a.rank() == 0, o.precision());
        if (a.rank() == 0) return fmt.apply(a.get(0));
        String nextLinePrefix = " " + " ".repeat(prefix.length());
        return new Recurser(a, fmt, separator, summarise ? "..." : "", o.edgeitems()).format(0, 0, nextLinePrefix, lineWidth);
    }

    /** The elements that appear in a summarised print (numpy's _leading_trailing). */
    private static double[] shownValues(NDArray a, int edge) {
        List<Double> out = new ArrayList<>();
        collect(a, 0, 0, edge, out);
        double[] d = new double[out.size()];
        for (int i = 0; i < d.length; i++) d[i] = out.get(i);
        return d;
    }

    private static void collect(NDArray a, int axis, int offset, int edge, List<Double> out) {
        if (axis == a.rank()) {
            out.add(a.get(offset));
            return;
        }
        int n = a.dim(axis);
        int stride = stride(a.shape(), axis);
        for (int i = 0; i < n; i++) {
            if (n > 2 * edge && i >= edge && i < n - edge) continue;
            collect(a, axis + 1, offset + i * stride, edge, out);
        }
    }

    static int stride(int[] shape, int axis) {
        int s = 1;
        for (int k = axis + 1; k < shape.length; k++) s *= shape[k];
        return s;
    }

    static DoubleFunction<String> formatter(DType dtype, double[] data, boolean rank0, int precision) {
        if (dtype == DType.BOOL) {
            String trueStr = rank0 ? "True" : " True";
            return x -> x != 0 ? trueStr : "False";
        }
        if (dtype.isFloat()) return new FloatFormat(data, dtype == DType.FLOAT32, precision)::format;
        long max = Long.MIN_VALUE;
        long min = Long.MAX_VALUE;
        for (double x : data) {
            max = Math.max(max, (long) x);
            min = Math.min(min, (long) x);
        }
        int width = data.length == 0 ? 0 : Math.max(Long.toString(max).length(), Long.toString(min).length());
        return x -> pad(Long.toString((long) x), width);
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** numpy's _formatArray: nested brackets, wrapping and the "..." of summarised arrays. */
    private static final class Recurser {
        private final NDArray a;
        private final DoubleFunction<String> fmt;
        private final String separator;
        private final String summaryInsert;
        private final int edge;

        Recurser(NDArray a, DoubleFunction<String> fmt, String separator, String summaryInsert, int edge) {
            this.edge = edge;
            this.a = a;
            this.fmt = fmt;
            this.separator = separator;
            this.summaryInsert = summaryInsert;
        }

        String format(int axis, int offset, String hangingIndent, int currWidth) {
            int axesLeft = a.rank() - axis;
            if (axesLeft == 0) return fmt.apply(a.get(offset));
            String nextHanging = hangingIndent + " ";
            int nextWidth = currWidth - 1;
            int len = a.dim(axis);
            int stride = stride(a.shape(), axis);
            boolean showSummary = !summaryInsert.isEmpty() && 2 * edge < len;
            int leading = showSummary ? edge : 0;
            int trailing = showSummary ? edge : len;
            StringBuilder s = new StringBuilder();
            if (axesLeft == 1) {
                int elemWidth = currWidth - Math.max(separator.stripTrailing().length(), 1);
                StringBuilder line = new StringBuilder(hangingIndent);
                for (int i = 0; i < leading; i++) {
                    extendLine(s, line, format(axis + 1, offset + i * stride, nextHanging, nextWidth), elemWidth, hangingIndent);
                    line.append(separator);
                }
                if (showSummary) {
                    extendLine(s, line, summaryInsert, elemWidth, hangingIndent);
                    line.append(separator);
                }
                for (int i = trailing; i > 1; i--) {
                    extendLine(s, line, format(axis + 1, offset + (len - i) * stride, nextHanging, nextWidth), elemWidth, hangingIndent);
                    line.append(separator);
                }
                extendLine(s, line, format(axis + 1, offset + (len - 1) * stride, nextHanging, nextWidth), elemWidth, hangingIndent);
                s.append(line);
            } else {
                String lineSep = separator.stripTrailing() + "\n".repeat(axesLeft - 1);
                for (int i = 0; i < leading; i++) {
                    s.append(hangingIndent).append(format(axis + 1, offset + i * stride, nextHanging, nextWidth)).append(lineSep);
                }
                if (showSummary) s.append(hangingIndent).append(summaryInsert).append(lineSep);
                for (int i = trailing; i > 1; i--) {
                    s.append(hangingIndent).append(format(axis + 1, offset + (len - i) * stride, nextHanging, nextWidth)).append(lineSep);
                }
                s.append(hangingIndent).append(format(axis + 1, offset + (len - 1) * stride, nextHanging, nextWidth));
            }
            return "[" + s.substring(hangingIndent.length()) + "]";
        }

        private static void extendLine(StringBuilder s, StringBuilder line, String word, int lineWidth, String nextLinePrefix) {
            boolean needsWrap = line.length() + word.length() > lineWidth;
            if (line.length() <= nextLinePrefix.length()) needsWrap = false;
            if (needsWrap) {
                s.append(line.toString().stripTrailing()).append('\n');
                line.setLength(0);
                line.append(nextLinePrefix);
            }
            line.append(word);
        }
    }
}
