package tdl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.TensorOps;
import tdl.rewrite.Pipeline;

/** MonitorMode's hook: called before and after every step of the plan, in order, with the step's values. */
class NodeMonitorTest {
    @Test
    void calledAroundEachStepInPlanOrder() {
        TensorOps t = new TensorOps(() -> null);
        Variable x = new Variable(new TensorType(DType.FLOAT64, 1), "x");
        Variable y = t.mul(t.exp(x), x);
        List<String> seen = new ArrayList<>();
        NodeMonitor m = new NodeMonitor() {
            @Override
            public void before(int i, Apply node, NDArray[] in) { seen.add("pre " + i + " " + node.op().name() + " " + in.length); }

            @Override
            public void after(int i, Apply node, NDArray[] in, NDArray out) {
                seen.add("post " + i + " " + node.op().name() + " " + Arrays.toString(out.data()));
            }
        };
        // without fusion, as MonitorMode(...).excluding('fusion'): one step per op
        CompiledFunction f = FunctionCompiler.compile(List.of(x), List.of(y), List.of(), Map.of(),
                FunctionCompiler.Options.defaults().withPipeline(Pipeline.standard().without("fuse")).withMonitor(m));
        f.call(List.of(NDArray.of(new double[] {0}, 1)));
        assertEquals(List.of("pre 0 Elemwise{exp} 1", "post 0 Elemwise{exp} [1.0]", "pre 1 Elemwise{mul} 2", "post 1 Elemwise{mul} [0.0]"), seen);
    }

    @Test
    void noMonitorByDefault() {
        assertEquals(null, FunctionCompiler.Options.defaults().monitor());
    }
}
