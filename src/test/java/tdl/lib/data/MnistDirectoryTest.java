package tdl.lib.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.graph.NDArray;
import tdl.interp.TdlTuple;

/** load_mnist(path) on the standard four-file layout (MNIST, Fashion-MNIST), made small. */
class MnistDirectoryTest {
    @TempDir Path tmp;

    private static byte[] labelSeq(int n, int start) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) ((start + i) % 10);
        return b;
    }

    /** 12 training images of 3x2 and 4 test images; gzipped or not per file. */
    private Path standardLayout(String name, boolean gz) {
        Path dir = tmp.resolve(name);
        write(dir, MnistLoader.TRAIN_IMAGES, Idx.images(12, 3, 2, Idx.pattern(12, 6)), gz);
        write(dir, MnistLoader.TRAIN_LABELS, Idx.labels(labelSeq(12, 0)), gz);
        write(dir, MnistLoader.TEST_IMAGES, Idx.images(4, 3, 2, Idx.pattern(4, 6)), gz);
        write(dir, MnistLoader.TEST_LABELS, Idx.labels(labelSeq(4, 5)), gz);
        return dir;
    }

    private static void write(Path dir, String base, byte[] raw, boolean gz) {
        Idx.write(dir, gz ? base + ".gz" : base, gz ? Idx.gzip(raw) : raw);
    }

    @Test
    void standardLayoutSplitsTheLastSixthOfTrainingIntoValidation() {
        FakeRuntime rt = new FakeRuntime(tmp);
        DataLibrary.install(rt);
        standardLayout("mnist", true);
        List<?> sets = (List<?>) rt.callGlobal("load_mnist", "mnist");
        NDArray trainX = (NDArray) ((TdlTuple) sets.get(0)).get(0);
        NDArray validX = (NDArray) ((TdlTuple) sets.get(1)).get(0);
        NDArray validY = (NDArray) ((TdlTuple) sets.get(1)).get(1);
        NDArray testY = (NDArray) ((TdlTuple) sets.get(2)).get(1);
        assertArrayEquals(new int[] {10, 6}, trainX.shape());
        assertArrayEquals(new int[] {2, 6}, validX.shape());
        // valid = training images 10 and 11: image 10 starts at pixel value 70
        assertEquals(70 / 255.0, validX.data()[0], 0);
        assertArrayEquals(new double[] {0, 1}, validY.data());
        assertArrayEquals(new double[] {5, 6, 7, 8}, testY.data());
    }

    @Test
    void sixtyThousandGivesFiftyThousandAndTenThousand() {
        Path dir = tmp.resolve("big");
        int n = 60000;
        write(dir, MnistLoader.TRAIN_IMAGES, Idx.images(n, 1, 1, new byte[n]), false);
        write(dir, MnistLoader.TRAIN_LABELS, Idx.labels(new byte[n]), false);
        write(dir, MnistLoader.TEST_IMAGES, Idx.images(10000, 1, 1, new byte[10000]), false);
        write(dir, MnistLoader.TEST_LABELS, Idx.labels(new byte[10000]), false);
        MnistLoader.Dataset d = MnistLoader.loadDirectory(dir);
        assertEquals(50000, d.train().x().dim(0));
        assertEquals(10000, d.valid().x().dim(0));
        assertEquals(10000, d.test().x().dim(0));
    }

    @Test
    void gzippedAndPlainFilesGiveTheSameArrays() {
        MnistLoader.Dataset gz = MnistLoader.loadDirectory(standardLayout("gz", true));
        MnistLoader.Dataset plain = MnistLoader.loadDirectory(standardLayout("plain", false));
        assertArrayEquals(gz.train().x().data(), plain.train().x().data());
        assertArrayEquals(gz.test().y().data(), plain.test().y().data());
        double[] first = Arrays.copyOf(plain.train().x().data(), 6);
        assertArrayEquals(new double[] {0, 1 / 255.0, 2 / 255.0, 3 / 255.0, 4 / 255.0, 5 / 255.0}, first);
    }

    @Test
    void gzipIsDetectedByContentNotByName() {
        Path dir = tmp.resolve("swapped");
        byte[] im = Idx.images(10, 1, 2, Idx.pattern(10, 2));
        byte[] lb = Idx.labels(labelSeq(10, 3));
        Idx.write(dir, MnistLoader.SAMPLE_IMAGES, Idx.gzip(im)); // gzipped, plain name
        Idx.write(dir, MnistLoader.SAMPLE_LABELS + ".gz", lb); // plain, .gz name
        MnistLoader.Dataset d = MnistLoader.loadDirectory(dir);
        assertArrayEquals(new int[] {8, 2}, d.train().x().shape());
        assertArrayEquals(new double[] {3, 4, 5, 6, 7, 8, 9, 0}, d.train().y().data());
        assertArrayEquals(new double[] {2}, d.test().y().data());
    }

    @Test
    void aPathToOneOfTheFilesMeansItsFolder() {
        FakeRuntime rt = new FakeRuntime(tmp);
        standardLayout("f", false);
        MnistLoader.Dataset d = DataLibrary.loadPath(rt, "f/" + MnistLoader.TEST_LABELS);
        assertEquals(4, d.test().x().dim(0));
    }

    @Test
    void fullSizeTrainingFileSplitsIntoFiftyAndTenThousand() {
        int n = 60000;
        int px = 28 * 28;
        byte[] pixels = new byte[n * px];
        for (int i = 0; i < pixels.length; i += 7) pixels[i] = (byte) i; // mostly zeros, like digits
        Path dir = tmp.resolve("full");
        write(dir, MnistLoader.TRAIN_IMAGES, Idx.images(n, 28, 28, pixels), true);
        write(dir, MnistLoader.TRAIN_LABELS, Idx.labels(new byte[n]), true);
        write(dir, MnistLoader.TEST_IMAGES, Idx.images(10, 28, 28, new byte[10 * px]), true);
        write(dir, MnistLoader.TEST_LABELS, Idx.labels(new byte[10]), true);
        // speed is a benchmark's business, not a unit test's: this checks the full-size layout only
        MnistLoader.Dataset d = MnistLoader.loadDirectory(dir);
        assertEquals(50000, d.train().x().dim(0));
        assertEquals(10000, d.valid().x().dim(0));
        assertEquals(pixels[7 * 1000] & 0xff, Math.round(d.train().x().data()[7 * 1000] * 255));
        int last = (n - 1) * px + 3; // the last training image lands at the end of valid
        assertEquals(pixels[last] & 0xff, Math.round(d.valid().x().data()[9999 * px + 3] * 255));
    }
}
