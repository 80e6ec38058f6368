package tdl.kernel;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * The kernel's logo, drawn rather than shipped: a small graph (two inputs feeding one node, as a
 * Theano graph is drawn) in white on a rounded blue square.
 */
final class Logo {
    private static final Color BACKGROUND = new Color(0x1f, 0x4e, 0x79);
    private static final Color NODE = new Color(0xff, 0xb0, 0x3b);

    private Logo() {}

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double s = size;
            g.setColor(BACKGROUND);
            g.fill(new RoundRectangle2D.Double(0, 0, s, s, s * 0.3, s * 0.3));
            double r = s * 0.11;
            double[][] inputs = {{s * 0.27, s * 0.28}, {s * 0.73, s * 0.28}};
            double[] out = {s * 0.5, s * 0.72};
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke((float) Math.max(1.5, s * 0.06), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (double[] in : inputs) g.draw(new Line2D.Double(in[0], in[1], out[0], out[1]));
            for (double[] in : inputs) dot(g, in, r, Color.WHITE);
            dot(g, out, r * 1.35, NODE);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void dot(Graphics2D g, double[] c, double r, Color color) {
        g.setColor(color);
        g.fill(new java.awt.geom.Ellipse2D.Double(c[0] - r, c[1] - r, 2 * r, 2 * r));
    }
}
