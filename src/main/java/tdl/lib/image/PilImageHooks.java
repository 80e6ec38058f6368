package tdl.lib.image;

import tdl.vocab.ErrorKind;
import java.util.List;
import java.util.Locale;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlTuple;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;

/** How a {@link PilImage} behaves in scripts: {@code .size .width .height .mode .save(path, format=None)}. */
final class PilImageHooks implements TypeHooks {
    private static final List<String> ATTRIBUTES = List.of("height", "mode", "save", "size", "width");

    @Override
    public String typeName(Object self) { return "Image"; }

    @Override
    public Object getAttr(Runtime rt, Object self, String name) {
        PilImage img = (PilImage) self;
        switch (name) {
            case "size": return TdlTuple.of((long) img.width(), (long) img.height());
            case "width": return (long) img.width();
            case "height": return (long) img.height();
            case "mode": return img.mode();
            case "save": return (TdlCallable) (r, args) -> save(r, img, args);
            default: return UNSUPPORTED;
        }
    }

    @Override
    public String str(Runtime rt, Object self) { return self.toString(); }

    @Override
    public List<String> attributeNames(Object self) { return ATTRIBUTES; }

    private static Object save(Runtime rt, PilImage img, Args args) {
        args.check(2, "fp", "format");
        Object fp = args.get(0, "fp");
        if (!(fp instanceof String path)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "save() needs a file name (str), got " + ImageArgs.typeName(rt, fp));
        }
        Object fmt = args.get(1, "format", null);
        String format = fmt == null ? formatOf(path) : formatName(rt.str(fmt));
        ImageWriter.write(img.pixels(), rt.resolvePath(path, true), format);
        return null;
    }

    /** PIL picks the format from the extension. */
    static String formatOf(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot).toLowerCase(Locale.ROOT);
        switch (ext) {
            case ".png": return "png";
            case ".jpg": case ".jpeg": return "jpeg";
            case ".bmp": return "bmp";
            case ".gif": return "gif";
            default:
                throw new TdlError(ErrorKind.VALUE_ERROR, "unknown file extension: '" + ext + "'",
                        "use .png (or .jpg, .bmp, .gif), or pass format='PNG'");
        }
    }

    private static String formatName(String f) {
        String s = f.toLowerCase(Locale.ROOT);
        if (s.equals("jpg")) s = "jpeg";
        if (!List.of("png", "jpeg", "bmp", "gif").contains(s)) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "unknown format '" + f + "'", "use 'PNG', 'JPEG', 'BMP' or 'GIF'");
        }
        return s;
    }
}
