package tdl.repl;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tdl.function.CompiledFunction;
import tdl.function.FunctionCompiler;
import tdl.vocab.OnUnused;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.ops.TensorOps;
import tdl.syntax.TdlError;

/** The check the REPL's Ctrl-C relies on: a compiled call interrupted before storing stores no update. */
class InterruptedCallTest {
    @Test
    void aCallInterruptedAfterComputingStoresNoneOfItsUpdates() {
        TensorOps t = new TensorOps(() -> null);
        SharedVariable a = new SharedVariable(NDArray.zeros(DType.FLOAT64), "a");
        SharedVariable b = new SharedVariable(NDArray.zeros(DType.FLOAT64), "b");
        CompiledFunction step = FunctionCompiler.compile(List.of(), List.of(),
                List.of(Map.entry(a, t.add(a, 1.0)), Map.entry(b, t.add(b, 2.0))), Map.of(), FunctionCompiler.Options.defaults().withOnUnused(OnUnused.RAISE).withName("step"));
        step.call(List.of());
        assertThrows(TdlError.class, () -> step.call(List.of(), () -> {
            throw new TdlError(ErrorKind.KEYBOARD_INTERRUPT, "interrupted");
        }));
        assertEquals(1.0, a.value().data()[0]);
        assertEquals(2.0, b.value().data()[0]);
        step.call(List.of(), () -> {});
        assertEquals(2.0, a.value().data()[0]);
        assertEquals(4.0, b.value().data()[0]);
    }
}
