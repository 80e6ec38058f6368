package tdl.lib.image;

import tdl.vocab.ErrorKind;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.syntax.TdlError;

/**
 * What {@code PIL.Image.fromarray(a)} returns: a copy of the pixels and PIL's mode for them
 * ("L" uint8 grey, "1" bool, "I" other integers, "F" floats, "RGB" / "RGBA" for (h, w, 3|4) uint8).
 * Saving converts as {@link ImageWriter} does; unlike PIL, modes "I" and "F" can be saved as PNG
 * (floats taken as [0, 1]) rather than refused.
 */
public final class PilImage {
    private final NDArray pixels;
    private final String mode;

    public PilImage(NDArray pixels, String mode) {
        this.pixels = pixels;
        this.mode = mode;
    }

    /** PIL.Image.fromarray: copies {@code a}; {@code mode} null means from the dtype and shape. */
    public static PilImage fromArray(NDArray a, String mode) {
        String natural = naturalMode(a);
        if (mode != null && !mode.equals(natural)) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "fromarray: an array of dtype " + a.dtype().pyName() + " and shape "
                    + NDArray.shapeString(a.shape()) + " is mode '" + natural + "', not '" + mode + "'",
                    "convert the array first, e.g. (a * 255).astype('uint8') for mode 'L'");
        }
        ImageWriter.toImage(a); // rejects shapes no image has, at the call that made the mistake
        return new PilImage(a.copy(), natural);
    }

    static String naturalMode(NDArray a) {
        if (a.rank() == 3) {
            if (a.dtype() != DType.UINT8) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "fromarray: colour images need dtype uint8, got " + a.dtype().pyName());
            }
            return a.dim(2) == 4 ? "RGBA" : "RGB";
        }
        switch (a.dtype()) {
            case UINT8: return "L";
            case BOOL: return "1";
            case FLOAT32: case FLOAT64: return "F";
            default: return "I";
        }
    }

    public NDArray pixels() { return pixels; }

    public String mode() { return mode; }

    public int width() { return pixels.dim(1); }

    public int height() { return pixels.dim(0); }

    @Override
    public String toString() {
        return "<PIL.Image.Image image mode=" + mode + " size=" + width() + "x" + height() + ">";
    }
}
