package tdl.lib.image;

import tdl.vocab.ErrorKind;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.syntax.TdlError;

/**
 * {@code tile_raster_images} of the deeplearning.net tutorials' utils.py: lays the rows of X out as
 * images on a grid, row-major, with blank spacing between them.
 *
 * <p>Kept to the tutorial's arithmetic, quirks included, so ported scripts draw the same pictures:
 * each image is scaled by {@code (v - min) * (1 / (max(v - min) + 1e-8))}, then multiplied by 255
 * and truncated to uint8 (so a row's maximum becomes 254, as in numpy). Differences: the form
 * taking a tuple of 4 channel arrays (RGBA) is not supported; arithmetic is always float64 (numpy
 * would compute float32 input in float32); an integer X is scaled like a float one where numpy
 * would refuse the in-place division.
 */
public final class TileRaster {
    /** utils.py's eps in scale_to_unit_interval. */
    public static final double EPS = 1e-8;

    private TileRaster() {}

    /**
     * @param x          (n, h*w) host array, one flattened image per row; not modified
     * @param imgShape   {h, w}
     * @param tileShape  {rows, cols} of the grid
     * @param spacing    {vertical, horizontal} blank pixels between tiles
     * @return uint8 when {@code pixelVals}, else x's dtype; shape
     *         ((h + sh) * rows - sh, (w + sw) * cols - sw)
     */
    public static NDArray tile(NDArray x, int[] imgShape, int[] tileShape, int[] spacing,
                               boolean scaleRows, boolean pixelVals) {
        int h = imgShape[0], w = imgShape[1];
        int hs = spacing[0], ws = spacing[1];
        int outH = (h + hs) * tileShape[0] - hs;
        int outW = (w + ws) * tileShape[1] - ws;
        if (x.rank() != 2) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "tile_raster_images: X must be 2-D (one flattened image per row), got shape "
                    + NDArray.shapeString(x.shape()));
        }
        if (x.dim(1) != h * w) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "tile_raster_images: rows of X hold " + x.dim(1) + " values but img_shape ("
                    + h + ", " + w + ") needs " + (h * w), "img_shape is (height, width) of one image");
        }
        DType outType = pixelVals ? DType.UINT8 : x.dtype();
        int[] outShape = {Math.max(outH, 0), Math.max(outW, 0)};
        double[] o = tdl.graph.Memory.doubles(outShape, outType); // narrowed at the end for a float32 X
        double[] src = x.doubles();
        double c = pixelVals ? 255 : 1;
        double[] img = new double[h * w];
        for (int tr = 0; tr < tileShape[0]; tr++) {
            for (int tc = 0; tc < tileShape[1]; tc++) {
                int i = tr * tileShape[1] + tc;
                if (i >= x.dim(0)) continue;
                System.arraycopy(src, i * h * w, img, 0, h * w);
                if (scaleRows) scaleToUnitInterval(img, EPS);
                for (int r = 0; r < h; r++) {
                    int row = (tr * (h + hs) + r) * outW + tc * (w + ws);
                    for (int k = 0; k < w; k++) o[row + k] = outType.coerce(img[r * w + k] * c);
                }
            }
        }
        return NDArray.of(outType, outShape, o);
    }

    /** utils.py's scale_to_unit_interval, in place: v - min, then times 1 / (new max + eps). */
    public static void scaleToUnitInterval(double[] v, double eps) {
        double min = Double.POSITIVE_INFINITY;
        for (double d : v) min = Math.min(min, d);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            v[i] -= min;
            max = Math.max(max, v[i]);
        }
        double f = 1.0 / (max + eps);
        for (int i = 0; i < v.length; i++) v[i] *= f;
    }
}
