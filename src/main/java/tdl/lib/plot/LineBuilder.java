package tdl.lib.plot;

import tdl.vocab.ErrorKind;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.syntax.TdlError;

/** plot() and scatter(): matplotlib's argument conventions turned into {@link Line}s on a figure. */
final class LineBuilder {
    static final double DEFAULT_LINE_WIDTH = 1.5;
    static final double DEFAULT_MARKER_SIZE = 6;
    private static final List<String> PLOT_KEYWORDS = List.of("label", "color", "c", "linewidth", "lw",
            "linestyle", "ls", "marker", "markersize", "ms", "alpha");

    private LineBuilder() {}

    /** plot([x], y, [fmt], [x2], y2, [fmt2], ..., **kwargs): returns the new lines. */
    static List<Object> plot(Runtime rt, Figure f, Args args) {
        Map<String, Object> kw = args.keywords();
        Pyplot.warnIgnored(rt, "plot", kw, PLOT_KEYWORDS);
        List<Object> pos = args.positional();
        List<Object> created = new ArrayList<>();
        int i = 0;
        while (i < pos.size()) {
            Object first = pos.get(i++);
            if (first instanceof String s) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "plot() got the format string '" + s + "' where data was expected",
                        "write plot(x, y, '" + s + "') or plot(y, '" + s + "')");
            }
            Object second = i < pos.size() && !(pos.get(i) instanceof String) ? pos.get(i++) : null;
            String fmt = i < pos.size() && pos.get(i) instanceof String s ? s : null;
            if (fmt != null) i++;
            PlotData y = PlotData.of(rt, second == null ? first : second, "y");
            PlotData x = second == null ? range(y.rows()) : PlotData.of(rt, first, "x");
            FormatSpec spec = fmt == null ? FormatSpec.DEFAULT : FormatSpec.parse(fmt);
            addLines(rt, f, x, y, spec, kw, created);
        }
        return created;
    }

    private static void addLines(Runtime rt, Figure f, PlotData x, PlotData y, FormatSpec spec,
                                 Map<String, Object> kw, List<Object> created) {
        if (x.rows() != y.rows()) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "x and y must have same first dimension, but have shapes "
                    + x.shape() + " and " + y.shape());
        }
        int kx = x.columns().size();
        int ky = y.columns().size();
        if (kx != ky && kx != 1 && ky != 1) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "x has " + kx + " columns but y has " + ky + " columns");
        }
        String lineStyle = kw.containsKey("linestyle") || kw.containsKey("ls")
                ? lineStyle(kw.containsKey("linestyle") ? kw.get("linestyle") : kw.get("ls")) : spec.lineStyle();
        char marker = kw.containsKey("marker") ? marker(kw.get("marker")) : spec.marker();
        Object colorArg = kw.containsKey("color") ? kw.get("color") : kw.get("c");
        Color fixed = colorArg != null ? Colors.parse(colorArg) : spec.color() != null ? Colors.parse(spec.color()) : null;
        double lw = number(kw, "linewidth", "lw", DEFAULT_LINE_WIDTH);
        double ms = number(kw, "markersize", "ms", DEFAULT_MARKER_SIZE);
        double alpha = number(kw, "alpha", "alpha", 1);
        String label = kw.get("label") == null ? null : rt.str(kw.get("label"));
        for (int k = 0; k < Math.max(kx, ky); k++) {
            Color color = fixed != null ? fixed : f.nextCycleColor();
            Line line = new Line(label, x.columns().get(kx == 1 ? 0 : k), y.columns().get(ky == 1 ? 0 : k),
                    color, lineStyle, marker, lw, ms, alpha);
            f.lines.add(line);
            created.add(line);
        }
    }

    /** scatter(x, y, s=36, c=None, marker='o', label=None, alpha=None): markers only. */
    static Object scatter(Runtime rt, Figure f, Args args) {
        args.check(2, "s", "c", "color", "marker", "label", "alpha", "x", "y", "edgecolors", "linewidths", "cmap");
        PlotData x = PlotData.of(rt, args.get(0, "x"), "x");
        PlotData y = PlotData.of(rt, args.get(1, "y"), "y");
        double[] xs = flatten(x);
        double[] ys = flatten(y);
        if (xs.length != ys.length) throw new TdlError(ErrorKind.VALUE_ERROR, "x and y must be the same size");
        Object s = args.keywords().get("s");
        double size = s == null ? DEFAULT_MARKER_SIZE : Math.sqrt(PlotData.number(s, "s"));
        Object c = args.keywords().containsKey("c") ? args.keywords().get("c") : args.keywords().get("color");
        Color color;
        if (c == null) {
            color = f.nextCycleColor();
        } else if (c instanceof String || c instanceof tdl.interp.TdlTuple) {
            color = Colors.parse(c);
        } else {
            Pyplot.warnOnce(rt, "scatter-c", "warning: scatter() cannot colour points by value yet; using one colour");
            color = f.nextCycleColor();
        }
        char marker = args.keywords().containsKey("marker") ? marker(args.keywords().get("marker")) : 'o';
        Object label = args.keywords().get("label");
        Object alpha = args.keywords().get("alpha");
        Line line = new Line(label == null ? null : rt.str(label), xs, ys, color, "", marker == 0 ? 'o' : marker,
                DEFAULT_LINE_WIDTH, size, alpha == null ? 1 : PlotData.number(alpha, "alpha"));
        f.lines.add(line);
        return line;
    }

    private static PlotData range(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i;
        return new PlotData(n, List.of(x), "(" + n + ",)");
    }

    /** Row-major values of all columns (numpy's ravel). */
    private static double[] flatten(PlotData d) {
        int k = d.columns().size();
        double[] out = new double[d.rows() * k];
        for (int i = 0; i < d.rows(); i++) {
            for (int j = 0; j < k; j++) out[i * k + j] = d.columns().get(j)[i];
        }
        return out;
    }

    private static double number(Map<String, Object> kw, String name, String alias, double fallback) {
        Object v = kw.containsKey(name) ? kw.get(name) : kw.get(alias);
        return v == null ? fallback : PlotData.number(v, name);
    }

    static String lineStyle(Object v) {
        String s = v == null ? "None" : v.toString();
        return switch (s) {
            case "-", "solid" -> "-";
            case "--", "dashed" -> "--";
            case ":", "dotted" -> ":";
            case "-.", "dashdot" -> "-.";
            case "None", "none", "", " " -> "";
            default -> throw new TdlError(ErrorKind.VALUE_ERROR, "'" + s + "' is not a valid value for linestyle",
                    "use '-', '--', ':', '-.' or 'None'");
        };
    }

    static char marker(Object v) {
        String s = v == null ? "None" : v.toString();
        if (s.equals("None") || s.equals("none") || s.isEmpty() || s.equals(" ")) return 0;
        if (s.length() == 1 && FormatSpec.MARKERS.indexOf(s.charAt(0)) >= 0) return s.charAt(0);
        throw new TdlError(ErrorKind.VALUE_ERROR, "Unrecognized marker style '" + s + "'",
                "markers: " + String.join(" ", FormatSpec.MARKERS.split("")));
    }
}
