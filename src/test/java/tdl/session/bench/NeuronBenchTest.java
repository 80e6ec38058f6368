package tdl.session.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.function.CompiledFunction;
import tdl.graph.NDArray;
import tdl.lib.theano.TheanoLibrary;
import tdl.session.Session;
import tdl.session.SessionOptions;

/** The benchmark's one-neuron workload: its script trains, and the forked JVM's report is read back. */
class NeuronBenchTest {
    @Test
    void theBenchmarkedFunctionIsTheLabsOneNeuronFit() {
        Session s = new Session(SessionOptions.defaults().withSeed(1234L));
        s.exec(BenchRunner.resource("tdl/bench/neuron_bench.tdl"), "<neuron bench>");
        CompiledFunction f = TheanoLibrary.compiledFunction(s.get("neuron"));
        NDArray p = (NDArray) s.get("neuron_p"), t = (NDArray) s.get("neuron_t");
        for (int i = 0; i < 2000; i++) f.callBorrowed(p, t);
        assertEquals(0.0, f.call(List.of(p, t)).get(0).item(), 1e-6); // y = 2x + 1 fitted
        s.call("neuron_loop", 10L);
    }

    @Test
    void theForkedReportIsReadBack() {
        NeuronBench.Result r = NeuronBench.parse("WARNING: something the JVM said\ncall 1.0E-6 9.0E-7\n"
                + "borrowed 8.0E-7 8.5E-7\nloop 1.1E-6 1.2E-6\nbytes 112 0\n");
        assertArrayEquals(new double[] {1.0e-6, 9.0e-7}, r.call());
        assertArrayEquals(new double[] {8.0e-7, 8.5e-7}, r.borrowed());
        assertArrayEquals(new double[] {1.1e-6, 1.2e-6}, r.loop());
        assertEquals(112, r.callBytes());
        assertEquals(0, r.borrowedBytes());
        assertNull(NeuronBench.parse("Error: could not find or load main class"));
    }
}
