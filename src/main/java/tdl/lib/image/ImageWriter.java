package tdl.lib.image;

import tdl.vocab.ErrorKind;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import tdl.graph.NDArray;
import tdl.syntax.TdlError;

/**
 * Host arrays to image files through javax.imageio. Pixel values: floats are taken as [0, 1] and
 * scaled by 255 (rounded), integers as 0..255; both are clipped, NaN is black, bool is 0 / 255.
 * Shapes: (h, w) greyscale, (h, w, 3) RGB, (h, w, 4) RGBA.
 */
public final class ImageWriter {
    private ImageWriter() {}

    /** The 0..255 sample for one element of {@code a}. */
    static int sample(NDArray a, double v) {
        if (Double.isNaN(v)) return 0;
        double s = a.dtype().isFloat() ? Math.rint(v * 255) : v;
        if (a.dtype() == tdl.graph.DType.BOOL) s = v != 0 ? 255 : 0;
        return (int) Math.max(0, Math.min(255, s));
    }

    /** An 8-bit image holding {@code a}'s pixels; the array is not modified. */
    public static BufferedImage toImage(NDArray a) {
        int[] s = a.shape();
        int bands;
        int type;
        if (s.length == 2) {
            bands = 1;
            type = BufferedImage.TYPE_BYTE_GRAY;
        } else if (s.length == 3 && (s[2] == 3 || s[2] == 4)) {
            bands = s[2];
            type = bands == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_4BYTE_ABGR;
        } else {
            throw new TdlError(ErrorKind.VALUE_ERROR, "cannot make an image of an array of shape " + NDArray.shapeString(s),
                    "give a 2-D array (greyscale), or (h, w, 3) / (h, w, 4) for colour");
        }
        if (s[0] == 0 || s[1] == 0) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "cannot make an image of an empty array of shape " + NDArray.shapeString(s));
        }
        BufferedImage img = new BufferedImage(s[1], s[0], type);
        // the raster takes bands in R, G, B, A order whatever the byte layout; writing samples
        // directly avoids the colour-space conversion setRGB applies to grey images
        WritableRaster r = img.getRaster();
        double[] d = a.doubles();
        int[] px = new int[d.length];
        for (int i = 0; i < d.length; i++) px[i] = sample(a, d[i]);
        r.setPixels(0, 0, s[1], s[0], px);
        return img;
    }

    /** Writes {@code a} as a PNG file. */
    public static void writePng(NDArray a, Path path) {
        write(a, path, "png");
    }

    /** Writes {@code a} in an ImageIO format ("png", "jpeg", "bmp", "gif"). */
    public static void write(NDArray a, Path path, String format) {
        BufferedImage img = toImage(a);
        if (!"png".equals(format) && img.getType() == BufferedImage.TYPE_4BYTE_ABGR) {
            throw new TdlError(ErrorKind.OS_ERROR, "cannot write mode RGBA as " + format.toUpperCase(), "save it as .png");
        }
        try (OutputStream out = Files.newOutputStream(path)) {
            if (!ImageIO.write(img, format, out)) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "no image writer for format " + format);
            }
        } catch (NoSuchFileException e) {
            throw new TdlError(ErrorKind.FILE_NOT_FOUND_ERROR, "no such directory to write " + path + " into",
                    "create it first, e.g. os.makedirs(...)");
        } catch (IOException e) {
            throw new TdlError(ErrorKind.OS_ERROR, "cannot write " + path + " (" + e.getMessage() + ")");
        }
    }
}
