package tdl.lib.numpy;

import java.util.Map;
import java.util.function.Predicate;
import tdl.graph.DType;
import tdl.interp.BuiltinType;
import tdl.interp.NumpyScalar;
import tdl.interp.TdlCallable;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * numpy's abstract scalar types (np.generic, np.number, np.integer, np.floating, ...): what scripts
 * test numpy scalars and dtypes against, with isinstance(x, np.floating) and
 * np.issubdtype(a.dtype, np.floating). Python numbers are none of them, as in numpy.
 */
final class ScalarKinds {
    private ScalarKinds() {}

    static void install(Map<String, Object> np) {
        kind(np, "generic", d -> true);
        kind(np, "number", d -> d != DType.BOOL);
        kind(np, "integer", DType::isInteger);
        kind(np, "signedinteger", d -> d.isInteger() && d != DType.UINT8);
        kind(np, "unsignedinteger", d -> d == DType.UINT8);
        kind(np, "inexact", DType::isFloat);
        kind(np, "floating", DType::isFloat);
        np.put("issubdtype", (TdlCallable) (rt, a) -> {
            DType d = NumpyConvert.dtype(a.check(2, "arg1", "arg2").get(0, "arg1"));
            Object of = a.get(1, "arg2");
            if (of instanceof BuiltinType t && t.constructor() instanceof Abstract k) return k.test.test(d);
            return d == NumpyConvert.dtype(of);
        });
    }

    /** The constructor slot of an abstract type: not callable (numpy's are abstract), and it holds the dtype test. */
    private record Abstract(String name, Predicate<DType> test) implements TdlCallable {
        @Override
        public Object call(tdl.interp.Runtime rt, tdl.interp.Args args) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "cannot create 'numpy." + name + "' instances");
        }
    }

    private static void kind(Map<String, Object> np, String name, Predicate<DType> test) {
        np.put(name, new BuiltinType(name, v -> v instanceof NumpyScalar s && test.test(s.dtype()), new Abstract(name, test)));
    }
}
