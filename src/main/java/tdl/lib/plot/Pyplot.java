package tdl.lib.plot;

import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.interp.TdlTuple;
import tdl.lib.display.Display;
import tdl.syntax.TdlError;

/**
 * The {@code matplotlib.pyplot} module: a state machine over the session's figures. show() hands
 * each open figure to the session's {@link Display} (PNG files, or a notebook's output).
 */
public final class Pyplot {
    private Pyplot() {}

    /** Builds the module's member table. */
    static TdlModule module() {
        TdlModule m = new TdlModule("matplotlib.pyplot");
        m.put("figure", fn(Pyplot::figure));
        m.put("gcf", fn((rt, a) -> state(rt).current()));
        m.put("plot", fn((rt, a) -> LineBuilder.plot(rt, state(rt).current(), a)));
        m.put("scatter", fn((rt, a) -> LineBuilder.scatter(rt, state(rt).current(), a)));
        m.put("title", fn((rt, a) -> { state(rt).current().title = text(rt, a, "label"); return null; }));
        m.put("xlabel", fn((rt, a) -> { state(rt).current().xlabel = text(rt, a, "xlabel"); return null; }));
        m.put("ylabel", fn((rt, a) -> { state(rt).current().ylabel = text(rt, a, "ylabel"); return null; }));
        m.put("legend", fn(Pyplot::legend));
        m.put("grid", fn(Pyplot::grid));
        m.put("xlim", fn((rt, a) -> limits(rt, a, true)));
        m.put("ylim", fn((rt, a) -> limits(rt, a, false)));
        m.put("axis", fn(Pyplot::axis));
        m.put("xscale", fn((rt, a) -> { state(rt).current().logX = scale(a); return null; }));
        m.put("yscale", fn((rt, a) -> { state(rt).current().logY = scale(a); return null; }));
        m.put("clf", fn((rt, a) -> { state(rt).current().clear(); return null; }));
        m.put("cla", fn((rt, a) -> { state(rt).current().clear(); return null; }));
        m.put("close", fn(Pyplot::close));
        m.put("savefig", fn((rt, a) -> savefig(rt, state(rt).current(), a)));
        m.put("show", fn(Pyplot::show));
        // layout and interactivity switches mean nothing without a window
        for (String noop : List.of("tight_layout", "ion", "ioff", "pause", "draw")) m.put(noop, fn((rt, a) -> null));
        return m;
    }

    private static TdlCallable fn(TdlCallable c) { return c; }

    static PlotState state(Runtime rt) {
        return rt.sessionState(PlotState.class, PlotState::new);
    }

    private static Object figure(Runtime rt, Args a) {
        warnIgnored(rt, "figure", a.keywords(), List.of("num", "figsize", "dpi"));
        Object num = a.get(0, "num", null);
        PlotState st = state(rt);
        Figure f;
        if (num == null || num instanceof String) f = st.open(null);
        else if (num instanceof Figure existing) f = st.open(existing.number());
        else f = st.open((int) PlotData.number(num, "num"));
        Object size = a.keywords().get("figsize");
        if (size != null) {
            PlotData wh = PlotData.of(rt, size, "figsize");
            double[] v = wh.columns().get(0);
            if (v.length != 2 || !(v[0] > 0) || !(v[1] > 0)) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "figsize must be (width, height) in inches, both positive");
            }
            f.widthIn = v[0];
            f.heightIn = v[1];
        }
        Object dpi = a.keywords().get("dpi");
        if (dpi != null) f.dpi = positive(dpi, "dpi");
        return f;
    }

    private static String text(Runtime rt, Args a, String name) {
        Object v = a.get(0, name);
        return v == null ? null : rt.str(v);
    }

    private static Object legend(Runtime rt, Args a) {
        Figure f = state(rt).current();
        List<Object> pos = a.positional();
        Object labels = pos.isEmpty() ? a.keywords().get("labels") : pos.get(pos.size() - 1);
        if (labels != null) {
            List<Object> names = Sequences.items(labels) == null ? null : new ArrayList<>(Sequences.items(labels));
            if (names == null) throw new TdlError(ErrorKind.TYPE_ERROR, "legend() labels must be a list of strings");
            for (int i = 0; i < names.size() && i < f.lines.size(); i++) {
                f.lines.set(i, f.lines.get(i).withLabel(rt.str(names.get(i))));
            }
        }
        if (f.lines.stream().noneMatch(Line::inLegend)) {
            warnOnce(rt, "legend-empty", "warning: No artists with labels found to put in legend."
                    + "  Note that artists whose label start with an underscore are ignored when legend() is called with no argument.");
        }
        f.legend = new Figure.Legend(LegendPlacement.normalize(a.keywords().get("loc")), null);
        return null;
    }

    private static Object grid(Runtime rt, Args a) {
        Figure f = state(rt).current();
        Object b = a.has(0, "visible") ? a.get(0, "visible") : a.keywords().get("b");
        String which = String.valueOf(a.keywords().getOrDefault("axis", "both"));
        boolean x = which.equals("both") || which.equals("x");
        boolean y = which.equals("both") || which.equals("y");
        boolean styled = a.keywords().keySet().stream().anyMatch(k -> !List.of("visible", "b", "axis", "which").contains(k));
        boolean on = b != null ? rt.truth(b) : styled || !((x && f.gridX) || (y && f.gridY));
        if (x) f.gridX = on;
        if (y) f.gridY = on;
        return null;
    }

    /** xlim()/ylim(): sets either side (positional pair, a tuple, or left=/right=, bottom=/top=) and returns the limits. */
    private static Object limits(Runtime rt, Args a, boolean xAxis) {
        Figure f = state(rt).current();
        String lo = xAxis ? "left" : "bottom";
        String hi = xAxis ? "right" : "top";
        List<Object> pos = a.positional();
        Object first = pos.isEmpty() ? null : pos.get(0);
        Object low = a.keywords().getOrDefault(lo, a.keywords().get(xAxis ? "xmin" : "ymin"));
        Object high = a.keywords().getOrDefault(hi, a.keywords().get(xAxis ? "xmax" : "ymax"));
        if (Sequences.isListOrTuple(first)) {
            List<Object> pair = first instanceof TdlTuple t ? t.items() : new ArrayList<>((List<?>) first);
            if (pair.size() != 2) throw new TdlError(ErrorKind.VALUE_ERROR, (xAxis ? "xlim" : "ylim") + "() takes a (low, high) pair");
            low = pair.get(0);
            high = pair.get(1);
        } else if (!pos.isEmpty()) {
            low = first;
            if (pos.size() > 1) high = pos.get(1);
        }
        if (xAxis) {
            if (low != null) f.xmin = PlotData.number(low, lo);
            if (high != null) f.xmax = PlotData.number(high, hi);
        } else {
            if (low != null) f.ymin = PlotData.number(low, lo);
            if (high != null) f.ymax = PlotData.number(high, hi);
        }
        Ranges r = Ranges.of(f);
        return xAxis ? TdlTuple.of(r.xlo(), r.xhi()) : TdlTuple.of(r.ylo(), r.yhi());
    }

    private static Object axis(Runtime rt, Args a) {
        Figure f = state(rt).current();
        Object arg = a.positional().isEmpty() ? null : a.positional().get(0);
        if (arg instanceof String s) {
            switch (s) {
                case "off" -> f.axisOff = true;
                case "on" -> f.axisOff = false;
                case "equal", "scaled", "square", "image", "tight", "auto", "normal" -> { }
                default -> throw new TdlError(ErrorKind.VALUE_ERROR, "Unrecognized string '" + s + "' to axis; try 'on' or 'off'");
            }
        } else if (arg != null) {
            double[] v = PlotData.of(rt, arg, "axis").columns().get(0);
            if (v.length != 4) throw new TdlError(ErrorKind.TYPE_ERROR, "axis() takes [xmin, xmax, ymin, ymax]");
            f.xmin = v[0];
            f.xmax = v[1];
            f.ymin = v[2];
            f.ymax = v[3];
        }
        Ranges r = Ranges.of(f);
        return TdlTuple.of(r.xlo(), r.xhi(), r.ylo(), r.yhi());
    }

    private static boolean scale(Args a) {
        Object s = a.get(0, "value");
        if ("log".equals(s)) return true;
        if ("linear".equals(s)) return false;
        throw new TdlError(ErrorKind.VALUE_ERROR, "Unknown scale " + s, "use 'linear' or 'log'");
    }

    private static Object close(Runtime rt, Args a) {
        PlotState st = state(rt);
        Object which = a.get(0, "fig", null);
        if (which == null) {
            if (st.current != null) st.close(st.current);
        } else if ("all".equals(which)) {
            st.closeAll();
        } else if (which instanceof Figure f) {
            st.close(f);
        } else if (which instanceof Long n) {
            Figure f = st.figures.get(tdl.interp.Ints.toInt(n));
            if (f != null) st.close(f);
        } else {
            throw new TdlError(ErrorKind.TYPE_ERROR, "close() takes None, 'all', a figure number or a Figure");
        }
        return null;
    }

    /** savefig(fname, dpi=None): PNG only; a name without an extension gets ".png". */
    static Object savefig(Runtime rt, Figure f, Args a) {
        warnIgnored(rt, "savefig", a.keywords(), List.of("fname", "dpi", "format"));
        String name = rt.str(a.get(0, "fname"));
        Object format = a.keywords().get("format");
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
        if (format != null && !"png".equalsIgnoreCase(String.valueOf(format))
                || !ext.isEmpty() && !ext.equals("png") && format == null) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "Format '" + (format != null ? format : ext) + "' is not supported (supported formats: png)",
                    "save as .png");
        }
        if (ext.isEmpty()) name += ".png";
        Object dpi = a.keywords().get("dpi");
        write(rt, f, rt.resolvePath(name, true), dpi == null ? f.dpi : positive(dpi, "dpi"));
        return null;
    }

    /**
     * show(): sends every open figure to the session's display and closes it. Without a screen that
     * saves figure_N.png; in a notebook the figure appears below the cell.
     */
    private static Object show(Runtime rt, Args a) {
        showOpenFigures(rt);
        return null;
    }

    /** What show() does; a notebook also does it at the end of each cell, as IPython's inline backend. */
    public static void showOpenFigures(Runtime rt) {
        PlotState st = state(rt);
        Display display = Display.of(rt);
        for (Figure f : List.copyOf(st.figures.values())) {
            display.sink().picture(FigureRenderer.render(f, f.dpi), "figure", f.toString());
        }
        st.closeAll();
    }

    private static void write(Runtime rt, Figure f, Path path, double dpi) {
        try {
            FigureRenderer.savePng(f, path, dpi);
        } catch (IOException e) {
            throw new TdlError(ErrorKind.OS_ERROR, "cannot write figure to '" + path + "': " + e.getMessage(),
                    "check that the directory exists and is writable");
        }
    }

    private static double positive(Object v, String what) {
        double d = PlotData.number(v, what);
        if (!(d > 0) || d > 2000) throw new TdlError(ErrorKind.VALUE_ERROR, what + " must be between 0 and 2000, got " + d);
        return d;
    }

    /** Cosmetic matplotlib keywords we do not draw are accepted with one warning, so ported scripts still run. */
    static void warnIgnored(Runtime rt, String fn, Map<String, Object> kw, Collection<String> known) {
        for (String k : kw.keySet()) {
            if (!known.contains(k)) warnOnce(rt, fn + ":" + k, "warning: plt." + fn + "() ignores keyword '" + k + "'");
        }
    }

    static void warnOnce(Runtime rt, String key, String message) {
        if (state(rt).warned.add(key)) rt.err().println(message);
    }
}
