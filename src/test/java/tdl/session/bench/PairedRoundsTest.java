package tdl.session.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's rounds: a TDL epoch, then numpy's (warmed), then the round's samples; ratios per round. */
class PairedRoundsTest {
    // stands in for rbm_numpy.py: prints its lines only when told to warm up, so a missing flag shows
    private static final String FAKE_NUMPY = """
            case "$*" in
              *"--warmup-batches 20"*) ;;
              *) echo "no warm-up asked: $*"; exit 3 ;;
            esac
            echo "epoch time [float64]: median 2.000 s  min 2.000  max 2.000  (n=1)"
            case "$*" in
              *--no-sample*) ;;
              *) echo "sampling [float64]: 20 chains x 1 samples x 1000 Gibbs steps from digit 7: 1.000 s  (31.4 GFLOP)" ;;
            esac
            """;

    @Test
    void eachRoundPairsATdlEpochWithNumpysAndSpreadsTheSamples(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("fake_numpy.sh"), FAKE_NUMPY);
        double[] epochs = {1.0, 2.0, 3.0};
        int[] next = {0};
        List<String> lines = new ArrayList<>();
        PairedRounds.Result r = PairedRounds.run(3, 4, PairedRounds.of(() -> epochs[next[0]++], () -> 0.5), script,
                new NumpyReference.Run("/bin/sh", false, 100, List.of()), lines::add);
        assertNull(r.error());
        assertArrayEquals(epochs, r.tdlEpoch());
        assertArrayEquals(new double[] {2, 2, 2}, r.numpyEpoch());
        assertArrayEquals(new double[] {0.5, 1.0, 1.5}, r.epochRatios(), 1e-12);
        assertEquals(4, r.tdlSampleCalls().length); // 2 + 1 + 1
        // numpy's sampling figure is scaled to 10 samples: 1 s for 2 samples is 5 s, for 1 sample 10 s
        assertArrayEquals(new double[] {5, 10, 10}, r.numpySampling(), 1e-12);
        assertArrayEquals(new double[] {0.1, 0.05, 0.05}, r.samplingRatios(), 1e-12);
        assertEquals(3, lines.size());
        assertTrue(r.describe("tuned").contains("epoch TDL/numpy 0.50 1.00 1.50 (median 1.00)"), r.describe("tuned"));
        assertEquals(2.0, r.reference().epochSeconds());
        assertEquals(10.0, r.reference().samplingSeconds());
    }

    @Test
    void aRoundWithoutSamplesAsksNumpyForNone(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("fake_numpy.sh"), FAKE_NUMPY);
        PairedRounds.Result r = PairedRounds.run(2, 1, PairedRounds.of(() -> 1.0, () -> 0.5), script,
                new NumpyReference.Run("/bin/sh", false, 0, List.of()), line -> { });
        assertTrue(Double.isNaN(r.tdlSampling()[1]) && Double.isNaN(r.numpySampling()[1]));
        assertArrayEquals(new double[] {0.05}, r.samplingRatios(), 1e-12);
    }

    @Test
    void withoutNumpyOnlyTdlIsTimed() {
        PairedRounds.Result r = PairedRounds.run(2, 2, PairedRounds.of(() -> 1.0, () -> 0.5), null,
                NumpyReference.Run.numpy(true, 0), line -> { });
        assertArrayEquals(new double[] {1, 1}, r.tdlEpoch());
        assertEquals(0, r.epochRatios().length);
        assertNull(r.reference().epochSeconds());
        assertTrue(r.describe("tuned").endsWith("epoch TDL/numpy -; sampling -"), r.describe("tuned"));
    }
}
