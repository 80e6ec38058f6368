package tdl.lib.data;

import tdl.vocab.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;

/**
 * Loads MNIST-style IDX data into host arrays: x float64 (n, rows*cols) with pixels byte/255,
 * y int64 (n,).
 *
 * <p>Splits, chosen so scripts written for the deeplearning.net {@code mnist.pkl.gz} keep working:
 * <ul>
 *   <li>standard layout ({@code train-*} and {@code t10k-*}, MNIST or Fashion-MNIST): train = the
 *       first n - n/6 training images, valid = the last n/6 (60000 gives 50000 / 10000, as
 *       mnist.pkl.gz did), test = all of t10k;</li>
 *   <li>the shipped sample ({@code mnist10k-*}, n images): test = the last n/10, valid = the n/10
 *       before them, train = the rest (10000 gives 8000 / 1000 / 1000).</li>
 * </ul>
 */
public final class MnistLoader {
    public static final String SAMPLE_IMAGES = "mnist10k-images-idx3-ubyte";
    public static final String SAMPLE_LABELS = "mnist10k-labels-idx1-ubyte";
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** Where the sample sits inside the jar (pom.xml copies data/*.gz there). */
    public static final String SAMPLE_RESOURCE_DIR = "/tdl/data/";

    private MnistLoader() {}

    /** One part of the data. */
    public record Split(NDArray x, NDArray y) {}

    /** The three parts; {@link #toScriptValue()} gives what load_mnist returns. */
    public record Dataset(Split train, Split valid, Split test) {
        /** The same data with the pixels as {@code dtype} (itself when they already are). */
        public Dataset as(DType dtype) {
            if (train.x().dtype() == dtype) return this;
            return new Dataset(new Split(train.x().astype(dtype), train.y()), new Split(valid.x().astype(dtype), valid.y()),
                    new Split(test.x().astype(dtype), test.y()));
        }

        /** {@code [(train_x, train_y), (valid_x, valid_y), (test_x, test_y)]} as script values. */
        public List<Object> toScriptValue() {
            List<Object> out = new ArrayList<>(3);
            for (Split s : List.of(train, valid, test)) out.add(TdlTuple.of(s.x(), s.y()));
            return out;
        }
    }

    /** Loads a directory holding the standard files or the mnist10k sample (gzipped or not). */
    public static Dataset loadDirectory(Path dir) {
        return loadDirectory(dir, UnaryOperator.identity());
    }

    /**
     * Like {@link #loadDirectory(Path)}; {@code access} sees every file before it is opened and may
     * throw (the session's file-access policy) or map it.
     */
    public static Dataset loadDirectory(Path dir, UnaryOperator<Path> access) {
        Path trainImages = find(dir, TRAIN_IMAGES);
        if (trainImages != null) {
            IdxFile.Images ti = readImages(access.apply(trainImages));
            IdxFile.Labels tl = readLabels(access.apply(require(dir, TRAIN_LABELS)));
            IdxFile.Images si = readImages(access.apply(require(dir, TEST_IMAGES)));
            IdxFile.Labels sl = readLabels(access.apply(require(dir, TEST_LABELS)));
            checkCounts(ti, tl);
            checkCounts(si, sl);
            int valid = ti.count() / 6;
            int train = ti.count() - valid;
            return new Dataset(split(ti, tl, 0, train), split(ti, tl, train, ti.count()), split(si, sl, 0, si.count()));
        }
        Path sampleImages = find(dir, SAMPLE_IMAGES);
        if (sampleImages != null) {
            IdxFile.Images im = readImages(access.apply(sampleImages));
            IdxFile.Labels lb = readLabels(access.apply(require(dir, SAMPLE_LABELS)));
            return sampleSplits(im, lb);
        }
        List<String> looked = new ArrayList<>(variants(TRAIN_IMAGES));
        looked.addAll(variants(SAMPLE_IMAGES));
        throw new TdlError(ErrorKind.FILE_NOT_FOUND_ERROR, "no MNIST images in " + dir + ": looked for " + String.join(", ", looked),
                "give the directory holding train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                        + "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz, or call load_mnist() for the shipped sample");
    }

    /** The shipped sample from its two files. */
    public static Dataset loadSample(Path images, Path labels) {
        return sampleSplits(readImages(images), readLabels(labels));
    }

    /** The shipped sample from the classpath (inside the jar); null when it is not there. */
    public static Dataset loadSampleResource() {
        try (InputStream im = MnistLoader.class.getResourceAsStream(SAMPLE_RESOURCE_DIR + SAMPLE_IMAGES + ".gz");
             InputStream lb = MnistLoader.class.getResourceAsStream(SAMPLE_RESOURCE_DIR + SAMPLE_LABELS + ".gz")) {
            if (im == null || lb == null) return null;
            return sampleSplits(IdxFile.readImages(im, SAMPLE_IMAGES + ".gz"), IdxFile.readLabels(lb, SAMPLE_LABELS + ".gz"));
        } catch (IOException e) {
            throw new TdlError(ErrorKind.OS_ERROR, "cannot read the bundled MNIST sample (" + e.getMessage() + ")");
        }
    }

    /**
     * The first directory named {@code data} holding the sample: {@code tdlHome/data}, then walking
     * up from each start; null when none has it.
     */
    public static Path findSampleDir(String tdlHome, List<Path> starts) {
        if (tdlHome != null && !tdlHome.isEmpty()) {
            Path d = Path.of(tdlHome).resolve("data");
            if (hasSample(d)) return d;
        }
        for (Path start : starts) {
            for (Path p = start == null ? null : start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
                Path d = p.resolve("data");
                if (hasSample(d)) return d;
            }
        }
        return null;
    }

    /** Where this class was loaded from (a jar or a classes folder), or null when unknown. */
    public static Path codeLocation() {
        try {
            var src = MnistLoader.class.getProtectionDomain().getCodeSource();
            return src == null ? null : Path.of(src.getLocation().toURI());
        } catch (Exception e) { // SecurityException, URISyntaxException, a non-file URL
            return null;
        }
    }

    static boolean hasSample(Path dir) {
        return find(dir, SAMPLE_IMAGES) != null && find(dir, SAMPLE_LABELS) != null;
    }

    /** The names tried for one base name, in order. */
    static List<String> variants(String base) {
        String dotted = base.replace("-idx", ".idx"); // the spelling some re-distributions use
        return List.of(base + ".gz", base, dotted + ".gz", dotted);
    }

    /** The first existing variant of {@code base} in {@code dir}, or null. */
    static Path find(Path dir, String base) {
        for (String n : variants(base)) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private static Path require(Path dir, String base) {
        Path p = find(dir, base);
        if (p == null) {
            throw new TdlError(ErrorKind.FILE_NOT_FOUND_ERROR, "missing " + base + " in " + dir + ": looked for "
                    + String.join(", ", variants(base)),
                    "the standard layout needs all four files: train-images, train-labels, t10k-images, t10k-labels");
        }
        return p;
    }

    private static IdxFile.Images readImages(Path p) {
        String name = p.getFileName().toString();
        return IdxFile.readImages(open(p, name), name);
    }

    private static IdxFile.Labels readLabels(Path p) {
        String name = p.getFileName().toString();
        return IdxFile.readLabels(open(p, name), name);
    }

    private static InputStream open(Path p, String name) {
        try {
            return Files.newInputStream(p);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new TdlError(ErrorKind.FILE_NOT_FOUND_ERROR, name + ": no such file: " + p);
        } catch (IOException e) {
            throw new TdlError(ErrorKind.OS_ERROR, name + ": cannot open (" + e.getMessage() + ")");
        }
    }

    private static void checkCounts(IdxFile.Images im, IdxFile.Labels lb) {
        if (im.count() != lb.count()) {
            throw new TdlError(ErrorKind.VALUE_ERROR, lb.name() + " holds " + lb.count() + " labels but " + im.name()
                    + " holds " + im.count() + " images", "the two files must come from the same set");
        }
    }

    private static Dataset sampleSplits(IdxFile.Images im, IdxFile.Labels lb) {
        checkCounts(im, lb);
        int n = im.count();
        int test = n / 10;
        int valid = n / 10;
        int train = n - valid - test;
        return new Dataset(split(im, lb, 0, train), split(im, lb, train, train + valid), split(im, lb, train + valid, n));
    }

    private static Split split(IdxFile.Images im, IdxFile.Labels lb, int from, int to) {
        int k = to - from;
        int px = im.pixelsPerImage();
        double[] scale = new double[256];
        for (int i = 0; i < 256; i++) scale[i] = i / 255.0;
        double[] x = new double[Math.multiplyExact(k, px)];
        byte[] src = im.pixels();
        int base = from * px;
        for (int i = 0; i < x.length; i++) x[i] = scale[src[base + i] & 0xff];
        double[] y = new double[k];
        byte[] lbs = lb.labels();
        for (int i = 0; i < k; i++) y[i] = lbs[from + i] & 0xff;
        return new Split(new NDArray(DType.FLOAT64, new int[] {k, px}, x), new NDArray(DType.INT64, new int[] {k}, y));
    }
}
