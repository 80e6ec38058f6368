package tdl.interp;

import tdl.vocab.Operator;
import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.session.Session;
import tdl.syntax.SourcePos;
import tdl.syntax.TdlError;

/** Library types reach scripts only through TypeHooks: check the dispatch rules the brief fixes. */
class HooksTest {
    /** A toy "host scalar": a boxed double that knows + with numbers and converts via __float__. */
    record Box(double v) {}

    static final class BoxHooks implements TypeHooks {
        final List<SourcePos> seen = new ArrayList<>();
        final int priority;
        BoxHooks(int priority) { this.priority = priority; }
        @Override public int priority() { return priority; }
        @Override public String typeName(Object self) { return "Box"; }
        @Override public String str(Runtime rt, Object self) { return "Box(" + ((Box) self).v() + ")"; }
        @Override public Object binary(Runtime rt, Operator op, Object a, Object b) {
            seen.add(rt.currentPos());
            if (op != Operator.SUB) return UNSUPPORTED;
            double x = a instanceof Box ba ? ba.v() : ((Number) a).doubleValue();
            double y = b instanceof Box bb ? bb.v() : ((Number) b).doubleValue();
            return new Box(x - y);
        }
        @Override public Object getAttr(Runtime rt, Object self, String name) {
            if (name.equals("__float__")) return new Builtin("__float__", (r, a) -> ((Box) self).v());
            return UNSUPPORTED;
        }
    }

    @Test
    void binaryKeepsOperandOrderAndRecordsPosition() {
        Session s = new Session();
        BoxHooks hooks = new BoxHooks(5);
        s.interpreter().registerHooks(Box.class, hooks);
        s.set("b", new Box(1.5));
        assertEquals(new Box(8.5), s.exec("10 - b", "<t>"));
        assertEquals(new Box(-8.5), s.exec("b - 10", "<t>"));
        assertEquals(1, hooks.seen.get(0).line());
        TdlError e = assertThrows(TdlError.class, () -> s.exec("b * 2", "<t>"));
        assertEquals(ErrorKind.TYPE_ERROR, e.kind());
        assertEquals("unsupported operand type(s) for *: 'Box' and 'int'", e.detail());
    }

    @Test
    void numericFormatSpecsConvertThroughFloat() {
        Session s = new Session();
        s.interpreter().registerHooks(Box.class, new BoxHooks(0));
        s.set("b", new Box(2.0 / 3));
        assertEquals("0.667 Box(0.6666666666666666) 0.6667", s.exec("f'{b:.3f} {b} ' + format(b, '.4f')", "<t>"));
        assertEquals("0.67", s.exec("'%.2f' % b", "<t>"));
    }

    @Test
    void plainEqualityFallsBackToIdentityForHookedValues() {
        Session s = new Session();
        s.interpreter().registerHooks(Box.class, new BoxHooks(0));
        Box b = new Box(1);
        s.set("b", b);
        s.set("c", new Box(1));
        assertEquals(true, s.exec("b == b", "<t>"));
        assertEquals(false, s.exec("b == c", "<t>"));
        assertSame(b, s.exec("{b: 1, c: 2}\n[k for k in {b: 1}][0]", "<t>"));
    }

    @Test
    void builtinErrorsGetThePositionOfTheCall() {
        Session s = new Session();
        s.interpreter().defineGlobal("boom", new Builtin("boom", (rt, a) -> { throw new TdlError(ErrorKind.VALUE_ERROR, "bad"); }));
        TdlError e = assertThrows(TdlError.class, () -> s.exec("x = 1\ny = 2 + boom()", "f.tdl"));
        assertEquals(2, e.pos().line());
        assertEquals(9, e.pos().col());
        s.interpreter().defineGlobal("npe", new Builtin("npe", (rt, a) -> { throw new NullPointerException("oops"); }));
        TdlError internal = assertThrows(TdlError.class, () -> s.exec("npe()", "g.tdl"));
        assertEquals(ErrorKind.INTERNAL_ERROR, internal.kind());
    }
}
