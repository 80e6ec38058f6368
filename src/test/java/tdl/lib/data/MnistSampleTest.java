package tdl.lib.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;

/** load_mnist() with no path: the 10k sample in data/ (its facts come from data/README.md). */
class MnistSampleTest {
    /** data/README.md: label counts 0..9 over all 10,000 digits. */
    private static final long[] README_COUNTS = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

    @TempDir Path tmp;

    @Test
    void loadMnistWithoutPathGivesThreeSplitsWithTheReadmeStatistics() {
        FakeRuntime rt = new FakeRuntime(Path.of("").toAbsolutePath());
        DataLibrary.install(rt);
        Object result = rt.callGlobal("load_mnist");

        List<?> sets = assertInstanceOf(List.class, result);
        assertEquals(3, sets.size());
        int[] sizes = {8000, 1000, 1000};
        long[] counts = new long[10];
        double pixelSum = 0;
        long pixels = 0;
        for (int s = 0; s < 3; s++) {
            TdlTuple pair = assertInstanceOf(TdlTuple.class, sets.get(s));
            NDArray x = (NDArray) pair.get(0);
            NDArray y = (NDArray) pair.get(1);
            assertEquals(DType.FLOAT64, x.dtype());
            assertEquals(DType.INT64, y.dtype());
            assertArrayEquals(new int[] {sizes[s], 784}, x.shape());
            assertArrayEquals(new int[] {sizes[s]}, y.shape());
            for (double v : y.data()) counts[(int) v]++;
            for (double v : x.data()) {
                if (v < 0 || v > 1) throw new AssertionError("pixel outside [0,1]: " + v);
                pixelSum += v;
            }
            pixels += x.size();
        }
        assertArrayEquals(README_COUNTS, counts);
        assertEquals(0.1311, pixelSum / pixels, 0.00005);
    }

    @Test
    void dtypeFloat32GivesFloatPixelsRoundedOnceAndKeepsInt64Labels() {
        FakeRuntime rt = new FakeRuntime(Path.of("").toAbsolutePath());
        DataLibrary.install(rt);
        List<?> f64 = (List<?>) rt.callGlobal("load_mnist");
        List<?> f32 = (List<?>) rt.callGlobal("load_mnist", List.of(), java.util.Map.of("dtype", "float32"));
        for (int s = 0; s < 3; s++) {
            NDArray x64 = (NDArray) ((TdlTuple) f64.get(s)).get(0), x32 = (NDArray) ((TdlTuple) f32.get(s)).get(0);
            assertEquals(DType.FLOAT32, x32.dtype());
            assertTrue(x32.isFloats(), "stored as 4-byte floats");
            assertArrayEquals(x64.shape(), x32.shape());
            for (int i = 0; i < x64.size(); i += 97) assertEquals((float) x64.get(i), x32.floats()[i]); // np.asarray(x, 'float32')
            assertEquals(DType.INT64, ((NDArray) ((TdlTuple) f32.get(s)).get(1)).dtype());
        }
        TdlError e = assertThrows(TdlError.class, () -> rt.callGlobal("load_mnist", List.of(), java.util.Map.of("dtype", "float16")));
        assertEquals(tdl.vocab.ErrorKind.VALUE_ERROR, e.kind());
        assertEquals("load_mnist() dtype must be 'float64' or 'float32', not 'float16'", e.getMessage());
    }

    @Test
    void pixelsAreBytesOver255() {
        MnistLoader.Dataset d = MnistLoader.loadSampleResource();
        assertNotNull(d, "the sample must be packed on the classpath (pom.xml resources)");
        for (double v : d.train().x().data()) {
            double b = v * 255;
            assertEquals(Math.rint(b), b, 1e-9);
        }
    }

    @Test
    void packedCopyMatchesTheFilesOnDisk() {
        MnistLoader.Dataset packed = MnistLoader.loadSampleResource();
        Path data = MnistLoader.findSampleDir(null, List.of(Path.of("").toAbsolutePath()));
        assertNotNull(data);
        MnistLoader.Dataset disk = MnistLoader.loadDirectory(data);
        assertArrayEquals(disk.test().x().data(), packed.test().x().data());
        assertArrayEquals(disk.valid().y().data(), packed.valid().y().data());
    }

    @Test
    void withFileAccessSwitchedOffThePackedCopyIsUsed() {
        FakeRuntime rt = new FakeRuntime(tmp);
        rt.denyAll = true;
        MnistLoader.Dataset d = DataLibrary.loadDefault(rt);
        assertEquals(8000, d.train().x().dim(0));
    }

    @Test
    void sampleIsFoundUnderTdlHomeFirstThenWalkingUp() {
        byte[] im = Idx.images(10, 1, 1, Idx.pattern(10, 1));
        byte[] lb = Idx.labels(new byte[10]);
        Path home = tmp.resolve("home");
        Idx.write(home.resolve("data"), MnistLoader.SAMPLE_IMAGES + ".gz", Idx.gzip(im));
        Idx.write(home.resolve("data"), MnistLoader.SAMPLE_LABELS + ".gz", Idx.gzip(lb));
        Path project = tmp.resolve("project");
        Idx.write(project.resolve("data"), MnistLoader.SAMPLE_IMAGES, im);
        Idx.write(project.resolve("data"), MnistLoader.SAMPLE_LABELS, lb);
        Path deep = project.resolve("scripts/lab4");
        Idx.write(deep, "x.tdl", new byte[0]);

        assertEquals(home.resolve("data"), MnistLoader.findSampleDir(home.toString(), List.of(deep)));
        assertEquals(project.resolve("data"), MnistLoader.findSampleDir(null, List.of(deep)));
        assertEquals(project.resolve("data"), MnistLoader.findSampleDir(tmp.resolve("nowhere").toString(), List.of(deep)));
        assertNull(MnistLoader.findSampleDir(null, List.of(tmp.resolve("elsewhere"))));
    }

    @Test
    void sampleSplitIsTrainThenValidThenTest() {
        Path dir = tmp.resolve("s");
        byte[] labels = new byte[20];
        for (int i = 0; i < 20; i++) labels[i] = (byte) (i % 10);
        Idx.write(dir, MnistLoader.SAMPLE_IMAGES + ".gz", Idx.gzip(Idx.images(20, 2, 2, Idx.pattern(20, 4))));
        Idx.write(dir, MnistLoader.SAMPLE_LABELS + ".gz", Idx.gzip(Idx.labels(labels)));
        MnistLoader.Dataset d = MnistLoader.loadDirectory(dir);
        assertArrayEquals(new int[] {16, 4}, d.train().x().shape());
        assertArrayEquals(new int[] {2, 4}, d.valid().x().shape());
        assertArrayEquals(new int[] {2, 4}, d.test().x().shape());
        // image 16 (the first of valid) has pixels 16*7 + j = 112..115; labels 6, 7 then 8, 9
        assertArrayEquals(new double[] {112 / 255.0, 113 / 255.0, 114 / 255.0, 115 / 255.0},
                java.util.Arrays.copyOf(d.valid().x().data(), 4));
        assertArrayEquals(new double[] {6, 7}, d.valid().y().data());
        assertArrayEquals(new double[] {8, 9}, d.test().y().data());
    }
}
