package tdl.function;

import tdl.vocab.OnUnused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tdl.function.TestGraphs.T;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tdl.graph.Variable;

class GraphPrinterTest {
    private final Variable w = TestGraphs.vector("w"), p = TestGraphs.matrix("p"), b = TestGraphs.scalar("b");
    private final Variable t = TestGraphs.matrix("t");

    @Test
    void ppPrintsInfix() {
        Variable y = T.add(T.mul(w, p), b);
        assertEquals("((w * p) + b)", GraphPrinter.pp(y));
        assertEquals("sum(sqr((t - ((w * p) + b))))", GraphPrinter.pp(T.sum(T.sqr(T.sub(t, y)))));
        assertEquals("exp(p)", GraphPrinter.pp(T.exp(p)));
        assertEquals("dot(p, t.T)", GraphPrinter.pp(T.dot(p, T.transpose(t))));
        assertEquals("-sum(p, axis=1)", GraphPrinter.pp(T.neg(T.sum(p, new int[] {1}, false))));
        assertEquals("p", GraphPrinter.pp(p));
    }

    @Test
    void ppWritesIndexingAsSubscripts() {
        Variable iv = new Variable(new tdl.graph.TensorType(tdl.graph.DType.INT64, 1), "iv");
        Variable i = new Variable(new tdl.graph.TensorType(tdl.graph.DType.INT64, 0), "i");
        tdl.graph.ops.Index from1 = new tdl.graph.ops.Index.Range(T.constant(1L), null, null);
        assertEquals("p[iv, 1:]", GraphPrinter.pp(T.subtensor(p, List.of(new tdl.graph.ops.Index.Vector(iv), from1))));
        assertEquals("p[iv]", GraphPrinter.pp(T.subtensor(p, List.of(new tdl.graph.ops.Index.Vector(iv)))));
        assertEquals("p[1:i:2, i]", GraphPrinter.pp(T.subtensor(p, List.of(
                new tdl.graph.ops.Index.Range(T.constant(1L), i, T.constant(2L)), new tdl.graph.ops.Index.Scalar(i)))));
        assertEquals("inc_subtensor(p[1:, iv], b)", GraphPrinter.pp(T.incSubtensor(p, List.of(from1, new tdl.graph.ops.Index.Vector(iv)), b)));
    }

    @Test
    void debugprintShowsTheTreeWithIds() {
        String expected = String.join("\n",
                "Elemwise{add,no_inplace} [id A] ''",
                " |Elemwise{mul,no_inplace} [id B] ''",
                " | |w [id C]",
                " | |p [id D]",
                " |b [id E]",
                "");
        assertEquals(expected, GraphPrinter.debugprint(T.add(T.mul(w, p), b)));
    }

    @Test
    void debugprintPrintsARepeatedSubtreeOnce() {
        Variable e = T.exp(p);
        e.setName("e");
        String expected = String.join("\n",
                "Elemwise{mul,no_inplace} [id A] ''",
                " |Elemwise{exp,no_inplace} [id B] 'e'",
                " | |p [id C]",
                " |Elemwise{exp,no_inplace} [id B] 'e'",
                "");
        assertEquals(expected, GraphPrinter.debugprint(T.mul(e, e)));
    }

    @Test
    void debugprintOfAFunctionShowsTheRewrittenGraphWithStepNumbers() {
        Variable x = TestGraphs.matrix("x");
        CompiledFunction f = FunctionCompiler.compile(List.of(x), List.of(T.log(T.add(T.constant(1.0), T.exp(x)))),
                List.of(), Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.RAISE).withName("f"));
        assertEquals("Elemwise{softplus,no_inplace} [id A] ''   0\n |x [id B]\n", GraphPrinter.debugprint(f));
    }

    @Test
    void printingADeepGraphDoesNotOverflow() {
        Variable y = p;
        for (int i = 0; i < 5000; i++) y = T.exp(y);
        assertTrue(GraphPrinter.debugprint(y).endsWith(" |p [id " + GraphPrinter.letters(5000) + "]\n"));
        assertTrue(GraphPrinter.pp(y).startsWith("exp(exp("));
    }

    @Test
    void dotTextHasOneNodePerOpAndLeafAndOneEdgePerInput() {
        String dot = GraphPrinter.dot(List.of(T.add(T.mul(w, p), b)));
        assertTrue(dot.startsWith("digraph G {"), dot);
        assertEquals(5, dot.split("\\[label=", -1).length - 1, dot);
        assertEquals(4, dot.split(" -> ", -1).length - 1, dot);
        assertTrue(dot.contains("label=\"Elemwise{add,no_inplace}\" shape=box peripheries=2"), dot);
    }
}
