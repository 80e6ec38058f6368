package tdl.eval;

import java.util.concurrent.ForkJoinPool;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Matrix products for {@link DotKernel}: the Vector API kernel ({@link VectorGemm}) when the
 * jdk.incubator.vector module is present (the launcher and the tests add it), else EJML. Large
 * products are split between the caller and the common ForkJoinPool by disjoint blocks of the
 * output, so the numbers do not depend on the thread count.
 */
public final class Gemm {
    /** Whether the Vector API kernel is used: decided once per JVM (a module is there or not). */
    public static final boolean VECTOR = vectorModulePresent();

    // below this many multiply-adds a product is not worth handing half of to another thread
    private static final long PARALLEL_WORK = 150_000;

    private Gemm() {}

    /**
     * Scratch memory of one product site (a DotKernel): a packed strip of B per thread, grown to
     * the largest product seen and then reused, so steady-state products allocate nothing.
     */
    public static final class Workspace {
        private final double[][] panels = new double[2][];
        // the two halves of a split product and their hand-off to the pool, re-armed for every product
        private final Halves halves = new Halves();
        private final Team team;

        /** Scratch for products whose halves run on {@code team}'s two threads. */
        public Workspace(Team team) {
            this.team = team;
        }

        /** Scratch with a team of its own (tests, one-off products). */
        public Workspace() {
            this(new Team());
        }

        double[] panel(int part, int k) {
            int size = VectorGemm.panelSize(k);
            if (panels[part] == null || panels[part].length < size) panels[part] = new double[size];
            return panels[part];
        }
    }

    private static boolean vectorModulePresent() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        try {
            Class.forName("jdk.incubator.vector.DoubleVector");
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Whether a product whose B has contiguous rows reads B where it is (the Vector API with 512-bit
     * vectors): then {@code h·Wt} on a transposed copy beats {@code h·Wᵀ}. Elsewhere (AVX2, EJML)
     * such a product packs B first and the transposed form is the faster one.
     */
    public static boolean plainProductsReadBInPlace() {
        return VECTOR && VectorGemm.readsBInPlace();
    }

    /** Which kernel serves products, for the benchmark's report. */
    public static String description() {
        return VECTOR ? VectorGemm.description() + ", " + threads() + " threads" : "EJML (jdk.incubator.vector not enabled)";
    }

    private static int threads() {
        return Math.min(2, ForkJoinPool.getCommonPoolParallelism() + 1);
    }

    /**
     * C (m x n) = op(A)·op(B), all row-major: A is stored (ar x ac), B (br x bc); op transposes when
     * the flag is set. {@code c} must not alias an operand.
     */
    public static void multiply(double[] a, int ar, int ac, boolean ta, double[] b, int br, int bc, boolean tb,
                                double[] c, int m, int n, int k, Workspace w) {
        if (!VECTOR || m == 0 || n == 0) {
            fallback(a, ar, ac, ta, b, br, bc, tb, c, m, n, k, FALLBACK_BLOCK_WORK, Thread.currentThread());
            return;
        }
        if (k == 0) {
            java.util.Arrays.fill(c, 0, m * n, 0.0);
            return;
        }
        boolean split = (long) m * n * k >= PARALLEL_WORK && threads() > 1;
        Thread owner = Thread.currentThread();
        if (!split) {
            block(a, ta, b, tb, c, m, n, k, 0, m, 0, n, w.panel(0, k), owner);
            return;
        }
        // split the longer side of C near its middle, on a multiple of the tiles (WIDE columns; 20
        // rows, a multiple of the 4- and 5-row tiles), so both halves keep full tiles; the blocks are
        // fixed by the shape alone, so the numbers do not depend on which thread runs which
        Halves h = w.halves;
        h.set(a, ta, b, tb, c, m, n, k, w.panel(0, k), w.panel(1, k), owner);
        if (n >= m) {
            // a B read as stored rows (h·Wᵀ) is computed 4 columns at a time: halves on 4 columns
            // are even (784 = 392 + 392, where whole strips gave the pool thread 400 and the caller 384)
            int strip = tb && k > 1 ? 4 : VectorGemm.WIDE;
            h.splitColumns(Math.min(n, Math.max(strip, (n / 2 + strip / 2) / strip * strip)));
        } else {
            h.splitRows(m >= 40 ? (m / 2 + 10) / 20 * 20 : Math.min(m, Math.max(4, (m / 2) & ~3)));
        }
        try {
            w.team.run(h);
        } finally {
            h.clear();
        }
    }

    private static void block(double[] a, boolean ta, double[] b, boolean tb, double[] c, int m, int n, int k,
                              int i0, int i1, int j0, int j1, double[] panel, Thread owner) {
        if (i0 >= i1 || j0 >= j1) return;
        int ars = ta ? 1 : k, acs = ta ? m : 1, brs = tb ? 1 : n, bcs = tb ? k : 1;
        VectorGemm.multiply(a, ars, acs, b, brs, bcs, c, k, n, i0, i1, j0, j1, panel, owner);
    }

    /** A split product: part 0 is C's first rows or columns, part 1 the rest, each with its own panel. */
    private static final class Halves implements Team.Parts {
        private double[] a, b, c, p0, p1;
        private boolean ta, tb;
        private Thread owner; // whose interrupt stops both halves (the pool thread's own flag is not it)
        private int m, n, k, rowMid, colMid;

        void set(double[] a, boolean ta, double[] b, boolean tb, double[] c, int m, int n, int k, double[] p0, double[] p1, Thread owner) {
            this.owner = owner;
            this.a = a;
            this.ta = ta;
            this.b = b;
            this.tb = tb;
            this.c = c;
            this.m = m;
            this.n = n;
            this.k = k;
            this.p0 = p0;
            this.p1 = p1;
        }

        void splitColumns(int mid) {
            rowMid = m;
            colMid = mid;
        }

        void splitRows(int mid) {
            rowMid = mid;
            colMid = n;
        }

        @Override
        public void run(int part) {
            if (part == 0) block(a, ta, b, tb, c, m, n, k, 0, rowMid, 0, colMid, p0, owner);
            else if (colMid < n) block(a, ta, b, tb, c, m, n, k, 0, m, colMid, n, p1, owner);
            else block(a, ta, b, tb, c, m, n, k, rowMid, m, 0, n, p1, owner);
        }

        /** Lets go of the operands so a finished product keeps no arrays alive. */
        void clear() {
            a = b = c = null;
            owner = null;
        }
    }

    /** Multiply-adds of one block of the fallback product: a block takes tens of milliseconds. */
    static final long FALLBACK_BLOCK_WORK = 1L << 26;

    /**
     * EJML's product, for a JVM without the Vector API. EJML checks no interrupt, so a large product
     * runs in blocks of about {@code blockWork} multiply-adds (rows of C, op(A)'s rows copied into a
     * block of their own: EJML wraps arrays from their start) with a check between blocks: a time
     * limit or Ctrl-C stops it within a block, not after a product of many seconds.
     */
    static void fallback(double[] a, int ar, int ac, boolean ta, double[] b, int br, int bc, boolean tb,
                         double[] c, int m, int n, int k, long blockWork, Thread owner) {
        long rowWork = Math.max(1L, (long) n * k);
        int rows = (int) Math.max(1L, Math.min(m, blockWork / rowWork));
        if (rows >= m || k == 0) {
            ejml(a, ar, ac, ta, b, br, bc, tb, c, m, n);
            return;
        }
        double[] ab = new double[rows * k], cb = new double[rows * n];
        DMatrixRMaj mb = DMatrixRMaj.wrap(br, bc, b);
        for (int i0 = 0; i0 < m; i0 += rows) {
            tdl.graph.Interrupts.check(owner);
            int r = Math.min(rows, m - i0);
            if (!ta) System.arraycopy(a, i0 * ac, ab, 0, r * k);
            else for (int i = 0; i < r; i++) for (int p = 0; p < k; p++) ab[i * k + p] = a[p * ac + i0 + i];
            DMatrixRMaj ma = DMatrixRMaj.wrap(r, k, ab), mc = DMatrixRMaj.wrap(r, n, cb);
            if (tb) CommonOps_DDRM.multTransB(ma, mb, mc);
            else CommonOps_DDRM.mult(ma, mb, mc);
            System.arraycopy(cb, 0, c, i0 * n, r * n);
        }
    }


    /** The reference: EJML's products (also the fallback without the Vector API). */
    public static void ejml(double[] a, int ar, int ac, boolean ta, double[] b, int br, int bc, boolean tb,
                            double[] c, int m, int n) {
        DMatrixRMaj ma = DMatrixRMaj.wrap(ar, ac, a);
        DMatrixRMaj mb = DMatrixRMaj.wrap(br, bc, b);
        DMatrixRMaj mc = DMatrixRMaj.wrap(m, n, c);
        if (ta && tb) CommonOps_DDRM.multTransAB(ma, mb, mc);
        else if (ta) CommonOps_DDRM.multTransA(ma, mb, mc);
        else if (tb) CommonOps_DDRM.multTransB(ma, mb, mc);
        else CommonOps_DDRM.mult(ma, mb, mc);
    }
}
