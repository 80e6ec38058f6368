package tdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tdl.session.Session;
import tdl.syntax.TdlError;

/**
 * numpy scalars are Python numbers in TDL (docs/decisions.md), so `np.float32(x).dtype` cannot be
 * answered: the error says why, and how to keep the dtype, instead of a bare "no attribute".
 */
class NumpyScalarHintTest {
    private static TdlError failure(String code) {
        Session s = new Session();
        return assertInstanceOf(TdlError.class, s.runOnWorker(() -> s.exec(code, "t.tdl")));
    }

    @Test
    void aNumpyScalarsDtypeOrItemSaysHowToKeepIt() {
        TdlError dtype = failure("import numpy as np\nx = np.float32(0.1) + 1\nprint(x.dtype)\n");
        assertEquals("AttributeError", dtype.kindName());
        assertTrue(dtype.format().contains("'float' object has no attribute 'dtype'"), dtype.format());
        assertTrue(dtype.hint().contains("np.asarray(x)"), dtype.format());
        TdlError item = failure("import numpy as np\nprint(np.ones(3).sum().item())\n");
        assertTrue(item.hint().contains("numpy scalars"), item.format());
        TdlError intShape = failure("import numpy as np\nprint(np.arange(3)[1].shape)\n");
        assertTrue(intShape.hint().contains("numpy scalars"), intShape.format());
    }

    @Test
    void otherMissingAttributesKeepTheSpellingHint() {
        TdlError e = failure("x = 1.5\nprint(x.is_integr())\n");
        assertEquals("did you mean 'is_integer'?", e.hint());
    }
}
