package tdl.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tdl.session.Session;
import tdl.syntax.TdlError;

/**
 * A float64 step fed a float32 initial value: the hint's remedies must work. A numpy float64
 * scalar keeps its dtype in a graph (Theano's NumpyAutocaster passes numpy scalars through), so
 * np.float64(0.0) is a float64 initial value; only a Python float is autocast to float32.
 */
class ScanDtypeHintTest {
    private static final String STEP = "import numpy as np\nimport theano\nimport theano.tensor as T\n"
            + "w = theano.shared(np.ones(3))\nx = T.dmatrix('x')\n";

    private static TdlError failure(String code) {
        Session s = new Session();
        return assertInstanceOf(TdlError.class, s.runOnWorker(() -> s.exec(code, "t.tdl")));
    }

    private static Object run(String code) {
        Session s = new Session();
        return s.runOnWorker(() -> s.exec(code, "t.tdl"));
    }

    @Test
    void float32InitialForAFloat64StepNamesWorkingRemedies() {
        TdlError e = failure(STEP + "h, _ = theano.scan(lambda x_t, h: h + x_t * w, sequences=x, outputs_info=T.fvector())\n");
        assertEquals("TypeError", e.kindName(), e.format());
        assertTrue(e.hint().contains("np.float64(0.0), T.constant(0.0, dtype='float64')"), e.hint());
        assertFalse(e.hint().contains("np.float64(0.0) is float32"), e.hint());
    }

    @Test
    void numpyFloat64InitialValueIsFloat64() {
        Object r = run(STEP + "h, _ = theano.scan(lambda x_t, h: h + T.sum(x_t * w), sequences=x, outputs_info=np.float64(0.0))\n"
                + "h.dtype\n");
        assertFalse(r instanceof Throwable, String.valueOf(r));
    }
}
