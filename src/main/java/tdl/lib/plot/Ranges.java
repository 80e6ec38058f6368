package tdl.lib.plot;

/**
 * The axis limits a figure is drawn with: the data's extent plus matplotlib's 5% margins, unless
 * xlim/ylim fixed a side. Computed here rather than left to JFreeChart's auto-range so that
 * xlim() can report them and the legend can avoid the data.
 */
record Ranges(double xlo, double xhi, double ylo, double yhi) {

    static Ranges of(Figure f) {
        double[] x = extent(f, true);
        double[] y = extent(f, false);
        double[] xr = padded(x, f.logX);
        double[] yr = padded(y, f.logY);
        return new Ranges(f.xmin != null ? f.xmin : xr[0], f.xmax != null ? f.xmax : xr[1],
                f.ymin != null ? f.ymin : yr[0], f.ymax != null ? f.ymax : yr[1]);
    }

    /** Min and max of the finite values (positive ones on a log axis), or NaN when there are none. */
    private static double[] extent(Figure f, boolean xs) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean log = xs ? f.logX : f.logY;
        for (Line line : f.lines) {
            double[] v = xs ? line.x() : line.y();
            for (double d : v) {
                if (!Double.isFinite(d) || (log && d <= 0)) continue;
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        return lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }

    private static double[] padded(double[] e, boolean log) {
        if (Double.isNaN(e[0])) return log ? new double[] {1, 10} : new double[] {0, 1};
        if (log) {
            double a = Math.log10(e[0]);
            double b = Math.log10(e[1]);
            double pad = a == b ? 0.5 : (b - a) * 0.05;
            return new double[] {Math.pow(10, a - pad), Math.pow(10, b + pad)};
        }
        double span = e[1] - e[0];
        if (span == 0) {
            double d = e[0] == 0 ? 0.055 : Math.abs(e[0]) * 0.05;
            return new double[] {e[0] - d, e[1] + d};
        }
        return new double[] {e[0] - span * 0.05, e[1] + span * 0.05};
    }
}
