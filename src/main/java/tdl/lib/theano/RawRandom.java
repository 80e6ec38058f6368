package tdl.lib.theano;

import tdl.interp.Builtin;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.tensor.raw_random, for scripts that import it. Its functions take an explicit
 * random-state variable (random_state_type(), updated through In(update=...)), which TDL does not
 * have: TDL's draws come from counter-based streams. Each function is therefore a clear
 * NotImplementedError naming the RandomStreams method that does the same draw;
 * RandomStreamsBase is RandomStreams.
 */
final class RawRandom {
    private RawRandom() {}

    static TdlModule install(TdlModule tensor, Object randomStreams) {
        TdlModule m = new TdlModule("theano.tensor.raw_random");
        for (String f : new String[] {"uniform", "normal", "binomial", "random_integers", "choice", "poisson", "permutation",
                "multinomial", "shuffle_row_elements", "random_state_type", "RandomStateType", "RandomFunction"}) {
            m.put(f, new Builtin(f, refuse(f)));
        }
        m.put("RandomStreamsBase", randomStreams);
        tensor.put("raw_random", m);
        return m;
    }

    private static TdlCallable refuse(String f) {
        boolean draw = !f.startsWith("random_state") && !f.startsWith("Random");
        String hint = f.equals("poisson")
                ? "TDL's streams have no Poisson draw"
                : draw ? "use a stream: srng = RandomStreams(seed); srng." + f + "(size, ...) (the same parameters without the random state)"
                : "use theano.tensor.shared_randomstreams.RandomStreams(seed) and its methods";
        return (rt, a) -> {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "theano.tensor.raw_random." + f
                    + " is not supported: TDL has no random-state variables (its random numbers come from RandomStreams)", hint);
        };
    }
}
