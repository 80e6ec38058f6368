package tdl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.interp.DisplaySink;

/** The session's display: PNG files by default, any sink a front door sets (the Jupyter kernel's). */
class DisplayTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Session session() {
        return new Session(SessionOptions.defaults().withWorkingDir(dir)
                .withOut(new PrintStream(out, true, StandardCharsets.UTF_8))
                .withErr(new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    /** What a sink was sent, in order. */
    private static final class Recorder implements DisplaySink {
        final List<BufferedImage> images = new ArrayList<>();
        final List<String> shown = new ArrayList<>();
        final Map<Object, String> lines = new LinkedHashMap<>();
        boolean live;
        boolean canRedraw;

        @Override public void picture(BufferedImage image, String kind, String text) {
            images.add(image);
            shown.add(kind + ": " + text);
        }

        @Override public void text(String text) { shown.add("text: " + text); }

        @Override public boolean live() { return live; }

        @Override public boolean redraw(Object key, String text) {
            if (canRedraw) lines.put(key, text);
            return canRedraw;
        }
    }

    @Test
    void withoutAFrontDoorsSinkPicturesBecomeNumberedPngFiles() throws Exception {
        Session s = session();
        s.exec("import numpy as np\nimport PIL.Image as Image\n"
                + "display(Image.fromarray(np.array([[0, 255], [128, 64]], dtype='uint8')))\n"
                + "display(tile_raster_images(np.ones((4, 9)), (3, 3), (2, 2)))\n"
                + "display(np.ones((2, 2)))\n", "<t>");
        BufferedImage first = ImageIO.read(dir.resolve("image_1.png").toFile());
        assertEquals(2, first.getWidth());
        assertEquals(255, first.getRaster().getSample(1, 0, 0), "the pixels are the array's");
        BufferedImage tiles = ImageIO.read(dir.resolve("image_2.png").toFile());
        assertEquals(6, tiles.getWidth(), "two 3x3 tiles side by side");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("saved image to " + dir.resolve("image_1.png")), printed);
        assertTrue(printed.endsWith("array([[1., 1.],\n       [1., 1.]])\n"), "a float array is numbers, not pixels: " + printed);
    }

    @Test
    void aFrontDoorsSinkGetsShownFiguresImagesAndText() {
        Session s = session();
        Recorder r = new Recorder();
        s.setDisplay(r);
        s.exec("import numpy as np\nimport matplotlib.pyplot as plt\nplt.plot([1, 2, 3])\nplt.show()\n"
                + "display(np.zeros((5, 7), dtype='uint8'))\ndisplay('hi')\n", "<t>");
        assertEquals(List.of("figure: <Figure size 640x480 with 1 Axes>", "image: array([[0, 0, 0, 0, 0, 0, 0],\n"
                + "       [0, 0, 0, 0, 0, 0, 0],\n       [0, 0, 0, 0, 0, 0, 0],\n       [0, 0, 0, 0, 0, 0, 0],\n"
                + "       [0, 0, 0, 0, 0, 0, 0]], dtype=uint8)", "text: 'hi'"), r.shown);
        assertEquals(640, r.images.get(0).getWidth(), "matplotlib's default 6.4 x 4.8 in at 100 dpi");
        assertEquals(480, r.images.get(0).getHeight());
        assertEquals(7, r.images.get(1).getWidth());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing saved, nothing printed");
        assertEquals(0, dir.toFile().list().length, "no file written");
    }

    @Test
    void figuresLeftOpenAreShownOnRequestOnceAndClosed() {
        Session s = session();
        Recorder r = new Recorder();
        s.setDisplay(r);
        s.exec("import matplotlib.pyplot as plt\nplt.figure()\nplt.plot([1, 2])\nplt.figure(figsize=(3, 2))\nplt.plot([2, 1])\n", "<t>");
        assertTrue(r.shown.isEmpty());
        s.showOpenFigures();
        assertEquals(2, r.images.size());
        assertEquals(300, r.images.get(1).getWidth());
        s.showOpenFigures();
        assertEquals(2, r.images.size(), "shown figures are closed");
    }

    @Test
    void progressBarsDrawOnlyWhenTheSinkIsWatchedLive() {
        Session quiet = session();
        quiet.exec("for i in progress(range(3), 'ep'):\n    pass\n", "<t>");
        assertEquals("", err.toString(StandardCharsets.UTF_8), "no bar in logs and tests");
        Session live = session();
        Recorder r = new Recorder();
        r.live = true;
        live.setDisplay(r);
        live.exec("for i in progress(range(3), 'ep'):\n    pass\n", "<t>");
        String bar = err.toString(StandardCharsets.UTF_8);
        assertTrue(bar.contains("\rep [") && bar.contains("3/3") && bar.endsWith("\n"), bar);
        assertFalse(bar.contains("saved"), bar);
    }

    @Test
    void aSinkThatRedrawsLinesGetsOneLinePerLoopEndingFull() {
        Session s = session();
        Recorder r = new Recorder();
        r.live = true;
        r.canRedraw = true;
        s.setDisplay(r);
        s.exec("for epoch in range(2):\n    for i in progress(range(4), 'epoch %d' % epoch):\n        pass\n", "<t>");
        assertEquals(2, r.lines.size(), "one line per pass over the items: " + r.lines);
        for (String line : r.lines.values()) {
            assertTrue(line.matches("epoch \\d \\[#{30}\\] 4/4 .*"), line);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8), "nothing drawn on the error stream");
    }
}
