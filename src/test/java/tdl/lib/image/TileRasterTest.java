package tdl.lib.image;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.interp.TdlTuple;
import tdl.lib.data.FakeRuntime;
import tdl.syntax.TdlError;

/** tile_raster_images against values worked out by hand from the tutorial's utils.py. */
class TileRasterTest {
    /** Two 2x3 images: 0..5, and 30 20 20 / 10 10 10. */
    private static NDArray twoImages() {
        return NDArray.of(new double[] {0, 1, 2, 3, 4, 5, 30, 20, 20, 10, 10, 10}, 2, 6);
    }

    private static FakeRuntime runtime() {
        FakeRuntime rt = new FakeRuntime(Path.of(""));
        ImageLibrary.install(rt);
        return rt;
    }

    @Test
    void twoImagesSideBySideWithSpacingAsUint8() {
        FakeRuntime rt = runtime();
        Map<String, Object> kw = new LinkedHashMap<>();
        kw.put("tile_spacing", TdlTuple.of(1L, 1L));
        NDArray out = (NDArray) rt.callGlobal("tile_raster_images",
                List.of(twoImages(), TdlTuple.of(2L, 3L), TdlTuple.of(1L, 2L)), kw);
        assertEquals(DType.UINT8, out.dtype());
        assertArrayEquals(new int[] {2, 7}, out.shape());
        // image 0: v * 255 / (5 + 1e-8) truncated: 51v lands just below an integer, so 51v - 1
        // image 1: (v - 10) * 255 / (20 + 1e-8): 20 -> 254, 10 -> 127 (127.4999...), 0 -> 0
        // column 3 is the spacer
        assertArrayEquals(new double[] {
            0, 50, 101, 0, 254, 127, 127,
            152, 203, 254, 0, 0, 0, 0}, out.data());
    }

    @Test
    void floatOutputKeepsTheScaledValues() {
        NDArray out = TileRaster.tile(twoImages(), new int[] {2, 3}, new int[] {1, 2}, new int[] {1, 1}, true, false);
        assertEquals(DType.FLOAT64, out.dtype());
        double[] expected = {0, .2, .4, 0, 1, .5, .5, .6, .8, 1, 0, 0, 0, 0};
        assertArrayEquals(expected, out.data(), 1e-8);
    }

    @Test
    void withoutScalingValuesAreTimes255Truncated() {
        NDArray x = NDArray.of(new double[] {0.5, 1.0, 0.0, 0.999}, 1, 4);
        NDArray out = TileRaster.tile(x, new int[] {2, 2}, new int[] {1, 1}, new int[] {0, 0}, false, true);
        assertArrayEquals(new double[] {127, 255, 0, 254}, out.data());
    }

    @Test
    void aGridLargerThanTheImagesLeavesBlankTilesAndASmallerOneDropsImages() {
        NDArray x = NDArray.of(new double[] {0, 1, 0, 1, 1, 0}, 3, 2); // three 1x2 images
        NDArray big = TileRaster.tile(x, new int[] {1, 2}, new int[] {2, 2}, new int[] {0, 0}, true, true);
        assertArrayEquals(new int[] {2, 4}, big.shape());
        assertArrayEquals(new double[] {0, 254, 0, 254, 254, 0, 0, 0}, big.data());
        NDArray small = TileRaster.tile(x, new int[] {1, 2}, new int[] {1, 1}, new int[] {0, 0}, true, true);
        assertArrayEquals(new double[] {0, 254}, small.data());
    }

    @Test
    void theUtilsModuleHoldsTheSameFunction() {
        FakeRuntime rt = runtime();
        assertSame(rt.globals.get("tile_raster_images"), rt.modules.get("utils").members().get("tile_raster_images"));
    }

    @Test
    void scaleToUnitIntervalScalesTheWholeArray() {
        FakeRuntime rt = runtime();
        Object f = rt.modules.get("utils").members().get("scale_to_unit_interval");
        NDArray out = (NDArray) rt.call(f, List.of(NDArray.of(new double[] {2, 4, 6}, 3)), null);
        assertArrayEquals(new double[] {0, .5, 1}, out.data(), 1e-8);
    }

    @Test
    void rowsThatDoNotMatchImgShapeAreAnError() {
        FakeRuntime rt = runtime();
        TdlError e = assertThrows(TdlError.class, () -> rt.callGlobal("tile_raster_images",
                twoImages(), TdlTuple.of(2L, 2L), TdlTuple.of(1L, 2L)));
        assertEquals(ErrorKind.VALUE_ERROR, e.kind());
        assertTrue(e.detail().contains("6") && e.detail().contains("(2, 2)"), e.detail());
    }

    @Test
    void shapesMustBePairsOfInts() {
        FakeRuntime rt = runtime();
        TdlError e = assertThrows(TdlError.class, () -> rt.callGlobal("tile_raster_images",
                twoImages(), TdlTuple.of(2L, 3L, 1L), TdlTuple.of(1L, 2L)));
        assertTrue(e.detail().contains("img_shape"), e.detail());
        e = assertThrows(TdlError.class, () -> rt.callGlobal("tile_raster_images",
                twoImages(), TdlTuple.of(2L, 3L), List.of(1.5, 2L)));
        assertEquals(ErrorKind.TYPE_ERROR, e.kind());
        assertTrue(e.detail().contains("tile_shape"), e.detail());
    }

    @Test
    void theFourChannelFormSaysItIsNotSupported() {
        FakeRuntime rt = runtime();
        TdlError e = assertThrows(TdlError.class, () -> rt.callGlobal("tile_raster_images",
                TdlTuple.of(twoImages(), null, null, null), TdlTuple.of(2L, 3L), TdlTuple.of(1L, 2L)));
        assertEquals(ErrorKind.NOT_IMPLEMENTED_ERROR, e.kind());
    }
}
