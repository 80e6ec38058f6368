package tdl.eval;

import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.ops.ArgSortOp;
import tdl.graph.ops.BincountOp;
import tdl.graph.ops.CumOp;
import tdl.graph.ops.PutAlongAxisOp;
import tdl.graph.ops.RepeatOp;
import tdl.graph.ops.TakeAlongAxisOp;
import tdl.vocab.ErrorKind;

/**
 * Kernels of the extra_ops and sort ops (cumsum/cumprod, repeat, bincount, specify_shape,
 * argsort, take/put along an axis). Each walks its input as (outer, length, inner) blocks around
 * the axis it works on; none shares storage with an input.
 */
final class ExtraKernels {
    private ExtraKernels() {}

    /** Sizes before, at and after {@code axis} of shape s. */
    private static int[] blocks(int[] s, int axis) {
        int outer = 1, inner = 1;
        for (int a = 0; a < axis; a++) outer *= s[a];
        for (int a = axis + 1; a < s.length; a++) inner *= s[a];
        return new int[] {outer, s[axis], inner};
    }

    static Kernel cum(Apply node) {
        CumOp op = (CumOp) node.op();
        DType dtype = node.output().dtype();
        return (in, reuse) -> {
            NDArray x = in[0];
            int[] shape = op.axis() == null ? new int[] {x.size()} : x.shape();
            int[] b = blocks(shape, op.axis() == null ? 0 : op.axis());
            NDArray out = Kernels.output(reuse, dtype, shape);
            double[] d = x.data(), o = out.data();
            for (int p = 0; p < b[0]; p++) {
                for (int q = 0; q < b[2]; q++) {
                    int base = p * b[1] * b[2] + q;
                    double acc = op.product() ? 1 : 0;
                    for (int k = 0; k < b[1]; k++) {
                        int i = base + k * b[2];
                        acc = dtype.coerce(op.product() ? acc * d[i] : acc + d[i]);
                        o[i] = acc;
                    }
                }
            }
            return out;
        };
    }

    static Kernel repeat(Apply node) {
        RepeatOp op = (RepeatOp) node.op();
        DType dtype = node.output().dtype();
        return (in, reuse) -> {
            NDArray x = in[0], r = in[1];
            int[] xs = op.axis() == null ? new int[] {x.size()} : x.shape();
            int axis = op.axis() == null ? 0 : op.axis();
            int[] b = blocks(xs, axis);
            int n = b[1];
            if (r.rank() == 1 && r.size() != n && r.size() != 1) {
                throw new GraphError(ErrorKind.VALUE_ERROR, "repeat: operands could not be broadcast together with shape ("
                        + n + ",) (" + r.size() + ",)", "give one count per element along the axis, or a single count", node);
            }
            int[] counts = new int[n];
            long total = 0;
            for (int k = 0; k < n; k++) {
                double c = r.size() == 1 ? r.data()[0] : r.data()[k];
                if (c < 0) throw new GraphError(ErrorKind.VALUE_ERROR, "repeat: negative repeat count " + (long) c, null, node);
                counts[k] = (int) c;
                total += counts[k];
            }
            int[] shape = xs.clone();
            shape[axis] = (int) total;
            NDArray out = Kernels.output(reuse, dtype, shape);
            double[] d = x.data(), o = out.data();
            int w = 0;
            for (int p = 0; p < b[0]; p++) {
                for (int k = 0; k < n; k++) {
                    int src = (p * n + k) * b[2];
                    for (int c = 0; c < counts[k]; c++) {
                        System.arraycopy(d, src, o, w, b[2]);
                        w += b[2];
                    }
                }
            }
            return out;
        };
    }

    static Kernel bincount(Apply node) {
        boolean weighted = ((BincountOp) node.op()).weighted();
        DType dtype = node.output().dtype();
        return (in, reuse) -> {
            NDArray x = in[0];
            long minlength = Kernels.intValue(in[in.length - 1]);
            if (minlength < 0) throw new GraphError(ErrorKind.VALUE_ERROR, "bincount: minlength must be non-negative, got " + minlength, null, node);
            NDArray w = weighted ? in[1] : null;
            if (w != null && w.size() != x.size()) {
                throw new GraphError(ErrorKind.VALUE_ERROR, "bincount: the weights and x should have the same length ("
                        + w.size() + " and " + x.size() + ")", null, node);
            }
            long max = -1;
            for (double v : x.data()) {
                if (v < 0) throw new GraphError(ErrorKind.VALUE_ERROR, "bincount: x must have no negative elements, found " + (long) v, null, node);
                max = Math.max(max, (long) v);
            }
            NDArray out = Kernels.output(reuse, dtype, new int[] {(int) Math.max(max + 1, minlength)});
            double[] o = out.data();
            java.util.Arrays.fill(o, 0);
            double[] d = x.data();
            for (int i = 0; i < d.length; i++) o[(int) d[i]] += w == null ? 1 : w.data()[i];
            if (dtype.needsCoerce()) for (int i = 0; i < o.length; i++) o[i] = dtype.coerce(o[i]);
            return out;
        };
    }

    /** numpy's "not aligned" error on the operands as given; the value is a itself (no copy). */
    static Kernel alignCheck(Apply node) {
        tdl.graph.ops.AlignCheckOp op = (tdl.graph.ops.AlignCheckOp) node.op();
        return (in, reuse) -> {
            NDArray a = in[0], b = in[1];
            if (op.batched() && a.dim(0) != b.dim(0)) {
                throw Kernels.shapeError(node, op.what() + ": shapes " + NDArray.shapeString(a.shape()) + " and "
                        + NDArray.shapeString(b.shape()) + " have different batch sizes: " + a.dim(0) + " != " + b.dim(0), null);
            }
            for (int i = 0; i < op.aAxes().size(); i++) {
                int da = op.aAxes().get(i), db = op.bAxes().get(i);
                if (a.dim(da) != b.dim(db)) {
                    throw Kernels.shapeError(node, op.what() + ": shapes " + NDArray.shapeString(a.shape()) + " and "
                            + NDArray.shapeString(b.shape()) + " not aligned: " + a.dim(da) + " (dim " + da + ") != " + b.dim(db)
                            + " (dim " + db + ")", null);
                }
            }
            return a;
        };
    }

    /** Theano's Split checks on the sizes; the value is x itself (no copy). */
    static Kernel splitCheck(Apply node) {
        tdl.graph.ops.SplitCheckOp op = (tdl.graph.ops.SplitCheckOp) node.op();
        return (in, reuse) -> {
            NDArray x = in[0], s = in[1];
            if (s.size() != op.nSplits()) {
                throw new GraphError(ErrorKind.VALUE_ERROR, "split: " + s.size() + " sizes given for " + op.nSplits() + " splits (n_splits)",
                        "give one size per output", node);
            }
            long sum = 0;
            for (int i = 0; i < s.size(); i++) {
                long v = (long) s.get(i);
                if (v < 0) throw new GraphError(ErrorKind.VALUE_ERROR, "split: the sizes cannot be negative, got " + v, null, node);
                sum += v;
            }
            if (sum != x.dim(op.axis())) {
                throw new GraphError(ErrorKind.VALUE_ERROR, "split: the sizes sum to " + sum + ", but axis " + op.axis()
                        + " of the input has length " + x.dim(op.axis()) + " (shape " + NDArray.shapeString(x.shape()) + ")",
                        "the sizes must add up to the length of the split axis", node);
            }
            return x;
        };
    }

    /** numpy's choice checks on p (or on the population of a draw without replacement); the value is x itself. */
    static Kernel choiceCheck(Apply node) {
        tdl.graph.ops.ChoiceCheckOp op = (tdl.graph.ops.ChoiceCheckOp) node.op();
        return (in, reuse) -> {
            NDArray x = in[0];
            if (op.kind() == tdl.graph.ops.ChoiceCheckOp.Kind.SAMPLE_SIZE) {
                if (in[1].get(0) > x.get(0)) {
                    throw new GraphError(ErrorKind.VALUE_ERROR, "RandomStreams.choice: cannot take a larger sample (" + (long) in[1].get(0)
                            + ") than the population (" + (long) x.get(0) + ") when replace=False", "draw with replace=True, or fewer", node);
                }
                return x;
            }
            // numpy's tolerance: sqrt(eps) of float64, or of p's own float dtype when coarser
            double atol = Math.sqrt(x.dtype() == DType.FLOAT32 ? Math.ulp(1.0f) : Math.ulp(1.0));
            double sum = 0, c = 0; // Kahan, as numpy's kahan_sum
            for (int i = 0; i < x.size(); i++) {
                double v = x.get(i);
                if (v < 0) throw new GraphError(ErrorKind.VALUE_ERROR, "RandomStreams.choice: probabilities are not non-negative, got " + v, null, node);
                double y = v - c, t = sum + y;
                c = (t - sum) - y;
                sum = t;
            }
            if (Double.isNaN(sum)) throw new GraphError(ErrorKind.VALUE_ERROR, "RandomStreams.choice: probabilities contain NaN", null, node);
            if (Math.abs(sum - 1) > atol) {
                throw new GraphError(ErrorKind.VALUE_ERROR, "RandomStreams.choice: probabilities do not sum to 1 (they sum to " + sum + ")",
                        "normalise p, e.g. p / p.sum()", node);
            }
            return x;
        };
    }

    /** A shape promised when the graph was built (conv2d's input_shape...) against the real one; the value is x itself. */
    static Kernel shapeHint(Apply node) {
        tdl.graph.ops.ShapeHintOp op = (tdl.graph.ops.ShapeHintOp) node.op();
        return (in, reuse) -> {
            NDArray x = in[0];
            for (int i = 0; i < op.dims().size(); i++) {
                int want = op.dims().get(i);
                if (want >= 0 && (i >= x.rank() || x.dim(i) != want)) {
                    String given = op.dims().stream().map(d -> d < 0 ? "None" : String.valueOf(d))
                            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
                    throw new GraphError(ErrorKind.VALUE_ERROR, op.what() + ": the " + op.hint() + " " + given + " given when the graph "
                            + "was built does not match the shape " + NDArray.shapeString(x.shape()) + " passed at run time (axis " + i + ")",
                            "fix the " + op.hint() + " argument or pass None for the entries that vary", node);
                }
            }
            return x;
        };
    }

    /** images2neibs' shape check: Theano's Images2Neibs raises TypeError (ValueError for a negative patch count); the value is x itself. */
    static Kernel neibsCheck(Apply node) {
        tdl.graph.ops.NeibsCheckOp op = (tdl.graph.ops.NeibsCheckOp) node.op();
        return (in, reuse) -> {
            NDArray x = in[0];
            String problem = op.problem(x.dim(2), x.dim(3));
            if (problem != null) {
                throw new GraphError("ignore_borders".equals(op.mode()) ? ErrorKind.VALUE_ERROR : ErrorKind.TYPE_ERROR, problem, null, node);
            }
            return x;
        };
    }

    /** Grouped conv2d's divisibility check (Theano's AbstractConv message); the value is x itself. */
    static Kernel divisibleAxis(Apply node) {
        tdl.graph.ops.DivisibleAxisOp op = (tdl.graph.ops.DivisibleAxisOp) node.op();
        return (in, reuse) -> {
            NDArray x = in[0];
            if (x.dim(op.axis()) % op.by() != 0) {
                throw new GraphError(ErrorKind.VALUE_ERROR, op.function() + ": the " + op.what() + " (" + x.dim(op.axis())
                        + ", axis " + op.axis() + " of shape " + NDArray.shapeString(x.shape()) + ") must be divisible by num_groups ("
                        + op.by() + ")", null, node);
            }
            return x;
        };
    }

    /** A declared broadcastable axis must have length 1 (addbroadcast, a givens replacement); the value is x itself. */
    static Kernel broadcastCheck(Apply node) {
        tdl.graph.ops.BroadcastCheckOp op = (tdl.graph.ops.BroadcastCheckOp) node.op();
        return (in, reuse) -> {
            NDArray x = in[0];
            String problem = op.problem(x.shape());
            if (problem != null) throw new GraphError(op.typeError() ? ErrorKind.TYPE_ERROR : ErrorKind.VALUE_ERROR, problem, op.hint(), node);
            return x;
        };
    }

    static Kernel specifyShape(Apply node) {
        DType dtype = node.output().dtype();
        return (in, reuse) -> {
            NDArray x = in[0];
            double[] s = in[1].data();
            boolean ok = s.length == x.rank();
            for (int i = 0; ok && i < s.length; i++) ok = s[i] == x.dim(i);
            if (!ok) {
                int[] want = new int[s.length];
                for (int i = 0; i < s.length; i++) want[i] = (int) s[i];
                throw Kernels.shapeError(node, "specify_shape: the input has shape " + NDArray.shapeString(x.shape())
                        + ", not the specified " + NDArray.shapeString(want), null);
            }
            return Kernels.copyAs(x, dtype, x.shape(), reuse);
        };
    }

    /** Stable sort of each lane's indices; NaN sorts last and -0.0 equals 0.0, as numpy orders them. */
    static Kernel argsort(Apply node) {
        int axis = ((ArgSortOp) node.op()).axis();
        return (in, reuse) -> {
            NDArray x = in[0];
            int[] b = blocks(x.shape(), axis);
            NDArray out = Kernels.output(reuse, DType.INT64, x.shape());
            double[] d = x.data(), o = out.data();
            Integer[] idx = new Integer[b[1]];
            for (int p = 0; p < b[0]; p++) {
                for (int q = 0; q < b[2]; q++) {
                    int base = p * b[1] * b[2] + q;
                    for (int k = 0; k < idx.length; k++) idx[k] = k;
                    java.util.Arrays.sort(idx, (i, j) -> compare(d[base + i * b[2]], d[base + j * b[2]]));
                    for (int k = 0; k < idx.length; k++) o[base + k * b[2]] = idx[k];
                }
            }
            return out;
        };
    }

    private static int compare(double a, double b) {
        boolean na = Double.isNaN(a), nb = Double.isNaN(b);
        if (na || nb) return na == nb ? 0 : na ? 1 : -1;
        return a < b ? -1 : a > b ? 1 : 0;
    }

    static Kernel takeAlongAxis(Apply node) {
        int axis = ((TakeAlongAxisOp) node.op()).axis();
        DType dtype = node.output().dtype();
        return (in, reuse) -> {
            NDArray x = in[0], idx = in[1];
            int[] b = alongAxis(node, x.shape(), idx.shape(), axis);
            int n = x.dim(axis), m = idx.dim(axis);
            NDArray out = Kernels.output(reuse, dtype, idx.shape());
            double[] d = x.data(), ix = idx.data(), o = out.data();
            for (int p = 0; p < b[0]; p++) {
                for (int q = 0; q < b[2]; q++) {
                    for (int k = 0; k < m; k++) {
                        int at = (p * m + k) * b[2] + q;
                        o[at] = d[(p * n + index(node, ix[at], n)) * b[2] + q];
                    }
                }
            }
            return out;
        };
    }

    static Kernel putAlongAxis(Apply node) {
        int axis = ((PutAlongAxisOp) node.op()).axis();
        DType dtype = node.output().dtype();
        return (in, reuse) -> {
            NDArray g = in[0], idx = in[1], like = in[2];
            if (!g.sameShape(idx.shape())) {
                throw Kernels.shapeError(node, "put_along_axis: values of shape " + NDArray.shapeString(g.shape())
                        + " do not match indices of shape " + NDArray.shapeString(idx.shape()), null);
            }
            int[] b = alongAxis(node, like.shape(), idx.shape(), axis);
            int n = like.dim(axis), m = idx.dim(axis);
            NDArray out = Kernels.output(reuse, dtype, like.shape());
            double[] o = out.data(), ix = idx.data(), d = g.data();
            java.util.Arrays.fill(o, 0);
            for (int p = 0; p < b[0]; p++) {
                for (int q = 0; q < b[2]; q++) {
                    for (int k = 0; k < m; k++) {
                        int at = (p * m + k) * b[2] + q;
                        o[(p * n + index(node, ix[at], n)) * b[2] + q] += d[at];
                    }
                }
            }
            return out;
        };
    }

    /** Checks that x and idx agree off the axis; returns x's (outer, n, inner) blocks. */
    private static int[] alongAxis(Apply node, int[] xs, int[] is, int axis) {
        for (int a = 0; a < xs.length; a++) {
            if (a != axis && xs[a] != is[a]) {
                throw Kernels.shapeError(node, "take_along_axis: indices of shape " + NDArray.shapeString(is)
                        + " do not fit an array of shape " + NDArray.shapeString(xs) + " off axis " + axis, null);
            }
        }
        return blocks(xs, axis);
    }

    private static int index(Apply node, double v, int n) {
        long i = (long) v;
        if (i < -n || i >= n) {
            throw new GraphError(ErrorKind.INDEX_ERROR, "index " + i + " is out of bounds for an axis of size " + n, null, node);
        }
        return (int) (i < 0 ? i + n : i);
    }
}
