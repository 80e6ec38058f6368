package tdl.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The operator table against Python's data model (names as in the operator module's docs). */
class OperatorTest {
    @ParameterizedTest
    @EnumSource(Operator.class)
    void theParserFindsEachOperatorByItsSymbol(Operator op) {
        Operator back = op.isUnary() ? Operator.unary(op.symbol())
                : op.ordinal() >= Operator.LT.ordinal() ? Operator.comparison(op.symbol()) : Operator.binary(op.symbol());
        assertEquals(op, back);
    }

    @ParameterizedTest
    @EnumSource(value = Operator.class, names = {"ADD", "SUB", "MUL", "TRUE_DIV", "FLOOR_DIV", "MOD", "POW", "MATMUL",
            "AND", "OR", "XOR", "LSHIFT", "RSHIFT"})
    void binaryOperatorsHaveReflectedAndInPlaceMethods(Operator op) {
        String base = op.dunder().substring(2); // "add__"
        assertEquals("__r" + base, op.reflected());
        assertEquals("__i" + base, op.inPlace());
    }

    @Test
    void comparisonsReflectToTheirMirror() {
        assertEquals("__gt__", Operator.LT.reflected());
        assertEquals("__ge__", Operator.LE.reflected());
        assertEquals("__lt__", Operator.GT.reflected());
        assertEquals("__le__", Operator.GE.reflected());
        assertEquals("__eq__", Operator.EQ.reflected());
        assertEquals("__ne__", Operator.NE.reflected());
        for (Operator op : Operator.values()) if (op.isComparison()) assertNull(op.inPlace(), op.name());
    }

    @Test
    void unaryMinusAndBinaryMinusAreDifferentOperators() {
        assertEquals(Operator.NEG, Operator.unary("-"));
        assertEquals(Operator.SUB, Operator.binary("-"));
        assertEquals("__neg__", Operator.NEG.dunder());
        assertEquals("__invert__", Operator.INVERT.dunder());
        assertNull(Operator.NOT.dunder()); // not asks __bool__, it has no method of its own
        assertNotNull(Operator.ABS.dunder());
        assertTrue(Operator.IN.ordinal() > Operator.NE.ordinal() && !Operator.IN.isComparison());
    }
}
