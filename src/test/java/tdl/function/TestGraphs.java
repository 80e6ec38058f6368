package tdl.function;

import tdl.vocab.OnUnused;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.TensorOps;

/** Small builders shared by the tests of compiled functions (tdl.function, tdl.scan). */
public final class TestGraphs {
    private TestGraphs() {}

    public static final TensorOps T = new TensorOps(() -> "test.tdl:1");

    public static Variable vector(String name) { return new Variable(new TensorType(DType.FLOAT64, 1), name); }

    public static Variable matrix(String name) { return new Variable(new TensorType(DType.FLOAT64, 2), name); }

    public static Variable scalar(String name) { return new Variable(new TensorType(DType.FLOAT64, 0), name); }

    public static NDArray random(Random rng, int... shape) {
        double[] d = new double[(int) NDArray.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) d[i] = rng.nextGaussian();
        return NDArray.of(d, shape);
    }

    public static NDArray eval1(List<Variable> inputs, Variable out, List<NDArray> args) {
        return FunctionCompiler.compile(inputs, List.of(out), List.of(), Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.IGNORE).withName("f"))
                .call(args).get(0);
    }
}
