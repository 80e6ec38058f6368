package tdl.lib.theano;

import java.util.List;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.interp.TypeHooks;

/**
 * theano.compile's mode objects, for scripts that write function(mode=theano.compile.DebugMode()):
 * each stands for the mode string of the same name ('DebugMode', 'NanGuardMode'). Their tuning
 * keywords (check_c_code, nan_is_error, ...) are accepted and change nothing: TDL's DebugMode
 * always compares the rewritten plan with the unrewritten one and stops at NaN/Inf.
 */
final class CompileModes {
    private CompileModes() {}

    /**
     * The mode a name stands for, or null for a name Theano does not have. FAST_RUN and
     * FAST_COMPILE (and Theano's config default 'Mode') run the same rewrites: TDL has one optimiser.
     */
    static String canonical(String name) {
        return switch (name) {
            case "FAST_RUN", "FAST_COMPILE", "Mode" -> "FAST_RUN";
            case "DebugMode", "DEBUG_MODE" -> "DebugMode";
            case "NanGuardMode" -> "NanGuardMode";
            case "ProfileMode", "PROFILE_MODE" -> "ProfileMode";
            default -> null;
        };
    }

    /** A mode object; {@code name} is the mode string function() reads. */
    record Mode(String name) {}

    static TdlModule install(Runtime rt, TdlModule theano) {
        TdlCallable debugMode = (r, a) -> new Mode("DebugMode");
        TdlCallable nanGuard = (r, a) -> new Mode("NanGuardMode");
        TdlModule debugmodule = new TdlModule("theano.compile.debugmode");
        debugmodule.put("DebugMode", debugMode).put("BadOptimization", rt.builtin("BadOptimization"));
        TdlModule nanguard = new TdlModule("theano.compile.nanguardmode");
        nanguard.put("NanGuardMode", nanGuard);
        TdlModule compile = new TdlModule("theano.compile");
        compile.put("DebugMode", debugMode).put("NanGuardMode", nanGuard).put("debugmode", debugmodule)
                .put("nanguardmode", nanguard).put("function", theano.members().get("function"))
                .put("In", theano.members().get("In")).put("Out", theano.members().get("Out"));
        theano.put("compile", compile);
        for (TdlModule m : List.of(compile, debugmodule, nanguard)) rt.registerModule(m);
        rt.registerHooks(Mode.class, new TypeHooks() {
            @Override public String typeName(Object self) { return ((Mode) self).name(); }

            @Override public String str(Runtime r, Object self) { return "<theano.compile." + ((Mode) self).name() + ">"; }
        });
        return compile;
    }
}
