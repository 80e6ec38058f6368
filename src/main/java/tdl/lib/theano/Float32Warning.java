package tdl.lib.theano;

import tdl.interp.Runtime;

/** float32 computation is not there yet: say so once per session, then compute in float64. */
final class Float32Warning {
    private boolean shown;

    static void once(Runtime rt, String what) {
        Float32Warning w = rt.sessionState(Float32Warning.class, Float32Warning::new);
        if (!w.shown) {
            w.shown = true;
            rt.err().println("warning: " + what + " asks for float32; TDL computes in float64 for now"
                    + " (results are float64, which only makes them more precise)");
        }
    }
}
