package tdl.lib.theano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tdl.session.Session;
import tdl.syntax.TdlError;

/**
 * Learning-rate decay on a float32 shared variable: lr.get_value() * 0.95 is a numpy float64 under
 * numpy 1.x, which Theano's TensorType.filter refuses; the hint names the cause and the fix.
 */
class SetValueDecayHintTest {
    private static TdlError failure(String code) {
        Session s = new Session();
        return assertInstanceOf(TdlError.class, s.runOnWorker(() -> s.exec(code, "t.tdl")));
    }

    @Test
    void decayByPythonFloatExplainsTheFloat64() {
        TdlError e = failure("import numpy as np\nimport theano\nlr = theano.shared(np.float32(0.1))\n"
                + "lr.set_value(lr.get_value() * 0.95)\n");
        assertEquals("TypeError", e.kindName(), e.format());
        assertTrue(e.hint().contains("multiply by np.float32(0.95)"), e.hint());
        assertTrue(e.hint().contains("np.float32(v)"), e.hint());
    }

    @Test
    void float64ArrayIntoFloat32KeepsTheGeneralHint() {
        TdlError e = failure("import numpy as np\nimport theano\nw = theano.shared(np.zeros(2, dtype='float32'))\n"
                + "w.set_value(np.full(2, 0.1))\n");
        assertEquals("TypeError", e.kindName(), e.format());
        assertTrue(e.hint().startsWith("cast the data with .astype('float32')"), e.hint());
    }
}
