package tdl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tdl.syntax.TdlError;

/**
 * Allocations that cannot succeed are refused before they start, as MemoryError naming the shape,
 * dtype and size (or Java's array limit), and the session goes on; the figures are numpy's
 * (100000 x 100000 float64 = 80,000,000,000 bytes = 74.5 GiB).
 */
class MemoryLimitsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "np.zeros((100000, 100000))           | (100000, 100000) and data type float64: 10000000000 elements",
            "np.ones((30000, 30000))              | Unable to allocate 6.71 GiB for an array with shape (30000, 30000)",
            "np.eye(10**6)                        | (1000000, 1000000) and data type float64: 1000000000000 elements",
            "np.zeros((65536, 65537))             | (65536, 65537) and data type float64: 4295032832 elements",
            "np.arange(10**12)                    | (1000000000000,) and data type int64",
            "T.zeros((10**6, 10**6)).eval()       | (1000000, 1000000) and data type float64",
            "T.alloc(0.0, 100000, 100000).eval()  | (100000, 100000) and data type float32", // 0.0 is float32, as in Theano
            "'ab' * 10**10                        | repeated string is too long",
            "[0] * 10**10                         | repeated list is too long",
            "list(range(10**10))                  | list is too long: 10000000000 items",
    })
    void aHugeAllocationIsAMemoryErrorAndTheSessionGoesOn(String code, String message) {
        TdlSession s = Tdl.builder().output(new StringWriter()).errorOutput(new StringWriter()).build();
        s.eval("import numpy as np\nimport theano.tensor as T");
        TdlError e = assertThrows(TdlError.class, () -> s.eval(code));
        assertEquals("MemoryError", e.kind().pyName(), e.format());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.pos() != null, "the error names its line");
        if (e.getMessage().contains("Java's array limit")) assertTrue(e.getMessage().contains("2147483639"), e.getMessage());
        assertEquals(6.0, s.eval("float(np.ones((2, 3)).sum())"), "the session is usable afterwards");
    }
}
