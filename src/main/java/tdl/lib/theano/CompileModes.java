package tdl.lib.theano;

import java.util.List;
import java.util.Set;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.compile's mode objects, for scripts that write function(mode=theano.compile.DebugMode()):
 * each stands for the mode string of the same name ('DebugMode', 'NanGuardMode'). Their tuning
 * keywords (check_c_code, nan_is_error, ...) are accepted and change nothing: TDL's DebugMode
 * always compares the rewritten plan with the unrewritten one and stops at NaN/Inf.
 * theano.Mode(linker=, optimizer=) stands for FAST_RUN: TDL has one linker and one optimiser.
 */
final class CompileModes {
    private CompileModes() {}

    /** Theano 1.0's predefined_linkers and predefined_optimizers (compile/mode.py); None is OPT_NONE. */
    private static final Set<String> LINKERS = Set.of("py", "c", "c|py", "c|py_nogc", "vm", "cvm", "vm_nogc", "cvm_nogc");
    private static final Set<String> OPTIMIZERS = Set.of("None", "merge", "o4", "o3", "o2", "o1", "unsafe", "fast_compile",
            "fast_run", "fast_run_stable", "stabilize");

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

    /**
     * A mode object; {@code name} is the mode string function() reads. linker and optimizer are what a
     * theano.Mode was given (null for the other modes), kept only for printing.
     */
    record Mode(String name, String linker, String optimizer) {
        Mode(String name) { this(name, null, null); }
    }

    static TdlModule install(Runtime rt, TdlModule theano) {
        TdlCallable debugMode = (r, a) -> new Mode("DebugMode");
        TdlCallable nanGuard = (r, a) -> new Mode("NanGuardMode");
        TdlCallable mode = CompileModes::mode;
        TdlCallable defaultMode = (r, a) -> defaultMode(r, a.check(0));
        TdlModule debugmodule = new TdlModule("theano.compile.debugmode");
        debugmodule.put("DebugMode", debugMode).put("BadOptimization", rt.builtin("BadOptimization"));
        TdlModule nanguard = new TdlModule("theano.compile.nanguardmode");
        nanguard.put("NanGuardMode", nanGuard);
        TdlModule modeModule = new TdlModule("theano.compile.mode");
        modeModule.put("Mode", mode).put("get_default_mode", defaultMode);
        // theano.compile.io: where the library reference imports In and Out from
        TdlModule io = new TdlModule("theano.compile.io");
        io.put("In", theano.members().get("In")).put("Out", theano.members().get("Out"));
        TdlCallable monitor = MonitorMode::make;
        TdlModule monitormode = new TdlModule("theano.compile.monitormode");
        monitormode.put("MonitorMode", monitor);
        TdlModule compile = new TdlModule("theano.compile");
        compile.put("DebugMode", debugMode).put("NanGuardMode", nanGuard).put("debugmode", debugmodule)
                .put("nanguardmode", nanguard).put("function", theano.members().get("function"))
                .put("In", theano.members().get("In")).put("Out", theano.members().get("Out"))
                .put("Mode", mode).put("mode", modeModule).put("get_default_mode", defaultMode).put("io", io)
                .put("MonitorMode", monitor).put("monitormode", monitormode);
        theano.put("compile", compile).put("Mode", mode);
        for (TdlModule m : List.of(compile, debugmodule, nanguard, modeModule, io, monitormode)) rt.registerModule(m);
        rt.registerHooks(MonitorMode.class, new MonitorMode.Hooks());
        rt.registerHooks(MonitorMode.Thunk.class, new MonitorMode.Thunk.Hooks());
        rt.registerHooks(Mode.class, new TypeHooks() {
            @Override public String typeName(Object self) { return ((Mode) self).name().equals("FAST_RUN") ? "Mode" : ((Mode) self).name(); }

            @Override public String str(Runtime r, Object self) {
                Mode m = (Mode) self;
                // Theano's Mode.__str__ shows what it was given
                if (m.linker() != null) return "Mode(linker = " + m.linker() + ", optimizer = " + m.optimizer() + ")";
                return "<theano.compile." + m.name() + ">";
            }
        });
        return compile;
    }

    /**
     * theano.Mode(linker=None, optimizer='default'): None and 'default' read config.linker and
     * config.optimizer, as Theano; a name Theano does not predefine is its KeyError. Every
     * combination compiles as FAST_RUN (documented in docs/decisions.md).
     */
    private static Object mode(Runtime rt, Args a) {
        a.check(2, "linker", "optimizer");
        TdlModule config = TheanoConfig.of(rt).module();
        Object linker = a.get(0, "linker", null);
        Object optimizer = a.get(1, "optimizer", "default");
        if (linker == null) linker = config.members().get("linker");
        if ("default".equals(optimizer)) optimizer = config.members().get("optimizer");
        return new Mode("FAST_RUN", known(rt, linker, LINKERS, "linker"), optimizer == null ? "None"
                : known(rt, optimizer, OPTIMIZERS, "optimizer"));
    }

    private static String known(Runtime rt, Object name, Set<String> names, String what) {
        if (!(name instanceof String s)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "Mode(" + what + "=" + rt.repr(name) + "): TDL takes a " + what + " by name",
                    "use one of " + String.join(", ", names.stream().sorted().toList()));
        }
        if (!names.contains(s)) {
            throw new TdlError(ErrorKind.KEY_ERROR, rt.repr(s), "Theano's predefined " + what + "s are "
                    + String.join(", ", names.stream().sorted().toList()));
        }
        return s;
    }

    /** theano.compile.mode.get_default_mode(): the mode config.mode names, as a mode object. */
    private static Object defaultMode(Runtime rt, Args a) {
        TdlModule config = TheanoConfig.of(rt).module();
        String name = canonical(String.valueOf(config.members().get("mode")));
        if (!"FAST_RUN".equals(name)) return new Mode(name);
        return mode(rt, Args.of("Mode"));
    }
}
