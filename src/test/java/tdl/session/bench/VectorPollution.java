package tdl.session.bench;

import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API work of every double shape and many operators through one generic method, so the
 * profiles of the JDK's shared vector methods (the ones our kernels inline) see several vector
 * classes and operator kinds and take class-check traps, as they do in a JVM that ran other
 * Vector API code (another dtype's kernels, a library) before ours. Before the kernels followed
 * {@code tdl.eval.VectorKernels}' rules, this made the RBM's sigmoid box its results in most JVMs.
 */
final class VectorPollution {
    private VectorPollution() {}

    static double run(int iterations) {
        double sink = 0;
        for (int round = 0; round < 2; round++) {
            for (VectorSpecies<Double> s : List.of(DoubleVector.SPECIES_128, DoubleVector.SPECIES_256,
                    DoubleVector.SPECIES_512, DoubleVector.SPECIES_64, DoubleVector.SPECIES_MAX)) {
                sink += run(s, iterations);
            }
        }
        return sink;
    }

    private static double run(VectorSpecies<Double> s, int iterations) {
        double[] x = new double[s.length() * 4];
        double sink = 0;
        for (int i = 0; i < x.length; i++) x[i] = i * 0.37 - 1;
        for (int it = 0; it < iterations; it++) {
            for (int i = 0; i < x.length; i += s.length()) {
                DoubleVector v = DoubleVector.fromArray(s, x, i), w = DoubleVector.broadcast(s, 1.5 + it % 3);
                work(v, w).intoArray(x, i);
                sink += v.reduceLanes(VectorOperators.ADD);
            }
        }
        return sink;
    }

    private static DoubleVector work(DoubleVector v, DoubleVector w) {
        DoubleVector a = v.abs().neg().max(w).min(v).add(w).mul(v).div(w.add(3.0)).fma(v, w).sub(1.0);
        a = a.blend(w, a.compare(VectorOperators.LT, v)).lanewise(VectorOperators.EXP);
        LongVector l = a.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 3).lanewise(VectorOperators.XOR, 5L).mul(3L);
        return ((DoubleVector) l.convert(VectorOperators.L2D, 0)).blend(0.0, a.compare(VectorOperators.GE, 0.0));
    }
}
