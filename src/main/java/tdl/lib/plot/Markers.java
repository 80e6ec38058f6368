package tdl.lib.plot;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** Marker shapes centred on the data point, sized in points like matplotlib's markersize. */
final class Markers {
    private Markers() {}

    /** Markers drawn as strokes only ('+', 'x', '|', '_'); the rest are filled. */
    static boolean isStroked(char marker) {
        return "+x|_".indexOf(marker) >= 0;
    }

    static Shape shape(char marker, double size) {
        double r = size / 2;
        switch (marker) {
            case 'o': return new Ellipse2D.Double(-r, -r, size, size);
            case '.': return new Ellipse2D.Double(-r / 2, -r / 2, r, r);
            case ',': return new Rectangle2D.Double(-0.5, -0.5, 1, 1);
            case 's': return new Rectangle2D.Double(-r * 0.85, -r * 0.85, r * 1.7, r * 1.7);
            case '+': return polyline(new double[][] {{-r, 0, r, 0}, {0, -r, 0, r}});
            case 'x': return polyline(new double[][] {{-r * 0.8, -r * 0.8, r * 0.8, r * 0.8}, {-r * 0.8, r * 0.8, r * 0.8, -r * 0.8}});
            case '|': return polyline(new double[][] {{0, -r, 0, r}});
            case '_': return polyline(new double[][] {{-r, 0, r, 0}});
            case '^': return polygon(new double[] {0, -r, r, r * 0.8, -r, r * 0.8});
            case 'v': return polygon(new double[] {0, r, r, -r * 0.8, -r, -r * 0.8});
            case '<': return polygon(new double[] {-r, 0, r * 0.8, -r, r * 0.8, r});
            case '>': return polygon(new double[] {r, 0, -r * 0.8, -r, -r * 0.8, r});
            case 'D': return polygon(new double[] {0, -r, r, 0, 0, r, -r, 0});
            case 'd': return polygon(new double[] {0, -r, r * 0.6, 0, 0, r, -r * 0.6, 0});
            case '*': return star(5, r * 1.2, r * 0.5);
            case 'p': return star(5, r, r * 0.81);
            case 'h': return star(3, r, r);
            default: return new Ellipse2D.Double(-r, -r, size, size);
        }
    }

    private static Shape polyline(double[][] segments) {
        Path2D.Double p = new Path2D.Double();
        for (double[] s : segments) {
            p.moveTo(s[0], s[1]);
            p.lineTo(s[2], s[3]);
        }
        return p;
    }

    private static Shape polygon(double[] xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) p.lineTo(xy[i], xy[i + 1]);
        p.closePath();
        return p;
    }

    /** A star (or, with equal radii, a regular polygon) with {@code points} tips, one pointing up. */
    private static Shape star(int points, double outer, double inner) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < 2 * points; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / points;
            if (i == 0) p.moveTo(r * Math.cos(a), r * Math.sin(a));
            else p.lineTo(r * Math.cos(a), r * Math.sin(a));
        }
        p.closePath();
        return p;
    }
}
