package tdl.lib.numpy;

import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TypeHooks;

/**
 * np.cast, numpy 1.x's table of converters that Theano scripts use as
 * {@code numpy.cast[theano.config.floatX](0.)}: {@code np.cast[dtype](x)} is {@code
 * np.asarray(x).astype(dtype)}, so a number gives a 0-d array (not a numpy scalar), as numpy 1.26's.
 */
final class TypeCasts {
    static final TypeCasts INSTANCE = new TypeCasts();

    private TypeCasts() {}

    static final class Hooks implements TypeHooks {
        @Override public String typeName(Object self) { return "_typedict"; }

        @Override public String str(Runtime rt, Object self) { return "np.cast"; }

        @Override
        public Object getItem(Runtime rt, Object self, Object index) {
            DType d = NumpyConvert.dtype(index);
            return (TdlCallable) (r, a) -> {
                Object x = a.check(1, "x").get(0, "x");
                NDArray v = x instanceof NDArray arr ? arr : NumpyConvert.toArray(x);
                return v.dtype() == d ? v.copy() : v.astype(d);
            };
        }
    }
}
