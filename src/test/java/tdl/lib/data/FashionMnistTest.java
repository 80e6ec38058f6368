package tdl.lib.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The real 60k/10k files, where Debian's dataset-fashion-mnist is installed (skipped elsewhere).
 * Fashion-MNIST is balanced: 6000 training and 1000 test images per class.
 */
class FashionMnistTest {
    private static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void theDebianPackageLoadsWithBalancedClasses() {
        assumeTrue(Files.isDirectory(DIR), "apt-get install dataset-fashion-mnist to run this test");
        MnistLoader.Dataset d = MnistLoader.loadDirectory(DIR);
        assertArrayEquals(new int[] {50000, 784}, d.train().x().shape());
        assertArrayEquals(new int[] {10000, 784}, d.valid().x().shape());
        assertArrayEquals(new int[] {10000, 784}, d.test().x().shape());
        long[] trainAndValid = new long[10];
        for (double v : d.train().y().data()) trainAndValid[(int) v]++;
        for (double v : d.valid().y().data()) trainAndValid[(int) v]++;
        long[] test = new long[10];
        for (double v : d.test().y().data()) test[(int) v]++;
        long[] six = new long[10];
        long[] one = new long[10];
        java.util.Arrays.fill(six, 6000);
        java.util.Arrays.fill(one, 1000);
        assertArrayEquals(six, trainAndValid);
        assertArrayEquals(one, test);
    }
}
