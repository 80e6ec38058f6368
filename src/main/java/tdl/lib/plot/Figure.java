package tdl.lib.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * One figure with one set of axes: everything pyplot calls have said about it so far. Rendering
 * is {@link FigureRenderer}'s job; this class only records.
 */
public final class Figure {
    /** matplotlib's defaults: 6.4 x 4.8 inches at 100 dpi = 640 x 480 pixels. */
    static final double DEFAULT_WIDTH_IN = 6.4;
    static final double DEFAULT_HEIGHT_IN = 4.8;
    static final double DEFAULT_DPI = 100;

    /** A legend request: where, and optional labels given to legend() itself. */
    record Legend(String loc, List<String> labels) {}

    private final int number;
    double widthIn = DEFAULT_WIDTH_IN;
    double heightIn = DEFAULT_HEIGHT_IN;
    double dpi = DEFAULT_DPI;
    final List<Line> lines = new ArrayList<>();
    String title;
    String xlabel;
    String ylabel;
    Legend legend;
    boolean gridX;
    boolean gridY;
    Double xmin;
    Double xmax;
    Double ymin;
    Double ymax;
    boolean axisOff;
    boolean logX;
    boolean logY;
    private int nextColor;

    Figure(int number) {
        this.number = number;
    }

    public int number() { return number; }

    public List<Line> lines() { return List.copyOf(lines); }

    public int widthPixels() { return (int) Math.round(widthIn * dpi); }

    public int heightPixels() { return (int) Math.round(heightIn * dpi); }

    /** The next colour of the axes' property cycle. */
    Color nextCycleColor() {
        return Colors.CYCLE.get(nextColor++ % Colors.CYCLE.size());
    }

    /** clf(): back to an empty figure of the same size. */
    void clear() {
        lines.clear();
        title = xlabel = ylabel = null;
        legend = null;
        gridX = gridY = false;
        xmin = xmax = ymin = ymax = null;
        axisOff = logX = logY = false;
        nextColor = 0;
    }

    @Override
    public String toString() {
        return "<Figure size " + widthPixels() + "x" + heightPixels() + " with "
                + (lines.isEmpty() && title == null ? 0 : 1) + " Axes>";
    }
}
