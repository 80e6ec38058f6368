package tdl.lib.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a {@link Figure} with JFreeChart in matplotlib's default look: white background, a black
 * box around the axes, tab10 colours, sizes in points. The chart is laid out in points and scaled
 * to the pixel size, so a higher dpi gives a sharper picture of the same figure, as in matplotlib.
 */
final class FigureRenderer {
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Color GRID = new Color(0xb0b0b0);
    private static final double MARGIN = 0.05;

    private FigureRenderer() {}

    /** Writes the figure as a PNG of widthIn*dpi x heightIn*dpi pixels. */
    static void savePng(Figure f, Path path, double dpi) throws IOException {
        BufferedImage image = render(f, dpi);
        try (OutputStream os = Files.newOutputStream(path)) {
            ChartUtils.writeBufferedImageAsPNG(os, image);
        }
    }

    static BufferedImage render(Figure f, double dpi) {
        int w = (int) Math.round(f.widthIn * dpi);
        int h = (int) Math.round(f.heightIn * dpi);
        return chart(f).createBufferedImage(w, h, f.widthIn * 72, f.heightIn * 72, null);
    }

    static JFreeChart chart(Figure f) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(false);
        renderer.setUseFillPaint(false);
        // one path per line, so dash patterns run on across points and NaN leaves a gap
        renderer.setDrawSeriesLineAsPath(true);
        List<Line> lines = f.lines;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            XYSeries s = new XYSeries(new SeriesKey(i, line.label()), false, true);
            for (int j = 0; j < line.x().length; j++) {
                double y = line.y()[j];
                s.add(line.x()[j], Double.isFinite(y) ? y : Double.NaN);
            }
            data.addSeries(s);
            style(renderer, i, line);
        }
        ValueAxis x = axis(f.xlabel, f.logX);
        ValueAxis y = axis(f.ylabel, f.logY);
        Ranges r = Ranges.of(f);
        setRange(x, r.xlo(), r.xhi());
        setRange(y, r.ylo(), r.yhi());

        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.BLACK);
        plot.setOutlineStroke(new BasicStroke(0.8f));
        plot.setOutlineVisible(!f.axisOff);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(4, 4, 4, 14));
        plot.setDomainGridlinesVisible(f.gridX);
        plot.setRangeGridlinesVisible(f.gridY);
        for (boolean domain : new boolean[] {true, false}) {
            if (domain) {
                plot.setDomainGridlinePaint(GRID);
                plot.setDomainGridlineStroke(new BasicStroke(0.8f));
            } else {
                plot.setRangeGridlinePaint(GRID);
                plot.setRangeGridlineStroke(new BasicStroke(0.8f));
            }
        }
        plot.setDomainMinorGridlinesVisible(false);
        plot.setRangeMinorGridlinesVisible(false);
        if (f.legend != null && lines.stream().anyMatch(Line::inLegend)) {
            plot.addAnnotation(legend(renderer, f.legend.loc(), r, lines));
        }

        JFreeChart chart = new JFreeChart(f.title, TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 6));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    private static void style(XYLineAndShapeRenderer r, int i, Line line) {
        Color c = line.color();
        if (line.alpha() < 1) c = new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(line.alpha() * c.getAlpha()));
        r.setSeriesPaint(i, c);
        r.setSeriesStroke(i, stroke(line.lineStyle(), (float) line.lineWidth()));
        r.setSeriesLinesVisible(i, !line.lineStyle().isEmpty());
        boolean marker = line.marker() != 0;
        r.setSeriesShapesVisible(i, marker);
        if (marker) {
            boolean stroked = Markers.isStroked(line.marker());
            r.setSeriesShape(i, Markers.shape(line.marker(), line.markerSize()));
            r.setSeriesShapesFilled(i, !stroked);
            r.setSeriesOutlineStroke(i, new BasicStroke(stroked ? (float) Math.max(1.0, line.lineWidth() * 0.67) : 0.5f));
        }
        r.setSeriesVisibleInLegend(i, line.inLegend());
    }

    static Stroke stroke(String style, float lw) {
        float[] dash = switch (style) {
            case "--" -> new float[] {3.7f * lw, 1.6f * lw};
            case ":" -> new float[] {lw, 1.65f * lw};
            case "-." -> new float[] {6.4f * lw, 1.6f * lw, lw, 1.6f * lw};
            default -> null;
        };
        return dash == null
                ? new BasicStroke(lw, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_ROUND)
                : new BasicStroke(lw, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    private static ValueAxis axis(String label, boolean log) {
        ValueAxis a = log ? new LogAxis(label) : new NumberAxis(label);
        if (a instanceof NumberAxis n) n.setAutoRangeIncludesZero(false);
        a.setLabelFont(LABEL_FONT);
        a.setTickLabelFont(LABEL_FONT);
        a.setLabelPaint(Color.BLACK);
        a.setTickLabelPaint(Color.BLACK);
        a.setAxisLineVisible(false);
        a.setTickMarkPaint(Color.BLACK);
        a.setTickMarkStroke(new BasicStroke(0.8f));
        a.setTickMarkInsideLength(0f);
        a.setTickMarkOutsideLength(3.5f);
        a.setLowerMargin(MARGIN);
        a.setUpperMargin(MARGIN);
        return a;
    }

    private static void setRange(ValueAxis a, double lo, double hi) {
        if (lo > hi) {
            a.setInverted(true);
            a.setRange(hi, lo);
        } else {
            a.setRange(lo, hi);
        }
    }

    private static XYTitleAnnotation legend(XYLineAndShapeRenderer renderer, String loc, Ranges r, List<Line> lines) {
        // one entry per row, as matplotlib stacks them
        LegendTitle legend = new LegendTitle(renderer, new ColumnArrangement(), new ColumnArrangement());
        legend.setItemFont(LABEL_FONT);
        legend.setBackgroundPaint(new Color(255, 255, 255, 204));
        legend.setFrame(new BlockBorder(new Color(0xcccccc)));
        legend.setMargin(new RectangleInsets(2, 2, 2, 2));
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 4));
        legend.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        String where = loc.equals("best") ? LegendPlacement.best(r, lines) : loc;
        LegendPlacement.Spot s = LegendPlacement.spot(where);
        return new XYTitleAnnotation(s.x(), s.y(), legend, s.anchor());
    }

    /** Series keys must be unique and comparable; the legend shows toString(). */
    private record SeriesKey(int index, String label) implements Comparable<SeriesKey> {
        @Override
        public int compareTo(SeriesKey o) { return Integer.compare(index, o.index); }

        @Override
        public String toString() { return label == null ? "_line" + index : label; }
    }
}
