package tdl.lib.theano;

import tdl.graph.Op;
import tdl.interp.Runtime;
import tdl.interp.TypeHooks;
import tdl.vocab.Operator;

/** v.owner.op in scripts: printable by its Theano-style name, comparable with == (ops are values). */
final class OpHooks implements TypeHooks {
    @Override
    public String typeName(Object self) {
        String name = ((Op) self).name();
        int brace = name.indexOf('{');
        return brace > 0 ? name.substring(0, brace) : name;
    }

    @Override
    public String str(Runtime rt, Object self) { return ((Op) self).name(); }

    @Override
    public Object binary(Runtime rt, Operator op, Object a, Object b) {
        return switch (op) {
            case EQ -> a.equals(b);
            case NE -> !a.equals(b);
            default -> UNSUPPORTED;
        };
    }
}
