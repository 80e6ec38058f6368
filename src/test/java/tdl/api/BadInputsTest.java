package tdl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tdl.syntax.TdlError;

/**
 * Wrong arguments that used to reach a Java exception (reported as InternalError) get Python's
 * kind and wording (the expected texts are CPython 3 / numpy's), with the line that made them.
 */
class BadInputsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "chr(-1)                                           | ValueError          | chr() arg not in range(0x110000)",
            "chr(0x110000)                                     | ValueError          | chr() arg not in range(0x110000)",
            "'x'.ljust(2, 3)                                   | TypeError           | The fill character must be a unicode character, not int",
            "enumerate([1], 0.5)                               | TypeError           | 'float' object cannot be interpreted as an integer",
            "T.mean([[1, 2], [3, 4]], [[10], [100]])           | TypeError           | 'list' object cannot be interpreted as an integer",
            "T.concatenate([x], T.iscalar())                   | NotImplementedError | concatenate() with a symbolic axis is not supported",
            "T.grad(T.sum(x ** 2), None)                       | TypeError           | wrt must hold symbolic variables, got None",
            "'ab' * 2**31                                      | MemoryError         | repeated string is too long",
            "len('a' * (2**32 + 3))                            | MemoryError         | repeated string is too long",
    })
    void aBadArgumentGetsPythonsKindAndWording(String code, String kind, String message) {
        TdlSession s = Tdl.builder().output(new StringWriter()).errorOutput(new StringWriter()).build();
        s.eval("import math\nimport theano.tensor as T\nx = T.dvector('x')");
        TdlError e = assertThrows(TdlError.class, () -> s.eval(code));
        assertEquals(kind, e.kind().pyName(), e.format());
        assertEquals(true, e.getMessage().startsWith(message), e.getMessage());
        assertNotNull(e.pos(), "the error names its line");
        assertEquals(2L, s.eval("1 + 1"));
    }
}
