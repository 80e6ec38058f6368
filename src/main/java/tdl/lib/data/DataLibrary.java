package tdl.lib.data;

import tdl.vocab.ErrorKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.DType;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.syntax.TdlError;

/** The data sets: the global {@code load_mnist(path=None, dtype='float64')}. */
public final class DataLibrary {
    /** The system property the launcher sets to the project's install folder. */
    public static final String HOME_PROPERTY = "tdl.home";

    private DataLibrary() {}

    public static void install(Runtime rt) {
        rt.defineGlobal("load_mnist", (TdlCallable) DataLibrary::loadMnist);
    }

    /**
     * {@code load_mnist(path=None, dtype='float64')}: see {@link MnistLoader} for the layouts and
     * splits. {@code dtype='float32'} gives float32 pixels (stored as floats), as the tutorials'
     * float32 pickle does, so a float32 model need not keep a float64 copy of its data.
     */
    static Object loadMnist(Runtime rt, Args args) {
        args.check(2, "path", "dtype");
        Object path = args.get(0, "path", null);
        DType dtype = pixelType(rt, args.get(1, "dtype", null));
        if (path == null) return loadDefault(rt).as(dtype).toScriptValue();
        if (!(path instanceof String s)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "load_mnist() path must be a str or None, not " + typeName(rt, path));
        }
        return loadPath(rt, s).as(dtype).toScriptValue();
    }

    private static DType pixelType(Runtime rt, Object d) {
        if (d == null || "float64".equals(d)) return DType.FLOAT64;
        if ("float32".equals(d)) return DType.FLOAT32;
        throw new TdlError(d instanceof String ? ErrorKind.VALUE_ERROR : ErrorKind.TYPE_ERROR,
                "load_mnist() dtype must be 'float64' or 'float32', not " + (d instanceof String s ? "'" + s + "'" : typeName(rt, d)),
                "pass dtype=theano.config.floatX, or a dtype name as a str");
    }

    static MnistLoader.Dataset loadPath(Runtime rt, String path) {
        Path p = rt.resolvePath(path, false);
        if (Files.isRegularFile(p)) {
            String name = p.getFileName().toString();
            if (name.endsWith(".pkl.gz") || name.endsWith(".pkl")) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "load_mnist: " + name + " is a Python pickle, which TDL cannot read",
                        "pass the directory holding the IDX files (train-images-idx3-ubyte.gz ...), "
                                + "or call load_mnist() for the sample that ships with TDL");
            }
            if (!isKnownFile(name)) {
                throw new TdlError(ErrorKind.NOT_A_DIRECTORY_ERROR, "load_mnist: " + path + " is a file, not a directory",
                        "pass the directory holding the IDX files");
            }
            p = p.toAbsolutePath().getParent(); // a path to one of the files: use its folder
        } else if (!Files.isDirectory(p)) {
            throw new TdlError(ErrorKind.FILE_NOT_FOUND_ERROR, "load_mnist: no such directory: " + path);
        }
        return MnistLoader.loadDirectory(p, f -> rt.resolvePath(f.toString(), false));
    }

    /**
     * The shipped sample: found on disk (tdl.home, then walking up from the working directories and
     * from where the code was loaded), else the copy packed in the jar. A file the session may not
     * read is skipped in favour of the packed copy, which holds the same bytes.
     */
    static MnistLoader.Dataset loadDefault(Runtime rt) {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(rt.resolvePath(".", false));
        } catch (TdlError denied) {
            // no file access: the packed copy below still works
        }
        starts.add(Path.of(System.getProperty("user.dir", ".")));
        Path code = MnistLoader.codeLocation();
        if (code != null) starts.add(code);
        Path dir = MnistLoader.findSampleDir(System.getProperty(HOME_PROPERTY), starts);
        if (dir != null) {
            try {
                Path images = rt.resolvePath(MnistLoader.find(dir, MnistLoader.SAMPLE_IMAGES).toString(), false);
                Path labels = rt.resolvePath(MnistLoader.find(dir, MnistLoader.SAMPLE_LABELS).toString(), false);
                return MnistLoader.loadSample(images, labels);
            } catch (TdlError e) {
                if (e.kind() != ErrorKind.PERMISSION_ERROR) throw e;
            }
        }
        MnistLoader.Dataset packed = MnistLoader.loadSampleResource();
        if (packed != null) return packed;
        throw new TdlError(ErrorKind.FILE_NOT_FOUND_ERROR, "load_mnist: the MNIST sample (data/" + MnistLoader.SAMPLE_IMAGES
                + ".gz) is neither beside TDL nor inside its jar",
                "run from the TDL folder, set -D" + HOME_PROPERTY + "=<TDL folder>, or pass load_mnist(path)");
    }

    private static boolean isKnownFile(String name) {
        for (String base : List.of(MnistLoader.TRAIN_IMAGES, MnistLoader.TRAIN_LABELS, MnistLoader.TEST_IMAGES,
                MnistLoader.TEST_LABELS, MnistLoader.SAMPLE_IMAGES, MnistLoader.SAMPLE_LABELS)) {
            if (MnistLoader.variants(base).contains(name)) return true;
        }
        return false;
    }

    private static String typeName(Runtime rt, Object v) {
        var hooks = rt.hooksFor(v);
        if (hooks != null) return hooks.typeName(v);
        if (v instanceof String) return "str";
        if (v instanceof Long || v instanceof java.math.BigInteger) return "int";
        if (v instanceof Double) return "float";
        if (v instanceof Boolean) return "bool";
        if (v instanceof List) return "list";
        if (v instanceof tdl.interp.TdlTuple) return "tuple";
        if (v instanceof java.util.Map) return "dict";
        return v.getClass().getSimpleName();
    }
}
