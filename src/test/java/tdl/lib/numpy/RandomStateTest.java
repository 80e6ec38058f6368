package tdl.lib.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.interp.TdlCallable;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;

/** Expected values come from real numpy 1.24 (np.random.RandomState) and the brief. */
class RandomStateTest {
    private final FakeRuntime rt = new FakeRuntime(java.nio.file.Path.of("."), null);

    private Map<String, TdlCallable> rs(Object seed) {
        RandomState r = new RandomState(seed);
        return RandomMethods.bind(() -> r);
    }

    private static double[] values(Object o) {
        return ((NDArray) o).data();
    }

    @Test
    void randMatchesNumpy() {
        assertArrayEquals(new double[] {0.69646919, 0.28613933, 0.22685145}, values(RandomMethods.call(rs(123L), rt, "rand", 3L)), 1e-8);
        assertArrayEquals(new double[] {0.5488135, 0.71518937}, values(RandomMethods.call(rs(0L), rt, "rand", 2L)), 1e-8);
        assertArrayEquals(new double[] {0.09763203}, values(RandomMethods.call(rs(4294967295L), rt, "rand", 1L)), 1e-8);
    }

    @Test
    void randnUsesLegacyPolarGaussWithCache() {
        assertArrayEquals(new double[] {1.76405235, 0.40015721, 0.97873798, 2.2408932, 1.86755799},
                values(RandomMethods.call(rs(0L), rt, "randn", 5L)), 1e-8);
        var r = rs(1L);
        assertArrayEquals(new double[] {1.62434536, -0.61175641, -0.52817175}, values(RandomMethods.call(r, rt, "randn", 3L)), 1e-8);
        assertEquals(-1.0729686221561705, (Double) RandomMethods.call(r, rt, "randn"), 1e-12);
    }

    @Test
    void randintUsesMaskedRejection() {
        var r = rs(42L);
        NDArray a = (NDArray) RandomMethods.call(r, rt, "randint", 0L, 10L, 5L);
        assertEquals(DType.INT64, a.dtype());
        assertArrayEquals(new double[] {6, 3, 7, 4, 6}, a.data());
        assertArrayEquals(new double[] {137332, 999885, 521425}, values(RandomMethods.call(r, rt, "randint", -5L, 1000000L, 3L)));
        var big = rs(4294967295L);
        RandomMethods.call(big, rt, "rand", 1L);
        assertArrayEquals(new double[] {53956357191.0, 775354646080.0}, values(RandomMethods.call(big, rt, "randint", 0L, 1L << 40, 2L)));
    }

    @Test
    void uniformAndNormal() {
        var r = rs(7L);
        assertArrayEquals(new double[] {-0.77107513, 1.33975638, 0.31522769}, values(RandomMethods.call(r, rt, "uniform", -1L, 2L, 3L)), 1e-8);
        assertArrayEquals(new double[] {5.18633212, 11.40182942, 4.68602268}, values(RandomMethods.call(r, rt, "normal", 5L, 2L, 3L)), 1e-8);
    }

    @Test
    void permutationAndShuffle() {
        assertArrayEquals(new double[] {5, 4, 1, 2, 9, 6, 7, 0, 3, 8}, values(RandomMethods.call(rs(3L), rt, "permutation", 10L)));
        List<Object> x = new ArrayList<>(List.of(0L, 1L, 2L, 3L, 4L, 5L));
        RandomMethods.call(rs(3L), rt, "shuffle", x);
        assertEquals(List.of(3L, 5L, 4L, 1L, 0L, 2L), x);
    }

    @Test
    void binomialInversionAndBtpe() {
        var r = rs(5L);
        assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0, 1, 0, 0, 0}, values(RandomMethods.call(r, rt, "binomial", 1L, 0.3, 10L)));
        assertArrayEquals(new double[] {64, 66, 67, 57, 55}, values(RandomMethods.call(r, rt, "binomial", 100L, 0.6, 5L)));
        assertArrayEquals(new double[] {8, 14, 14, 8, 6}, values(RandomMethods.call(r, rt, "binomial", 20L, 0.5, 5L)));
        NDArray p = NDArray.of(new double[] {0.1, 0.5, 0.9, 0.99}, 4);
        assertArrayEquals(new double[] {0, 1, 1, 1}, values(RandomMethods.call(rs(9L), rt, "binomial", 1L, p)));
    }

    @Test
    void choiceAndArraySeed() {
        var r = rs(11L);
        assertArrayEquals(new double[] {1, 0, 3, 1}, values(RandomMethods.call(r, rt, "choice", 5L, 4L)));
        TdlCallable choice = r.get("choice");
        NDArray noRepl = (NDArray) choice.call(rt, new tdl.interp.Args("choice", List.of(5L, 3L),
                new java.util.LinkedHashMap<>(Map.of("replace", false))));
        assertArrayEquals(new double[] {3, 0, 2}, noRepl.data());
        NDArray weighted = (NDArray) choice.call(rt, new tdl.interp.Args("choice", List.of(List.of(10L, 20L, 30L), 4L),
                new java.util.LinkedHashMap<>(Map.of("p", List.of(0.1, 0.2, 0.7)))));
        assertArrayEquals(new double[] {10, 30, 30, 30}, weighted.data());
        assertArrayEquals(new double[] {0.60986127, 0.88669704}, values(RandomMethods.call(rs(List.of(1L, 2L, 3L)), rt, "rand", 2L)), 1e-8);
    }

    @Test
    void sizeShapesAndScalars() {
        var r = rs(0L);
        assertEquals(Double.class, RandomMethods.call(r, rt, "rand").getClass());
        NDArray a = (NDArray) RandomMethods.call(r, rt, "uniform", 0L, 1L, TdlTuple.of(2L, 3L));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertThrows(TdlError.class, () -> new RandomState(-1L));
        assertThrows(TdlError.class, () -> RandomMethods.call(rs(0L), rt, "randint", 5L, 5L));
    }

    @Test
    void moduleLevelFunctionsShareOneSeededStatePerSession() {
        var np = rt.np();
        var random = (tdl.interp.TdlModule) np.members().get("random");
        ((TdlCallable) random.members().get("seed")).call(rt, tdl.interp.Args.of("seed", 123L));
        NDArray a = (NDArray) ((TdlCallable) random.members().get("rand")).call(rt, tdl.interp.Args.of("rand", 3L));
        assertArrayEquals(new double[] {0.69646919, 0.28613933, 0.22685145}, a.data(), 1e-8);
        Object state = ((TdlCallable) random.members().get("RandomState")).call(rt, tdl.interp.Args.of("RandomState", 0L));
        Object draw = ((TdlCallable) rt.attr(state, "rand")).call(rt, tdl.interp.Args.of("rand", 2L));
        assertArrayEquals(new double[] {0.5488135, 0.71518937}, ((NDArray) draw).data(), 1e-8);
        // a second session is independent of the first
        FakeRuntime other = new FakeRuntime(java.nio.file.Path.of("."), 0L);
        var r2 = (tdl.interp.TdlModule) other.np().members().get("random");
        NDArray b = (NDArray) ((TdlCallable) r2.members().get("rand")).call(other, tdl.interp.Args.of("rand", 2L));
        assertArrayEquals(new double[] {0.5488135, 0.71518937}, b.data(), 1e-8);
    }
}
