package tdl.eval;

import tdl.vocab.ErrorKind;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.ops.RandomCounter;
import tdl.graph.ops.RandomOp;

/**
 * Draws for a {@link RandomOp} from a counter-based generator: element i of evaluation e of draw d
 * of a stream seeded s is a SplitMix64-style hash of (s, d, e, i). Nothing is carried from element
 * to element, so the numbers are the same however the work is split and whatever ran before.
 */
final class RandomKernel implements Kernel {
    static final long GOLDEN = 0x9E3779B97F4A7C15L;
    static final double TWO_POW_53 = 1.0 / (1L << 53);

    private final Apply node;
    private final RandomOp op;
    // Bernoulli draws (the RBM's samples): large arrays in two halves on the team's threads
    private final ElementHalves bernoulliHalves;
    private long bKey; // the current call's key and arrays, read by both halves
    private double[] bp, bo;

    /** With {@code team} (null: one thread), a large Bernoulli draw runs on its two threads. */
    RandomKernel(Apply node, Team team) {
        this.node = node;
        this.op = (RandomOp) node.op();
        this.bernoulliHalves = team == null ? null : new ElementHalves(team, this::drawRange);
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        double[] sizeData = in[0].data();
        if (sizeData.length != op.ndim()) {
            throw new GraphError(ErrorKind.VALUE_ERROR, op.name() + ": size has " + sizeData.length + " entries but the draw has rank " + op.ndim(), null, node);
        }
        if (op.kind().addsAxis()) return withLastAxis(in, reuse, sizeData);
        boolean fits = reuse != null && reuse.dtype() == op.dtype() && reuse.rank() == sizeData.length;
        for (int i = 0; i < sizeData.length; i++) {
            long d = (long) sizeData[i];
            if (d < 0) throw new GraphError(ErrorKind.VALUE_ERROR, op.name() + ": negative size " + d, null, node);
            fits &= reuse != null && reuse.dim(i) == d;
        }
        int[] shape = fits ? reuse.shape() : new int[op.ndim()];
        if (!fits) for (int i = 0; i < shape.length; i++) shape[i] = (int) (long) sizeData[i];
        NDArray out = Kernels.output(reuse, op.dtype(), shape);
        double[] a = in[1].data(), b = in[2].data(), o = out.data();
        if (op.kind() == RandomOp.Kind.NORMAL) {
            // numpy's normal (under Theano's RandomStreams) refuses a negative scale; a negative std would flip the draws
            for (double sd : b) if (sd < 0) throw badBinomial("std must be >= 0, got " + sd);
        }
        long key = key();
        if (op.kind() == RandomOp.Kind.BINOMIAL && a.length == 1 && a[0] == 1 && in[2].sameShape(shape)) {
            bernoulli(key, b, o);
            return out;
        }
        int[] ia = paramIndex(in[1], shape), ib = paramIndex(in[2], shape);
        for (int i = 0; i < o.length; i++) {
            double pa = a[ia == null ? 0 : ia[i]], pb = b[ib == null ? 0 : ib[i]];
            o[i] = op.dtype().coerce(switch (op.kind()) {
                case UNIFORM -> pa + (pb - pa) * uniform(key, 2L * i);
                case NORMAL -> pa + pb * normal(key, i);
                case BINOMIAL -> binomial(key, i, pa, pb);
                case INTEGERS -> integer(key, i, pa, pb);
                case POISSON -> poisson(key, i, pa);
                case PERMUTATION, MULTINOMIAL -> throw new IllegalStateException("drawn by withLastAxis");
            });
        }
        return out;
    }

    /** This evaluation's key: (seed, draw, evaluation) hashed; advances the draw's counter unless frozen. */
    private long key() {
        return key(op);
    }

    /** {@link #key()} of any draw (FloatBernoulliKernel draws the same stream). */
    static long key(RandomOp op) {
        RandomCounter c = op.counter();
        if (c.source() != null) return mix(c.sourceKey(op.advances()) ^ GOLDEN);
        long seed, evaluation;
        synchronized (c) {
            seed = c.seed();
            evaluation = op.advances() ? c.next() : c.peekKey()[1];
        }
        return mix(mix(seed ^ GOLDEN) + c.draw() * 0xD1B54A32D192ED03L + mix(evaluation + 0x632BE59BD9B4E019L));
    }

    /** An integer in [low, high], both ends included (Theano's random_integers). */
    private double integer(long key, long i, double low, double high) {
        if (low != Math.rint(low) || high != Math.rint(high) || high < low) {
            throw badBinomial("low and high must be integers with low <= high, got " + low + " and " + high);
        }
        return low + Math.floor(uniform(key, 2L * i) * (high - low + 1));
    }

    /** permutation and multinomial: one row of the last axis per position of the size. */
    private NDArray withLastAxis(NDArray[] in, NDArray reuse, double[] sizeData) {
        int nd = sizeData.length;
        int[] shape = new int[nd + 1];
        for (int i = 0; i < nd; i++) {
            long d = (long) sizeData[i];
            if (d < 0) throw new GraphError(ErrorKind.VALUE_ERROR, op.name() + ": negative size " + d, null, node);
            shape[i] = (int) d;
        }
        NDArray n = in[1], p = in[2];
        int[] rowShape = java.util.Arrays.copyOf(shape, nd);
        int rows = (int) NDArray.sizeOf(rowShape);
        if (op.kind() == RandomOp.Kind.PERMUTATION) {
            double nv = n.data()[0];
            if (nv < 0 || nv != Math.rint(nv)) throw badBinomial("n must be a non-negative integer, got " + nv);
            shape[nd] = (int) nv;
        } else {
            shape[nd] = p.dim(p.rank() - 1);
        }
        NDArray out = Kernels.output(reuse, op.dtype(), shape);
        long key = key();
        int k = shape[nd];
        double[] o = out.data();
        if (op.kind() == RandomOp.Kind.PERMUTATION) {
            for (int r = 0; r < rows; r++) {
                int base = r * k;
                for (int j = 0; j < k; j++) o[base + j] = j;
                // Fisher-Yates from the end, one uniform per position
                for (int j = k - 1; j > 0; j--) {
                    int s = (int) Math.floor(uniform(key, (long) base + j) * (j + 1));
                    double tmp = o[base + j];
                    o[base + j] = o[base + s];
                    o[base + s] = tmp;
                }
            }
            return out;
        }
        java.util.Arrays.fill(o, 0.0); // counts accumulate below; a reused buffer holds the last call's
        // multinomial: pvals rows broadcast over the size (the categories axis excluded)
        int[] pRowShape = java.util.Arrays.copyOf(p.shape(), p.rank() - 1);
        NDArray pRows = NDArray.wide(p.dtype(), pRowShape.length == 0 ? new int[] {1} : pRowShape, new double[(int) NDArray.sizeOf(pRowShape)]);
        int[] pIdx = paramIndex(pRows, rowShape), nIdx = paramIndex(n, rowShape);
        double[] pd = p.data(), nd2 = n.data();
        for (int r = 0; r < rows; r++) {
            int prow = (pIdx == null ? 0 : pIdx[r]) * k;
            double trials = nd2[nIdx == null ? 0 : nIdx[r]];
            if (trials < 0 || trials != Math.rint(trials)) throw badBinomial("n must be a non-negative integer, got " + trials);
            double head = 0;
            for (int j = 0; j < k; j++) {
                double pj = pd[prow + j];
                if (!(pj >= 0)) throw badBinomial("pvals must be >= 0, got " + pj);
                if (j < k - 1) head += pj;
            }
            // numpy's rule: the last category takes what the others leave (so float32 rounding is harmless)
            if (head > 1 + 1e-6) throw badBinomial("the probabilities of a row sum to more than 1 (" + head + " before the last)");
            long sub = mix(key + r * GOLDEN);
            for (long t = 0; t < (long) trials; t++) {
                double u = (mix(sub + t * GOLDEN) >>> 11) * TWO_POW_53, acc = 0;
                int j = 0;
                for (; j < k - 1; j++) {
                    acc += pd[prow + j];
                    if (u < acc) break;
                }
                o[r * k + j] += 1;
            }
        }
        return out;
    }

    /**
     * binomial(n=1, p) with p of the output's shape, as RBM sampling draws it: the same numbers as
     * {@link #binomial} (its one trial), without the per-element parameter lookup and dispatch.
     */
    private void bernoulli(long key, double[] p, double[] o) {
        if (bernoulliHalves == null) {
            bernoulliRange(key, p, o, 0, o.length);
            return;
        }
        bKey = key;
        bp = p;
        bo = o;
        try {
            bernoulliHalves.run(o.length);
        } finally {
            bp = bo = null; // keep no caller arrays alive between calls
        }
    }

    private void drawRange(int part, int from, int to) {
        bernoulliRange(bKey, bp, bo, from, to);
    }

    /**
     * Elements [from, to): each half reports the first bad p it holds (the first of the whole array
     * when both do: Team rethrows the caller's half's error first). The vector loop checks p as it
     * draws and stops at a vector holding a bad one, which the scalar loop then finds.
     */
    private void bernoulliRange(long key, double[] p, double[] o, int from, int to) {
        int done = Gemm.VECTOR && VectorRandom.usable() ? VectorRandom.bernoulli(key, GOLDEN, TWO_POW_53, p, o, from, to) : from;
        for (int i = done; i < to; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) throw badBinomial("p must be in [0, 1], got " + p[i]);
            o[i] = (mix(mix(key + i * GOLDEN)) >>> 11) * TWO_POW_53 < p[i] ? 1 : 0;
        }
    }

    private static double uniform(long key, long counter) {
        return (mix(key + counter * GOLDEN) >>> 11) * TWO_POW_53;
    }

    /** Box-Muller on two independent uniforms of this element. */
    private static double normal(long key, long i) {
        double u1 = uniform(key, 2 * i), u2 = uniform(key, 2 * i + 1);
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    private GraphError badBinomial(String what) {
        return new GraphError(ErrorKind.VALUE_ERROR, op.name() + ": " + what, null, node);
    }

    /** n Bernoulli(p) trials; n is small in practice (RBM sampling uses n=1). */
    private double binomial(long key, long i, double n, double p) {
        if (n < 0 || n != Math.rint(n)) throw badBinomial("n must be a non-negative integer, got " + n);
        if (!(p >= 0 && p <= 1)) throw badBinomial("p must be in [0, 1], got " + p);
        long trials = (long) n, hits = 0;
        long sub = mix(key + i * GOLDEN);
        for (long t = 0; t < trials; t++) if ((mix(sub + t * GOLDEN) >>> 11) * TWO_POW_53 < p) hits++;
        return hits;
    }

    /** numpy's lam limit (its POISSON_LAM_MAX): larger rates would overflow the int64 count. */
    private static final double POISSON_LAM_MAX = 9.223372006484771e18;

    /**
     * A Poisson count with rate lam, by numpy's algorithms on this element's own uniforms:
     * multiplication of uniforms below lam 10, Hormann's transformed rejection (PTRS) from 10 on.
     */
    private double poisson(long key, long i, double lam) {
        if (!(lam >= 0)) throw badBinomial(Double.isNaN(lam) ? "lam value too large" : "lam < 0");
        if (lam > POISSON_LAM_MAX) throw badBinomial("lam value too large");
        if (lam == 0) return 0;
        long sub = mix(key + i * GOLDEN);
        long t = 0;
        if (lam < 10) {
            double enlam = Math.exp(-lam), prod = 1.0;
            for (long x = 0; ; x++) {
                prod *= (mix(sub + t++ * GOLDEN) >>> 11) * TWO_POW_53;
                if (prod <= enlam) return x;
            }
        }
        double slam = Math.sqrt(lam), loglam = Math.log(lam), b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = (mix(sub + t++ * GOLDEN) >>> 11) * TWO_POW_53 - 0.5, v = (mix(sub + t++ * GOLDEN) >>> 11) * TWO_POW_53;
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lam + k * loglam - loggam(k + 1)) return k;
        }
    }

    /** numpy's random_loggam: log Gamma(x) by a Stirling series (shifted up to 7 for small x). */
    static double loggam(double x) {
        double[] c = {8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04,
            8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
            1.796443723688307e-01, -1.39243221690590e+00};
        if (x == 1.0 || x == 2.0) return 0.0;
        double x0 = x;
        long n = 0;
        if (x <= 7.0) {
            n = (long) (7 - x);
            x0 = x + n;
        }
        double x2 = 1.0 / (x0 * x0), gl0 = c[9];
        for (int k = 8; k >= 0; k--) gl0 = gl0 * x2 + c[k];
        double gl = gl0 / x0 + 0.5 * Math.log(2 * Math.PI) + (x0 - 0.5) * Math.log(x0) - x0;
        if (x <= 7.0) {
            for (long k = 1; k <= n; k++) {
                gl -= Math.log(x0 - 1.0);
                x0 -= 1.0;
            }
        }
        return gl;
    }

    /** For each output element, the flat index of the (right-aligned, broadcast) parameter element; null for a single value. */
    private int[] paramIndex(NDArray p, int[] shape) {
        if (p.size() == 1) return null;
        int[] ps = p.shape();
        int off = shape.length - ps.length;
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int d = ps.length - 1; d >= 0; d--) {
            int od = d + off;
            if (ps[d] != shape[od] && ps[d] != 1) {
                throw new GraphError(ErrorKind.VALUE_ERROR, op.name() + ": a parameter of shape " + NDArray.shapeString(ps)
                        + " does not fit the size " + NDArray.shapeString(shape), "give size=param.shape, or a broadcastable parameter", node);
            }
            strides[od] = ps[d] == 1 ? 0 : stride;
            stride *= ps[d];
        }
        int total = (int) NDArray.sizeOf(shape);
        int[] idx = new int[total];
        int[] pos = new int[shape.length];
        int cur = 0;
        for (int i = 0; i < total; i++) {
            idx[i] = cur;
            for (int d = shape.length - 1; d >= 0; d--) {
                pos[d]++;
                cur += strides[d];
                if (pos[d] < shape[d]) break;
                cur -= strides[d] * pos[d];
                pos[d] = 0;
            }
        }
        return idx;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
