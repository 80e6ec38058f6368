package tdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import tdl.session.Session;
import tdl.syntax.TdlError;

/** "convert with str()" is advice for a number next to a string, never for an array or a tensor. */
class StrConcatHintTest {
    private static TdlError failure(String code) {
        Session s = new Session();
        return assertInstanceOf(TdlError.class, s.runOnWorker(() -> s.exec(code, "t.tdl")));
    }

    @Test
    void numberPlusStringSuggestsStr() {
        assertEquals("convert with str() first, or use an f-string", failure("n = 3\nn + 'hi'\n").hint());
        assertEquals("convert with str() first, or use an f-string", failure("'loss ' + 0.5\n").hint());
    }

    @Test
    void arrayOrTensorPlusStringGivesNoStrHint() {
        TdlError array = failure("import numpy as np\nx = np.ones(3)\nx + 'hi'\n");
        assertEquals("TypeError", array.kindName());
        assertNull(array.hint(), array.format());
        TdlError tensor = failure("import theano.tensor as T\nx = T.vector('x')\nx + 'hi'\n");
        assertEquals("TypeError", tensor.kindName(), tensor.format());
        assertNull(tensor.hint(), tensor.format());
    }
}
