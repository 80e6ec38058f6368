package tdl.session.bench;

import java.util.Arrays;
import java.util.List;

/**
 * One line of the benchmark table: a workload's repeated TDL timings (seconds), the reference's
 * median when it was measured (numpy with its allocator and BLAS tuned, the column the ratio is
 * taken against), numpy as a user gets it by default beside it, the floating-point work of one run
 * (0 when the row has none worth counting: compiling, start-up), the peak FLOP/s its "% of peak" is
 * taken against (0: the table's, the float64 peak; float32 rows carry the float32 peak) and the
 * target as the issue states it.
 */
record BenchRow(String workload, double[] seconds, Double numpySeconds, Double numpyDefaultSeconds, double flop,
                double peak, String target) {
    BenchRow(String workload, double[] seconds, Double numpySeconds, String target) {
        this(workload, seconds, numpySeconds, null, 0, 0, target);
    }

    BenchRow(String workload, double[] seconds, Double numpySeconds, Double numpyDefaultSeconds, double flop, String target) {
        this(workload, seconds, numpySeconds, numpyDefaultSeconds, flop, 0, target);
    }

    double median() {
        return median(seconds);
    }

    static double median(double[] seconds) {
        double[] s = seconds.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    double min() { return Arrays.stream(seconds).min().orElse(Double.NaN); }

    double max() { return Arrays.stream(seconds).max().orElse(Double.NaN); }

    /** The table without rates against a peak. */
    static String table(List<BenchRow> rows) {
        return table(rows, 0);
    }

    /**
     * The table, times in the unit that reads best per row, ratios = TDL / numpy; peak in FLOP/s
     * (0: unknown) for the rows that do not carry their own.
     */
    static String table(List<BenchRow> rows, double peak) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-34s %11s %24s %10s %6s %10s %6s %7s %6s  %s%n";
        sb.append(String.format(fmt, "workload", "TDL median", "spread (min..max, n)", "numpy tun", "ratio",
                "numpy def", "ratio", "GFLOP/s", "%peak", "target"));
        for (BenchRow r : rows) {
            String spread = time(r.min()) + ".." + time(r.max()) + ", " + r.seconds.length;
            double rate = r.flop > 0 ? r.flop / r.median() : Double.NaN, rowPeak = r.peak > 0 ? r.peak : peak;
            sb.append(String.format(fmt, r.workload, time(r.median()), spread, time(r.numpySeconds), ratio(r, r.numpySeconds),
                    time(r.numpyDefaultSeconds), ratio(r, r.numpyDefaultSeconds),
                    Double.isNaN(rate) ? "-" : String.format("%.1f", rate / 1e9),
                    Double.isNaN(rate) || rowPeak <= 0 ? "-" : String.format("%.0f%%", 100 * rate / rowPeak), r.target));
        }
        return sb.toString();
    }

    private static String ratio(BenchRow r, Double reference) {
        return reference == null ? "-" : String.format("%.2f", r.median() / reference);
    }

    static String time(Double s) {
        return s == null ? "-" : time(s.doubleValue());
    }

    static String time(double s) {
        if (Double.isNaN(s)) return "-";
        if (s >= 1) return String.format("%.2f s", s);
        if (s >= 1e-3) return String.format("%.1f ms", s * 1e3);
        if (s >= 1e-6) return String.format("%.2f us", s * 1e6);
        return String.format("%.0f ns", s * 1e9);
    }
}
