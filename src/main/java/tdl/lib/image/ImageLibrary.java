package tdl.lib.image;

import tdl.vocab.ErrorKind;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.lib.display.Display;
import tdl.syntax.TdlError;

/**
 * Images: globals {@code tile_raster_images} and {@code save_image}; module {@code utils}
 * (tile_raster_images, scale_to_unit_interval, as the tutorials' utils.py); modules {@code PIL}
 * and {@code PIL.Image} with {@code fromarray}. A {@code utils.tdl} beside a script wins over the
 * built-in module, as any script module does.
 */
public final class ImageLibrary {
    private ImageLibrary() {}

    public static void install(Runtime rt) {
        // named once so the global and utils.tile_raster_images are the same object
        TdlCallable tile = new Builtin("tile_raster_images", ImageLibrary::tileRasterImages);
        TdlCallable save = ImageLibrary::saveImage;
        rt.defineGlobal("tile_raster_images", tile);
        rt.defineGlobal("save_image", save);

        rt.registerModule(new TdlModule("utils")
                .put("tile_raster_images", tile)
                .put("scale_to_unit_interval", (TdlCallable) ImageLibrary::scaleToUnitInterval));

        TdlModule pilImage = new TdlModule("PIL.Image").put("fromarray", (TdlCallable) ImageLibrary::fromArray);
        rt.registerModule(pilImage);
        rt.registerModule(new TdlModule("PIL").put("Image", pilImage));
        rt.registerHooks(PilImage.class, new PilImageHooks());
        Display display = Display.of(rt);
        display.drawWith(PilImage.class, "image", img -> ImageWriter.toImage(img.pixels()));
        // tile_raster_images gives uint8 pixels: such an array shows as the picture it holds
        display.drawWith(NDArray.class, "image", a -> isPixels(a) ? ImageWriter.toImage(a) : null);
    }

    /** A uint8 array of an image's shape: (h, w) grey or (h, w, 3|4) colour, none of them empty. */
    static boolean isPixels(NDArray a) {
        if (a.dtype() != DType.UINT8 || a.size() == 0) return false;
        return a.rank() == 2 || a.rank() == 3 && (a.dim(2) == 3 || a.dim(2) == 4);
    }

    /** tile_raster_images(X, img_shape, tile_shape, tile_spacing=(0, 0), scale_rows_to_unit_interval=True, output_pixel_vals=True) */
    static Object tileRasterImages(Runtime rt, Args args) {
        String fn = "tile_raster_images";
        args.check(6, "X", "img_shape", "tile_shape", "tile_spacing", "scale_rows_to_unit_interval", "output_pixel_vals");
        Object xArg = args.get(0, "X");
        if (xArg instanceof tdl.interp.TdlTuple) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, fn + "(): the tuple-of-4-channels (RGBA) form is not supported",
                    "tile each channel separately");
        }
        NDArray x = ImageArgs.hostArray(rt, xArg, fn, "X");
        int[] img = ImageArgs.intPair(rt, args.get(1, "img_shape"), fn, "img_shape");
        int[] grid = ImageArgs.intPair(rt, args.get(2, "tile_shape"), fn, "tile_shape");
        Object sp = args.get(3, "tile_spacing", null);
        int[] spacing = sp == null ? new int[2] : ImageArgs.intPair(rt, sp, fn, "tile_spacing");
        boolean scale = rt.truth(args.get(4, "scale_rows_to_unit_interval", Boolean.TRUE));
        boolean pixels = rt.truth(args.get(5, "output_pixel_vals", Boolean.TRUE));
        return TileRaster.tile(x, img, grid, spacing, scale, pixels);
    }

    /** scale_to_unit_interval(ndar, eps=1e-8): a float64 copy scaled to [0, 1) over the whole array. */
    static Object scaleToUnitInterval(Runtime rt, Args args) {
        args.check(2, "ndar", "eps");
        NDArray a = ImageArgs.hostArray(rt, args.get(0, "ndar"), "scale_to_unit_interval", "ndar");
        Object eps = args.get(1, "eps", TileRaster.EPS);
        if (!(eps instanceof Number e)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "scale_to_unit_interval() eps must be a number, got " + ImageArgs.typeName(rt, eps));
        }
        NDArray out = a.astype(DType.FLOAT64);
        TileRaster.scaleToUnitInterval(out.data(), e.doubleValue());
        return out;
    }

    /** save_image(array, path): a PNG; uint8 as is, floats in [0, 1] times 255, clipped. */
    static Object saveImage(Runtime rt, Args args) {
        args.check(2, "array", "path");
        NDArray a = ImageArgs.hostArray(rt, args.get(0, "array"), "save_image", "array");
        Object p = args.get(1, "path");
        if (!(p instanceof String path)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "save_image() path must be a str, not " + ImageArgs.typeName(rt, p));
        }
        ImageWriter.writePng(a, rt.resolvePath(path, true));
        return null;
    }

    /** PIL.Image.fromarray(obj, mode=None) */
    static Object fromArray(Runtime rt, Args args) {
        args.check(2, "obj", "mode");
        NDArray a = ImageArgs.hostArray(rt, args.get(0, "obj"), "fromarray", "obj");
        Object mode = args.get(1, "mode", null);
        if (mode != null && !(mode instanceof String)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "fromarray() mode must be a str, not " + ImageArgs.typeName(rt, mode));
        }
        return PilImage.fromArray(a, (String) mode);
    }
}
