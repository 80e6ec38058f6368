package tdl.lib.plot;

import tdl.vocab.ErrorKind;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ui.RectangleAnchor;
import tdl.syntax.TdlError;

/** matplotlib's legend locations, and 'best': the corner that covers the fewest data points. */
final class LegendPlacement {
    private LegendPlacement() {}

    /** Where the legend box is pinned, in axes-relative coordinates (0,0 = bottom left). */
    record Spot(double x, double y, RectangleAnchor anchor) {}

    private static final double PAD = 0.02;
    private static final List<String> CODES = List.of("best", "upper right", "upper left", "lower left",
            "lower right", "right", "center left", "center right", "lower center", "upper center", "center");
    private static final Map<String, Spot> SPOTS = Map.ofEntries(
            Map.entry("upper right", new Spot(1 - PAD, 1 - PAD, RectangleAnchor.TOP_RIGHT)),
            Map.entry("upper left", new Spot(PAD, 1 - PAD, RectangleAnchor.TOP_LEFT)),
            Map.entry("lower left", new Spot(PAD, PAD, RectangleAnchor.BOTTOM_LEFT)),
            Map.entry("lower right", new Spot(1 - PAD, PAD, RectangleAnchor.BOTTOM_RIGHT)),
            Map.entry("right", new Spot(1 - PAD, 0.5, RectangleAnchor.RIGHT)),
            Map.entry("center left", new Spot(PAD, 0.5, RectangleAnchor.LEFT)),
            Map.entry("center right", new Spot(1 - PAD, 0.5, RectangleAnchor.RIGHT)),
            Map.entry("lower center", new Spot(0.5, PAD, RectangleAnchor.BOTTOM)),
            Map.entry("upper center", new Spot(0.5, 1 - PAD, RectangleAnchor.TOP)),
            Map.entry("center", new Spot(0.5, 0.5, RectangleAnchor.CENTER)));

    /** A loc= value (string or matplotlib's number code) as its canonical name. */
    static String normalize(Object loc) {
        if (loc == null) return "best";
        if (loc instanceof Long n && n >= 0 && n < CODES.size()) return CODES.get(n.intValue());
        if (loc instanceof String s && CODES.contains(s)) return s;
        throw new TdlError(ErrorKind.VALUE_ERROR, loc + " is not a valid value for loc",
                "supported values are " + String.join(", ", CODES.stream().map(c -> "'" + c + "'").toList())
                        + " or a number 0-10");
    }

    static Spot spot(String loc) {
        return SPOTS.get(loc);
    }

    static String best(Ranges r, List<Line> lines) {
        String[] corners = {"upper right", "upper left", "lower left", "lower right"};
        int[] hits = new int[4];
        for (Line line : lines) {
            int n = line.x().length;
            // sample along segments too, so a line crossing a corner counts even between its points
            int steps = line.lineStyle().isEmpty() || n > 2000 ? 1 : 8;
            for (int j = 0; j < n; j++) {
                for (int s = 0; s < steps; s++) {
                    double t = (double) s / steps;
                    if (s > 0 && j + 1 >= n) break;
                    double x = s == 0 ? line.x()[j] : line.x()[j] + t * (line.x()[j + 1] - line.x()[j]);
                    double y = s == 0 ? line.y()[j] : line.y()[j] + t * (line.y()[j + 1] - line.y()[j]);
                    double u = (x - r.xlo()) / (r.xhi() - r.xlo());
                    double v = (y - r.ylo()) / (r.yhi() - r.ylo());
                    if (!(u >= 0 && u <= 1 && v >= 0 && v <= 1)) continue;
                    boolean right = u > 0.6;
                    boolean left = u < 0.4;
                    boolean top = v > 0.6;
                    boolean bottom = v < 0.4;
                    if (top && right) hits[0]++;
                    if (top && left) hits[1]++;
                    if (bottom && left) hits[2]++;
                    if (bottom && right) hits[3]++;
                }
            }
        }
        int bestCorner = 0;
        for (int i = 1; i < 4; i++) if (hits[i] < hits[bestCorner]) bestCorner = i;
        return corners[bestCorner];
    }
}
