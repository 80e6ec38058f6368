package tdl.lib.plot;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.graph.NDArray;
import tdl.interp.TdlModule;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;

class PyplotTest {
    @TempDir
    Path dir;

    private static List<Object> list(double... v) {
        List<Object> l = new ArrayList<>();
        for (double d : v) l.add(d);
        return l;
    }

    private static boolean near(int rgb, Color c) {
        Color p = new Color(rgb);
        return Math.abs(p.getRed() - c.getRed()) < 40 && Math.abs(p.getGreen() - c.getGreen()) < 40
                && Math.abs(p.getBlue() - c.getBlue()) < 40;
    }

    private static int count(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if (near(img.getRGB(x, y), c)) n++;
        }
        return n;
    }

    @Test
    void savefigWritesA640x480PngWithTheLineAndTheMarkers() throws IOException {
        FakeRuntime rt = new FakeRuntime(dir);
        rt.plt("plot", list(0, 1, 2, 3), list(0, 1, 4, 9));
        rt.plt("plot", list(0, 1, 2, 3), list(9, 4, 1, 0), "r+");
        rt.plt("title", "squares");
        rt.plt("savefig", "out.png");

        BufferedImage img = ImageIO.read(dir.resolve("out.png").toFile());
        assertNotNull(img, "ImageIO can read the file");
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        assertTrue(near(img.getRGB(2, 2), Color.WHITE), "white background");
        assertTrue(count(img, Colors.CYCLE.get(0)) > 200, "the first line is drawn in tab10 blue");
        assertTrue(count(img, Color.RED) > 20, "the '+' markers are drawn in red");
        Set<Integer> distinct = new HashSet<>();
        for (int y = 0; y < 480; y += 2) for (int x = 0; x < 640; x += 2) distinct.add(img.getRGB(x, y));
        assertTrue(distinct.size() > 5, "not blank: " + distinct.size() + " colours");
    }

    /** The pixel of a data point, from where the chart put its data area. */
    private static int[] pixel(Figure f, Rectangle2D area, double x, double y) {
        Ranges r = Ranges.of(f);
        double scale = f.dpi / 72;
        double px = area.getX() + (x - r.xlo()) / (r.xhi() - r.xlo()) * area.getWidth();
        double py = area.getMaxY() - (y - r.ylo()) / (r.yhi() - r.ylo()) * area.getHeight();
        return new int[] {(int) Math.round(px * scale), (int) Math.round(py * scale)};
    }

    private static boolean redNear(BufferedImage img, int[] p) {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) if (near(img.getRGB(p[0] + dx, p[1] + dy), Color.RED)) return true;
        }
        return false;
    }

    @Test
    void aMarkerFormatDrawsNoLineBetweenPoints() {
        for (String fmt : List.of("r+", "r+-")) {
            FakeRuntime rt = new FakeRuntime(dir);
            rt.plt("plot", list(0, 1, 2), list(0, 0, 0), fmt);
            rt.plt("plot", list(0, 2), list(-1, 1));
            Figure f = (Figure) rt.plt("gcf");
            ChartRenderingInfo info = new ChartRenderingInfo();
            BufferedImage img = FigureRenderer.chart(f).createBufferedImage(640, 480, 6.4 * 72, 4.8 * 72, info);
            Rectangle2D area = info.getPlotInfo().getDataArea();
            assertTrue(redNear(img, pixel(f, area, 1, 0)), fmt + ": a marker at a data point");
            assertEquals(fmt.endsWith("-"), redNear(img, pixel(f, area, 0.5, 0)), fmt + ": line between the points");
        }
    }

    @Test
    void showSavesEachOpenFigureAndClosesIt() {
        FakeRuntime rt = new FakeRuntime(dir);
        rt.plt("plot", list(1, 3, 2));
        rt.plt("show");
        Path first = dir.resolve("figure_1.png");
        assertTrue(Files.isRegularFile(first));
        assertEquals("saved figure to " + first + System.lineSeparator(), rt.outText());
        rt.plt("show");
        assertFalse(Files.exists(dir.resolve("figure_2.png")), "show() closed the figure it saved");
        rt.plt("plot", list(1, 2));
        rt.plt("show");
        assertTrue(Files.isRegularFile(dir.resolve("figure_2.png")), "a later show() does not overwrite the first");
    }

    @Test
    void figsizeAndDpiSetThePixelSize() throws IOException {
        FakeRuntime rt = new FakeRuntime(dir);
        rt.plt("figure", List.of(), Map.of("figsize", TdlTuple.of(4L, 3L)));
        rt.plt("plot", list(1, 2));
        rt.plt("savefig", List.of("small"), Map.of());
        rt.plt("savefig", List.of("big.png"), Map.of("dpi", 200L));
        BufferedImage small = ImageIO.read(dir.resolve("small.png").toFile());
        assertEquals(400, small.getWidth());
        assertEquals(300, small.getHeight());
        assertEquals(800, ImageIO.read(dir.resolve("big.png").toFile()).getWidth());
    }

    @Test
    void hostArraysPlotLikeMatplotlib() {
        FakeRuntime rt = new FakeRuntime(dir);
        Figure f = (Figure) rt.plt("gcf");
        // (3, 2): two lines of three points against x = 0, 1, 2
        rt.plt("plot", NDArray.of(new double[] {1, 10, 2, 20, 3, 30}, 3, 2));
        assertEquals(2, f.lines().size());
        assertEquals(List.of(0.0, 1.0, 2.0), boxed(f.lines().get(0).x()));
        assertEquals(List.of(10.0, 20.0, 30.0), boxed(f.lines().get(1).y()));
        assertTrue(!f.lines().get(0).color().equals(f.lines().get(1).color()), "each line takes the next cycle colour");
        // (1, 4) and (4, 1): one line of four points
        rt.plt("clf");
        rt.plt("plot", NDArray.of(new double[] {1, 2, 3, 4}, 1, 4), NDArray.of(new double[] {5, 6, 7, 8}, 4, 1));
        assertEquals(1, f.lines().size());
        assertEquals(List.of(5.0, 6.0, 7.0, 8.0), boxed(f.lines().get(0).y()));
    }

    @Test
    void mismatchedLengthsNameBothShapes() {
        FakeRuntime rt = new FakeRuntime(dir);
        TdlError e = assertThrows(TdlError.class, () -> rt.plt("plot", list(1, 2, 3), list(1, 2, 3, 4)));
        assertEquals(ErrorKind.VALUE_ERROR, e.kind());
        assertTrue(e.getMessage().contains("(3,) and (4,)"), e.getMessage());
    }

    @Test
    void onlyPngCanBeSaved() {
        FakeRuntime rt = new FakeRuntime(dir);
        rt.plt("plot", list(1, 2));
        TdlError e = assertThrows(TdlError.class, () -> rt.plt("savefig", "x.pdf"));
        assertEquals(ErrorKind.VALUE_ERROR, e.kind());
        assertFalse(Files.exists(dir.resolve("x.pdf")));
    }

    @Test
    void legendTakesLabelsAndRejectsUnknownLocations() {
        FakeRuntime rt = new FakeRuntime(dir);
        rt.plt("plot", List.of(list(1, 2)), Map.of("label", "train"));
        rt.plt("plot", list(2, 1));
        rt.plt("legend", List.of(), Map.of("loc", "lower left"));
        Figure f = (Figure) rt.plt("gcf");
        assertEquals("train", f.lines().get(0).label());
        assertFalse(f.lines().get(1).inLegend());
        rt.plt("legend", List.of(List.of("a", "b")), Map.of());
        assertEquals("b", f.lines().get(1).label());
        assertEquals(ErrorKind.VALUE_ERROR, assertThrows(TdlError.class,
                () -> rt.plt("legend", List.of(), Map.of("loc", "upper middle"))).kind());
    }

    @Test
    void modulesAndGlobalAreRegisteredAndStateIsPerSession() {
        FakeRuntime a = new FakeRuntime(dir);
        FakeRuntime b = new FakeRuntime(dir);
        TdlModule pyplot = a.modules.get("matplotlib.pyplot");
        assertNotNull(pyplot);
        assertSame(pyplot, a.modules.get("matplotlib").members().get("pyplot"));
        assertSame(pyplot, a.globals.get("plt"));
        assertInstanceOf(tdl.interp.TdlCallable.class, a.modules.get("matplotlib").members().get("use"));
        a.plt("plot", list(1, 2));
        assertEquals(1, ((Figure) a.plt("gcf")).lines().size());
        assertEquals(0, ((Figure) b.plt("gcf")).lines().size(), "another session has its own figures");
    }

    private static List<Double> boxed(double[] v) {
        List<Double> l = new ArrayList<>();
        for (double d : v) l.add(d);
        return l;
    }
}
