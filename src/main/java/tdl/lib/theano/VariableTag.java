package tdl.lib.theano;

import java.util.Map;
import tdl.graph.Variable;
import tdl.interp.Runtime;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * {@code v.tag}: Theano's per-variable scratchpad. Any attribute may be set; {@code test_value} is
 * the one TDL reads (see {@link TestValues}), and reading it on a node output gives the test value
 * computed when the node was built. The attributes live in the session's {@link TestValues}, so two
 * reads of {@code v.tag} are the same scratchpad.
 */
record VariableTag(Variable variable) {
    static final class Hooks implements TypeHooks {
        @Override
        public String typeName(Object self) { return "scratchpad"; }

        @Override
        public Object getAttr(Runtime rt, Object self, String name) {
            Variable v = ((VariableTag) self).variable();
            TestValues tv = TestValues.of(rt);
            Object value = name.equals("test_value") ? tv.tagTestValue(v) : tv.tag(v).get(name);
            if (value == null && !tv.tag(v).containsKey(name)) {
                throw new TdlError(ErrorKind.ATTRIBUTE_ERROR, "'scratchpad' object has no attribute '" + name + "'",
                        name.equals("test_value") ? "set x.tag.test_value on an input, with theano.config.compute_test_value not 'off' "
                                + "to have the expressions built from it computed" : null);
            }
            return value;
        }

        @Override
        public Object setAttr(Runtime rt, Object self, String name, Object value) {
            TestValues.of(rt).tag(((VariableTag) self).variable()).put(name, value);
            return null;
        }

        @Override
        public String str(Runtime rt, Object self) {
            Map<String, Object> attrs = TestValues.of(rt).tag(((VariableTag) self).variable());
            return "scratchpad" + rt.repr(new java.util.LinkedHashMap<Object, Object>(attrs));
        }
    }
}
