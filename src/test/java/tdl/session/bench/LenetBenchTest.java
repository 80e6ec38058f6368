package tdl.session.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LenetBenchTest {
    @Test
    void theNumpyReferenceIsReadAndScaledToAnEpochOfSixteenMinibatches() {
        String text = "training @ iter = 0, cost 2.302585\nepoch time: 6.000 s (4 minibatches of 500)\n"
                + "forward time: 1.500 s (4 minibatches of 500)\n";
        assertEquals(24.0, LenetBench.epochFrom(text), 1e-12);
        assertEquals(6.0, LenetBench.forwardFrom(text), 1e-12);
        assertNull(LenetBench.epochFrom("Traceback (most recent call last):"));
    }

    @Test
    void theShippedLenetReferenceIsFound() {
        Path repo = Path.of("").toAbsolutePath();
        assertEquals(repo.resolve("bench/lenet_numpy.py"), NumpyReference.find(null, "lenet_numpy.py", repo, null));
    }
}
