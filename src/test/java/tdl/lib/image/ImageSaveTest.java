package tdl.lib.image;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.interp.TdlModule;
import tdl.interp.TdlTuple;
import tdl.interp.TypeHooks;
import tdl.lib.data.FakeRuntime;
import tdl.syntax.TdlError;

/** save_image and PIL.Image.fromarray(a).save(path): PNGs that ImageIO reads back unchanged. */
class ImageSaveTest {
    @TempDir Path tmp;

    private FakeRuntime runtime() {
        FakeRuntime rt = new FakeRuntime(tmp);
        ImageLibrary.install(rt);
        return rt;
    }

    /** A 2 x 3 uint8 image (height 2, width 3). */
    private static NDArray bytes() {
        return new NDArray(DType.UINT8, new int[] {2, 3}, new double[] {0, 1, 127, 128, 254, 255});
    }

    private static int[][] readGrey(Path p) throws Exception {
        BufferedImage img = ImageIO.read(p.toFile());
        Raster r = img.getRaster();
        assertEquals(1, r.getNumBands(), "greyscale PNG");
        int[][] px = new int[img.getHeight()][img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) px[y][x] = r.getSample(x, y, 0);
        return px;
    }

    @Test
    void saveImageWritesTheSameGreyPixels() throws Exception {
        FakeRuntime rt = runtime();
        assertNull(rt.callGlobal("save_image", bytes(), "out.png"));
        int[][] px = readGrey(tmp.resolve("out.png"));
        assertEquals(2, px.length);
        assertEquals(3, px[0].length);
        assertEquals(List.of(0, 1, 127), List.of(px[0][0], px[0][1], px[0][2]));
        assertEquals(List.of(128, 254, 255), List.of(px[1][0], px[1][1], px[1][2]));
    }

    @Test
    void floatsAreScaledBy255AndClipped() throws Exception {
        FakeRuntime rt = runtime();
        NDArray f = NDArray.of(new double[] {0, 0.5, 1, -0.2, 1.7, Double.NaN}, 1, 6);
        rt.callGlobal("save_image", f, "f.png");
        int[] row = readGrey(tmp.resolve("f.png"))[0];
        assertEquals(List.of(0, 128, 255, 0, 255, 0), List.of(row[0], row[1], row[2], row[3], row[4], row[5]));
    }

    @Test
    void pilImageFromArraySavesAndReportsSizeAndMode() throws Exception {
        FakeRuntime rt = runtime();
        TdlModule pil = rt.modules.get("PIL");
        TdlModule image = rt.modules.get("PIL.Image");
        assertSame(image, pil.members().get("Image"), "from PIL import Image and import PIL.Image agree");

        Object img = rt.call(image.members().get("fromarray"), List.of(bytes()), null);
        PilImage pimg = assertInstanceOf(PilImage.class, img);
        TypeHooks hooks = rt.hooksFor(pimg);
        assertEquals(TdlTuple.of(3L, 2L), hooks.getAttr(rt, img, "size"));
        assertEquals("L", hooks.getAttr(rt, img, "mode"));
        assertEquals("<PIL.Image.Image image mode=L size=3x2>", rt.str(img));

        rt.call(hooks.getAttr(rt, img, "save"), List.of("pil.png"), null);
        int[][] px = readGrey(tmp.resolve("pil.png"));
        assertEquals(255, px[1][2]);
        assertEquals(127, px[0][2]);
        assertSame(TypeHooks.UNSUPPORTED, hooks.getAttr(rt, img, "nope"));
    }

    @Test
    void fromArrayCopiesSoLaterChangesDoNotShow() throws Exception {
        FakeRuntime rt = runtime();
        NDArray a = bytes();
        Object img = rt.call(rt.modules.get("PIL.Image").members().get("fromarray"), List.of(a), null);
        a.data()[0] = 200;
        rt.call(rt.hooksFor(img).getAttr(rt, img, "save"), List.of("copy.png"), null);
        assertEquals(0, readGrey(tmp.resolve("copy.png"))[0][0]);
    }

    @Test
    void colourArraysBecomeRgb() throws Exception {
        NDArray rgb = new NDArray(DType.UINT8, new int[] {1, 2, 3}, new double[] {255, 0, 0, 10, 20, 30});
        PilImage img = PilImage.fromArray(rgb, null);
        assertEquals("RGB", img.mode());
        Path p = tmp.resolve("rgb.png");
        ImageWriter.writePng(rgb, p);
        BufferedImage back = ImageIO.read(p.toFile());
        assertEquals(0xff0000, back.getRGB(0, 0) & 0xffffff);
        assertEquals(0x0a141e, back.getRGB(1, 0) & 0xffffff);
    }

    @Test
    void writingIsCheckedAgainstTheFileAccessPolicy() {
        FakeRuntime rt = runtime();
        rt.denyAll = true;
        TdlError e = assertThrows(TdlError.class, () -> rt.callGlobal("save_image", bytes(), "x.png"));
        assertEquals(ErrorKind.PERMISSION_ERROR, e.kind());
    }

    @Test
    void aMissingFolderIsFileNotFound() {
        FakeRuntime rt = runtime();
        TdlError e = assertThrows(TdlError.class, () -> rt.callGlobal("save_image", bytes(), "no/dir/x.png"));
        assertEquals(ErrorKind.FILE_NOT_FOUND_ERROR, e.kind());
    }

    @Test
    void badArraysAndExtensionsAreClearErrors() {
        FakeRuntime rt = runtime();
        TdlError e = assertThrows(TdlError.class, () -> rt.callGlobal("save_image", NDArray.of(new double[3], 3), "v.png"));
        assertEquals(ErrorKind.VALUE_ERROR, e.kind());
        Object img = PilImage.fromArray(bytes(), null);
        e = assertThrows(TdlError.class, () -> rt.call(new PilImageHooks().getAttr(rt, img, "save"), List.of("x.tiff"), null));
        assertEquals("unknown file extension: '.tiff'", e.detail());
        e = assertThrows(TdlError.class, () -> rt.callGlobal("save_image", List.of(1L), "v.png"));
        assertEquals(ErrorKind.TYPE_ERROR, e.kind());
    }
}
