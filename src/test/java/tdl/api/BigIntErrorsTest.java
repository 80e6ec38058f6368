package tdl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tdl.syntax.TdlError;

/**
 * Ints past 64 bits where Python raises, or where they meet something 64-bit (an array, a tensor, a
 * size, an index): a clear error with Python's (or numpy's) kind and wording, never a wrapped or
 * clamped number. The exact results are in scripts/lang/big_ints.tdl.
 */
class BigIntErrorsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // python3: float(2**1024) -> OverflowError: int too large to convert to float
            "float(2**1024)                 | OverflowError     | int too large to convert to float",
            "2**2000 + 0.5                  | OverflowError     | int too large to convert to float",
            "2**2000 / 3                    | OverflowError     | integer division result too large for a float",
            "[0] * 2**70                    | OverflowError     | cannot fit 'int' into an index-sized integer",
            "'a' * 2**70                    | OverflowError     | cannot fit 'int' into an index-sized integer",
            "[1, 2][2**70]                  | IndexError        | cannot fit 'int' into an index-sized integer",
            "str(10**5000)                  | ValueError        | Exceeds the limit (4300 digits) for integer string conversion",
            "int('1' * 5000)                | ValueError        | Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits",
            "int(float('inf'))              | OverflowError     | cannot convert float infinity to integer",
            "int(float('nan'))              | ValueError        | cannot convert float NaN to integer",
            "int('12', 2**40)               | ValueError        | int() base must be >= 2 and <= 36, or 0",
            "2**70 // 0                     | ZeroDivisionError | integer division or modulo by zero",
            "2**70 % 0                      | ZeroDivisionError | integer division or modulo by zero",
            "0 ** -2**70                    | ZeroDivisionError | 0.0 cannot be raised to a negative power",
            "math.exp(2**70)                | OverflowError     | math range error",
            "math.isqrt(-2**70)             | ValueError        | isqrt() argument must be nonnegative",
            "math.factorial(-2**70)         | ValueError        | factorial() not defined for negative values",
            "'%c' % 2**70                   | OverflowError     | %c arg not in range(0x110000)",
            // numpy's wording where a big int meets an array, a tensor or a size
            "np.array([2**70])              | OverflowError     | Python int too large to convert to C long",
            "np.zeros(2**70)                | OverflowError     | Python int too large to convert to C long",
            "np.zeros((2, 2**64))           | OverflowError     | Python int too large to convert to C long",
            "np.ones(3) + 2**70             | OverflowError     | Python int too large to convert to C long",
            "x + 2**70                      | OverflowError     | Python int too large to convert to C long",
            "T.constant(2**70)              | OverflowError     | Python int too large to convert to C long",
            "np.arange(3)[2**70]            | IndexError        | index 1180591620717411303424 is out of bounds for axis 0 with size 3",
            "range(2**70)                   | OverflowError     | Python int too large to convert to C long",
            "chr(2**70)                     | OverflowError     | Python int too large to convert to C long",
            // an axis or count past a Java int used to wrap silently (axis=2**32 summed over axis 0)
            "T.sum(x, axis=2**32)           | OverflowError     | Python int too large to convert to C int",
            "np.ones((2, 2)).sum(axis=2**32) | OverflowError    | Python int too large to convert to C int",
            "np.ones((2, 2)).sum(axis=2**70) | OverflowError    | Python int too large to convert to C long",
            "T.concatenate([x, x], axis=2**64) | OverflowError  | Python int too large to convert to C",
            "np.eye(3, k=2**32)             | OverflowError     | Python int too large to convert to C int",
            "list(range(10**19 // 10))      | MemoryError       | list is too long",
            // refused before computing: one BigInteger product this size could not be interrupted
            "1 << 2**40                     | MemoryError       | integer result too large",
            "10 ** 10**8                    | MemoryError       | integer result too large",
            "math.factorial(10**12)         | MemoryError       | integer result too large",
    })
    void aBigIntGetsAClearError(String code, String kind, String message) {
        TdlSession s = session();
        TdlError e = assertThrows(TdlError.class, () -> s.eval(code));
        assertEquals(kind, e.kind().pyName(), e.format());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertNotNull(e.pos(), "the error names its line");
        assertEquals(2L, s.eval("1 + 1"));
    }

    @Test
    void aBigIntCrossesTheJavaApiAsBigInteger() {
        TdlSession s = session();
        assertEquals(new BigInteger("1180591620717411303424"), s.eval("2**70"));
        assertEquals(Long.MAX_VALUE, s.eval("2**63 - 1"));
        s.set("b", new BigInteger("123456789012345678901234567890"));
        assertEquals("123456789012345678901234567891", s.eval("str(b + 1)"));
        s.set("small", BigInteger.TEN);
        assertEquals("int 10", s.eval("type(small).__name__ + ' ' + str(small)"));
    }

    @Test
    void aBigIntLiteralIsExactAndAHugeDecimalLiteralIsASyntaxError() {
        TdlSession s = session();
        assertEquals(Long.MIN_VALUE, s.eval("-9223372036854775808"));
        assertEquals(new BigInteger("9223372036854775808"), s.eval("9223372036854775808"));
        TdlError e = assertThrows(TdlError.class, () -> s.eval("x = " + "1".repeat(4301)));
        assertEquals("SyntaxError", e.kind().pyName());
        assertTrue(e.getMessage().startsWith("Exceeds the limit (4300 digits)"), e.getMessage());
    }

    private static TdlSession session() {
        TdlSession s = Tdl.builder().output(new StringWriter()).errorOutput(new StringWriter()).build();
        s.eval("import math\nimport numpy as np\nimport theano.tensor as T\nx = T.dvector('x')");
        return s;
    }
}
