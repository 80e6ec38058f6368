package tdl.session.bench;

import java.util.Arrays;
import java.util.List;

/**
 * One line of the benchmark table: a workload's repeated TDL timings (seconds), the numpy
 * reference's median when it was measured, and the target as the issue states it.
 */
record BenchRow(String workload, double[] seconds, Double numpySeconds, String target) {
    double median() {
        double[] s = seconds.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    double min() { return Arrays.stream(seconds).min().orElse(Double.NaN); }

    double max() { return Arrays.stream(seconds).max().orElse(Double.NaN); }

    /** The table, times in the unit that reads best per row, ratio = TDL / numpy. */
    static String table(List<BenchRow> rows) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-34s %12s %25s %12s %7s  %s%n";
        sb.append(String.format(fmt, "workload", "TDL median", "spread (min..max, n)", "numpy", "ratio", "target"));
        for (BenchRow r : rows) {
            String spread = time(r.min()) + ".." + time(r.max()) + ", " + r.seconds.length;
            String np = r.numpySeconds == null ? "-" : time(r.numpySeconds);
            String ratio = r.numpySeconds == null ? "-" : String.format("%.2f", r.median() / r.numpySeconds);
            sb.append(String.format(fmt, r.workload, time(r.median()), spread, np, ratio, r.target));
        }
        return sb.toString();
    }

    static String time(double s) {
        if (Double.isNaN(s)) return "-";
        if (s >= 1) return String.format("%.2f s", s);
        if (s >= 1e-3) return String.format("%.1f ms", s * 1e3);
        if (s >= 1e-6) return String.format("%.2f us", s * 1e6);
        return String.format("%.0f ns", s * 1e9);
    }
}
