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
    public Object call(Runtime rt, Object self, tdl.interp.Args args) {
        // Theano's Op.__call__ builds a node; of the ops a script can hold, only Print is made to be called
        return self instanceof tdl.graph.ops.PrintOp p ? PrintBuiltin.apply(rt, p, args) : UNSUPPORTED;
    }

    @Override
    public Object getAttr(Runtime rt, Object self, String name) {
        return self instanceof tdl.graph.ops.PrintOp p ? PrintBuiltin.attribute(p, name) : UNSUPPORTED;
    }

    @Override
    public Object binary(Runtime rt, Operator op, Object a, Object b) {
        return switch (op) {
            case EQ -> a.equals(b);
            case NE -> !a.equals(b);
            default -> UNSUPPORTED;
        };
    }
}
