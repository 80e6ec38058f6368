package tdl.lib.theano;

import tdl.graph.Variable;
import tdl.graph.ops.Scalar;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;

/**
 * The elementwise functions of theano.tensor, theano.tensor.nnet and theano.tensor.xlogx, made from
 * the {@link Scalar} table: each of its {@code T.}, {@code T.nnet.} and {@code T.xlogx.} names becomes a built-in taking the entry's
 * parameters (by position or keyword, with the entry's defaults).
 */
final class ElemwiseFunctions {
    private static final String NNET = "T.nnet.";
    private static final String XLOGX = "T.xlogx.";
    private static final String TENSOR = "T.";

    private ElemwiseFunctions() {}

    static void install(TdlModule t, TdlModule nnet, TdlModule xlogx) {
        for (Scalar s : Scalar.values()) {
            for (String name : s.help().names()) {
                if (name.startsWith(XLOGX)) xlogx.put(name.substring(XLOGX.length()), function(s, name.substring(XLOGX.length())));
                else if (name.startsWith(NNET)) nnet.put(name.substring(NNET.length()), function(s, name.substring(NNET.length())));
                else if (name.startsWith(TENSOR)) t.put(name.substring(TENSOR.length()), function(s, name.substring(TENSOR.length())));
            }
        }
    }

    private static TdlCallable function(Scalar s, String name) {
        Scalar.Help help = s.help();
        String[] params = new String[s.arity()];
        for (int i = 0; i < params.length; i++) params[i] = help.paramName(i);
        return new Builtin(name, (rt, a) -> {
            a.check(params.length, params);
            Variable[] in = new Variable[params.length];
            for (int i = 0; i < params.length; i++) in[i] = Symbolic.lift(rt, argument(a, help, i, params[i]),
                    a.function() + "() argument '" + params[i] + "'");
            return Symbolic.ops(rt).elemwise(s, in);
        });
    }

    private static Object argument(Args a, Scalar.Help help, int i, String param) {
        Double fallback = help.paramDefault(i);
        return fallback == null ? a.get(i, param) : a.get(i, param, fallback);
    }
}
