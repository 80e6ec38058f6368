package tdl.lib.theano;

import java.util.List;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TypeHooks;

/** RandomStreams values in scripts: the draw methods and seed(). */
final class RandomStreamsHooks implements TypeHooks {
    @Override
    public String typeName(Object self) { return ((RandomStreams) self).mrg() ? "MRG_RandomStreams" : "RandomStreams"; }

    @Override
    public Object getAttr(Runtime rt, Object self, String name) {
        RandomStreams s = (RandomStreams) self;
        return switch (name) {
            case "uniform" -> (TdlCallable) s::uniform;
            case "normal" -> (TdlCallable) s::normal;
            case "binomial" -> (TdlCallable) s::binomial;
            case "random_integers" -> (TdlCallable) s::randomIntegers;
            case "permutation" -> (TdlCallable) s::permutation;
            case "multinomial" -> (TdlCallable) s::multinomial;
            case "choice" -> (TdlCallable) s::choice;
            case "shuffle_row_elements" -> (TdlCallable) s::shuffleRowElements;
            case "poisson" -> (TdlCallable) s::poisson;
            case "seed" -> (TdlCallable) s::reseed;
            case "updates" -> (TdlCallable) (r, a) -> {
                a.check(0);
                return s.updates();
            };
            case "state_updates" -> s.updates();
            default -> UNSUPPORTED;
        };
    }

    @Override
    public String str(Runtime rt, Object self) {
        Long seed = ((RandomStreams) self).seedValue();
        return "<" + typeName(self) + " seed=" + (seed == null ? "None" : seed) + ">";
    }

    @Override
    public List<String> attributeNames(Object self) { return List.of("uniform", "normal", "binomial", "random_integers", "permutation", "multinomial", "choice",
            "shuffle_row_elements", "poisson", "seed", "updates", "state_updates"); }
}
