package tdl.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tdl.eval.Eager;
import tdl.function.CompiledFunction;
import tdl.function.FunctionCompiler;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.vocab.OnUnused;

/** theano.printing.Print's op: identity value, output gradient passed through, shown at every computation. */
class PrintOpTest {
    private final TensorOps t = new TensorOps(() -> "test");
    private final List<String> shown = new ArrayList<>();
    private final PrintOp.Sink sink = (op, v) -> shown.add(op.message() + " " + java.util.Arrays.toString(v.data()));

    private Variable print(String message, Variable x) {
        return t.apply(new PrintOp(message, List.of("__str__"), sink), x);
    }

    @Test
    void valueIsTheInputAndTheSinkSeesIt() {
        NDArray v = Eager.evaluate(print("m", t.constant(NDArray.of(new double[] {1, 2}, 2))));
        assertArrayEquals(new double[] {1, 2}, v.data());
        assertEquals(List.of("m [1.0, 2.0]"), shown);
    }

    @Test
    void gradientIsTheOutputGradient() {
        // Theano's Print.grad returns output_gradients: d sum(print(x)^2 * R)/dx = 2 x R
        GradCheck.check(v -> t.mul(print("g", v.get(0)), print("h", v.get(0))), GradCheck.rand(1, -1, 1, 2, 3));
        Variable x = new Variable(new TensorType(DType.FLOAT64, 1), "x");
        Variable g = t.constant(NDArray.of(new double[] {3, 4}, 2));
        Variable p = print("p", x);
        assertSame(g, p.owner().op().grad(p.owner(), List.of(g)).get(0));
    }

    @Test
    void computedInEveryCallInGraphOrderAndNeverFolded() {
        // a Print of a constant would be folded at compile time were it not marked as having side effects
        Variable c = print("c", t.constant(NDArray.of(new double[] {5}, 1)));
        Variable x = new Variable(new TensorType(DType.FLOAT64, 1), "x");
        Variable a = print("a", x);
        Variable b = print("b", t.mul(a, t.constant(2.0)));
        Variable unused = print("unused", x); // not on a path to an output: never computed, as Theano
        assertTrue(unused.owner() != null);
        CompiledFunction f = FunctionCompiler.compile(List.of(x), List.of(t.add(b, c)), List.of(), Map.of(),
                FunctionCompiler.Options.defaults().withOnUnused(OnUnused.RAISE));
        assertEquals(List.of(), shown);
        NDArray in = NDArray.of(new double[] {1}, 1);
        assertArrayEquals(new double[] {7}, f.call(List.of(in)).get(0).data());
        f.call(List.of(in));
        assertEquals(2, shown.stream().filter(s -> s.startsWith("c ")).count());
        List<String> ab = shown.stream().filter(s -> !s.startsWith("c ")).toList();
        assertEquals(List.of("a [1.0]", "b [2.0]", "a [1.0]", "b [2.0]"), ab);
    }

    @Test
    void equalityFollowsThePropsAndTheSink() {
        PrintOp a = new PrintOp("m", List.of("shape"), sink);
        assertEquals(a, new PrintOp("m", List.of("shape"), sink));
        assertEquals(a.hashCode(), new PrintOp("m", List.of("shape"), sink).hashCode());
        assertNotEquals(a, new PrintOp("m", List.of("shape"), (op, v) -> { }));
        assertNotEquals(a, new PrintOp("n", List.of("shape"), sink));
        assertEquals("Print{message='m', attrs=('shape',)}", a.name());
        assertEquals("Print{message=\"it's\", attrs=('shape', '__str__')}", new PrintOp("it's", List.of("shape", "__str__"), sink).name());
    }
}
