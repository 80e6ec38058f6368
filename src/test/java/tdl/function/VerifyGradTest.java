package tdl.function;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tdl.function.TestGraphs.T;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tdl.graph.GraphError;
import tdl.graph.NDArray;

class VerifyGradTest {
    @Test
    void correctGradientsPass() {
        Random r = new Random(3);
        VerifyGrad.Result res = VerifyGrad.verify(
                in -> T.tanh(T.add(T.dot(in.get(0), in.get(1)), T.sigmoid(in.get(0)))),
                List.of(TestGraphs.random(r, 3, 3), TestGraphs.random(r, 3, 3)), 42, 1e-6, 1e-5);
        assertTrue(res.maxRelError() < 1e-5, res.toString());
    }

    @Test
    void aKinkIsReportedAsAMismatch() {
        // floor has a zero gradient, but at 1.0 the finite difference sees the jump
        GraphError e = assertThrows(GraphError.class, () -> VerifyGrad.verify(
                in -> T.floor(in.get(0)), List.of(NDArray.of(new double[] {0.5, 1.0}, 2)), 1, 1e-4, 1e-4));
        assertEquals(ErrorKind.GRADIENT_ERROR, e.kind());
        assertTrue(e.getMessage().startsWith("verify_grad: ") && e.getMessage().contains("mismatch"), e.getMessage());
    }

    @Test
    void anElementFailsOnlyWhenBothItsAbsoluteAndItsRelativeErrorAreAboveTheirTolerances() {
        // Theano's rule: the floor kink's absolute error (about 5000 * r, r < 1) is under abs_tol = 1e5
        VerifyGrad.Result res = VerifyGrad.verify(in -> T.floor(in.get(0)), List.of(NDArray.of(new double[] {0.5, 1.0}, 2)),
                1, 1e-4, 1e5, 1e-4);
        assertEquals(1.0, res.maxRelError(), 1e-12);
        // and its relative error (1) is under rel_tol = 2; only both tolerances exceeded fail (aKinkIsReportedAsAMismatch)
        res = VerifyGrad.verify(in -> T.floor(in.get(0)), List.of(NDArray.of(new double[] {0.5, 1.0}, 2)), 1, 1e-4, 1e-4, 2);
        assertTrue(res.maxAbsError() > 1, res.toString());
    }
}
