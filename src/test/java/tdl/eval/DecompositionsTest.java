package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.vocab.ErrorKind;

/** Edge cases of the decompositions against numpy 2.4 (values pasted with the python line). */
class DecompositionsTest {
    private static NDArray m(int r, int c, double... d) { return NDArray.of(d, r, c); }

    @Test
    void qrLeavesAZeroColumnUnreflectedAsLapackDoes() {
        // q, r = np.linalg.qr(np.array([[0., 1., 2.], [0., 3., 4.]])) -> q = I, r = the input
        NDArray[] qr = Decompositions.qr(m(2, 3, 0, 1, 2, 0, 3, 4), "reduced");
        assertArrayEquals(new double[] {1, 0, 0, 1}, qr[0].data(), 0);
        assertArrayEquals(new double[] {0, 1, 2, 0, 3, 4}, qr[1].data(), 0);
    }

    @Test
    void pinvOfARankOneMatrixDropsTheZeroSingularValue() {
        // np.linalg.pinv(np.outer([1., 2., 3.], [1., -1.]))
        NDArray p = Decompositions.pinv(m(3, 2, 1, -1, 2, -2, 3, -3));
        assertArrayEquals(new double[] {0.03571428571428571, 0.07142857142857141, 0.10714285714285712,
                -0.03571428571428571, -0.07142857142857142, -0.10714285714285715}, p.data(), 1e-15);
    }

    @Test
    void singularValuesOfAWideMatrixDescend() {
        // np.linalg.svd([[1., 2., 3.], [4., 5., 6.]], compute_uv=False)
        NDArray s = Decompositions.svd(m(2, 3, 1, 2, 3, 4, 5, 6), false, false)[0];
        assertArrayEquals(new double[] {9.508032000695724, 0.7728696356734843}, s.data(), 1e-13);
    }

    @Test
    void emptyMatricesGiveNumpysShapes() {
        // np.linalg.qr(np.zeros((0, 3))) -> (0, 0), (0, 3); np.linalg.pinv(np.zeros((0, 3))) -> (3, 0)
        NDArray[] qr = Decompositions.qr(NDArray.zeros(DType.FLOAT64, 0, 3), "reduced");
        assertArrayEquals(new int[] {0, 0}, qr[0].shape());
        assertArrayEquals(new int[] {0, 3}, qr[1].shape());
        assertArrayEquals(new int[] {3, 0}, Decompositions.pinv(NDArray.zeros(DType.FLOAT64, 0, 3)).shape());
    }

    @Test
    void repeatedEigenvaluesAndFloat32() {
        NDArray[] wv = Decompositions.eigh(m(2, 2, 2, 0, 0, 2).astype(DType.FLOAT32), true, true);
        assertEquals(DType.FLOAT32, wv[0].dtype());
        assertArrayEquals(new double[] {2, 2}, wv[0].doubles(), 0);
        double[] v = wv[1].doubles(); // orthonormal columns
        assertEquals(0, v[0] * v[1] + v[2] * v[3], 1e-7);
        assertEquals(1, v[0] * v[0] + v[2] * v[2], 1e-7);
    }

    @Test
    void nonFiniteInputIsALinAlgError() {
        GraphError e = assertThrows(GraphError.class, () -> Decompositions.svd(m(1, 1, Double.NaN), true, true));
        assertEquals(ErrorKind.LINALG_ERROR, e.kind());
    }
}
