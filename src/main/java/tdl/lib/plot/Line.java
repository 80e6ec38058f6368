package tdl.lib.plot;

import java.awt.Color;

/**
 * One plotted series (matplotlib's Line2D): its points and how it is drawn. Sizes are in points
 * (1/72 inch), as in matplotlib.
 *
 * @param label      legend text, or null (labels starting with '_' are kept out of the legend too)
 * @param lineStyle  {@code - -- : -.} or "" for markers only
 * @param marker     a {@link FormatSpec#MARKERS} character or 0
 */
public record Line(String label, double[] x, double[] y, Color color, String lineStyle, char marker,
                   double lineWidth, double markerSize, double alpha) {

    public boolean inLegend() {
        return label != null && !label.startsWith("_");
    }

    public Line withLabel(String newLabel) {
        return new Line(newLabel, x, y, color, lineStyle, marker, lineWidth, markerSize, alpha);
    }

    @Override
    public String toString() {
        return "Line2D(" + (label == null ? "_line" : label) + ")";
    }
}
