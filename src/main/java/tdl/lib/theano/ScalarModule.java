package tdl.lib.theano;

import tdl.graph.DType;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.scalar as tutorials reach it: {@code upcast(*dtypes)}, the dtype name an arithmetic op on
 * values of these dtypes gives (the HMC tutorial picks its mean's dtype with it).
 */
final class ScalarModule {
    private ScalarModule() {}

    static TdlModule create() {
        TdlModule scalar = new TdlModule("theano.scalar");
        scalar.put("upcast", (TdlCallable) ScalarModule::upcast);
        return scalar;
    }

    /**
     * Theano's scalar.upcast: numpy's result type of the dtypes, except that a float64 result made
     * only from narrower types (float32 with int32, say) stays float32 when floatX is float32; an
     * explicit float64 among the arguments always gives float64.
     */
    static Object upcast(Runtime rt, Args a) {
        if (a.size() == 0 || !a.keywords().isEmpty()) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "upcast() takes one or more dtypes, as positional arguments");
        }
        DType result = null;
        boolean explicit64 = false;
        for (Object spec : a.positional()) {
            DType d = Symbolic.dtype(rt, spec, null);
            explicit64 |= d == DType.FLOAT64;
            result = result == null ? d : DType.upcast(result, d);
        }
        if (result == DType.FLOAT64 && !explicit64 && TheanoConfig.floatX(rt) == DType.FLOAT32) result = DType.FLOAT32;
        return result.pyName();
    }
}
