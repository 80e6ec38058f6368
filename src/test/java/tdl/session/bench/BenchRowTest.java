package tdl.session.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table's arithmetic: ratios to both numpy columns, GFLOP/s and the fraction of the peak. */
class BenchRowTest {
    @Test
    void ratiosRatesAndFractionOfPeakAreComputedFromTheMedian() {
        BenchRow r = new BenchRow("epoch", new double[] {3, 2, 5}, 4.0, 10.0, 6e9, "t");
        String table = BenchRow.table(List.of(r), 6e9);
        String line = table.lines().skip(1).findFirst().orElseThrow();
        // median 3 s: 3/4 and 3/10, 6 GFLOP in 3 s = 2 GFLOP/s, a third of a 6 GFLOP/s peak
        assertTrue(line.contains("0.75") && line.contains("0.30") && line.contains("2.0") && line.contains("33%"), line);
    }

    @Test
    void aRowWithItsOwnPeakIsMeasuredAgainstIt() {
        // float32 rows carry the float32 peak: the same rate is a smaller fraction of it
        BenchRow f64 = new BenchRow("f64", new double[] {2}, null, null, 4e9, 0, "t");
        BenchRow f32 = new BenchRow("f32", new double[] {2}, null, null, 4e9, 8e9, "t");
        List<String> lines = BenchRow.table(List.of(f64, f32), 4e9).lines().skip(1).toList();
        assertTrue(lines.get(0).contains("2.0") && lines.get(0).contains("50%"), lines.get(0));
        assertTrue(lines.get(1).contains("2.0") && lines.get(1).contains("25%"), lines.get(1));
    }

    @Test
    void theEpochAndSamplingWorkIsWhatTheNumpyScriptCounts() {
        // bench/rbm_numpy.py: (1 + 2k + 2 + 2) products of 2 * batch * 784 * hidden per minibatch, 500 minibatches
        assertEquals(35 * 2.0 * 20 * 784 * 500 * 500, BenchRunner.epochFlop(500, 20), 1);
        assertEquals(274.4e9, BenchRunner.epochFlop(500, 20), 1e8);
        assertEquals(10 * 1000 * 2 * 2.0 * 20 * 784 * 500, BenchRunner.SAMPLING_FLOP, 1);
    }

    @Test
    void scalingTimesAFewMinibatchesPerSize() {
        assertEquals(15, ScalingBench.timedBatches(500, 20, 500));
        assertEquals(2, ScalingBench.timedBatches(2000, 500, 500));
        assertEquals(5, ScalingBench.timedBatches(500, 20, 5)); // never more than --batches
    }

    @Test
    void numpyIsTunedInItsOwnCommandOnly() {
        Map<String, String> env = new HashMap<>(Map.of("OPENBLAS_CORETYPE", "Haswell", "OPENBLAS_L2_SIZE", "1", "PATH", "/bin"));
        NumpyReference.tune(env);
        assertFalse(env.containsKey("OPENBLAS_CORETYPE") || env.containsKey("OPENBLAS_L2_SIZE"));
        assertEquals("1073741824", env.get("MALLOC_TRIM_THRESHOLD_"));
        assertEquals("1073741824", env.get("MALLOC_MMAP_THRESHOLD_"));
        assertEquals("/bin", env.get("PATH"));
    }
}
