package tdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tdl.session.Session;
import tdl.session.SessionOptions;
import tdl.syntax.TdlError;

/**
 * numpy scalars answer the attributes numpy's do (they used to be Python numbers whose missing
 * {@code .dtype} got a hint pointing to np.asarray); a Python float still has none of them, and its
 * error now carries only the usual spelling hint.
 */
class NumpyScalarAttributesTest {
    private static String run(String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session s = new Session(SessionOptions.defaults().withOut(ps).withErr(ps));
        s.runOnWorker(() -> s.exec(code, "t.tdl"));
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private static TdlError failure(String code) {
        Session s = new Session();
        return assertInstanceOf(TdlError.class, s.runOnWorker(() -> s.exec(code, "t.tdl")));
    }

    @Test
    void aNumpyScalarHasTheAttributesTheHintUsedToExplain() {
        assertEquals("float32 0.10000000149011612 () float64", run("import numpy as np\nx = np.float32(0.1)\n"
                + "print(x.dtype, x.item(), np.arange(3)[1].shape, (np.ones(3).sum() + 1).dtype)"));
    }

    @Test
    void aPythonFloatHasNoDtypeAndNoNumpyHint() {
        TdlError e = failure("x = 1.5\nprint(x.dtype)\n");
        assertEquals("AttributeError", e.kindName());
        assertEquals("'float' object has no attribute 'dtype'", e.detail());
        assertNull(e.hint());
    }

    @Test
    void otherMissingAttributesKeepTheSpellingHint() {
        TdlError e = failure("x = 1.5\nprint(x.is_integr())\n");
        assertEquals("did you mean 'is_integer'?", e.hint());
    }
}
