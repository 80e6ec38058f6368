package tdl.lib.theano;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tdl.graph.DType;
import tdl.interp.Runtime;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * {@code theano.config} of one session. Its members are a live table, so a script's
 * {@code theano.config.floatX = 'float32'} takes effect for every graph built afterwards, as in
 * Theano; a value Theano would refuse is refused on assignment. Flags come in Theano's
 * {@code THEANO_FLAGS} syntax (comma-separated {@code name=value}) from the command line, which
 * reads the environment; the session itself never does.
 */
final class TheanoConfig {
    /** Flags TDL acts on or accepts with no effect (CPU-only, one compile mode); others warn once. */
    private static final Set<String> KNOWN = Set.of("floatX", "device", "cast_policy", "mode", "optimizer",
            "linker", "allow_gc", "openmp", "exception_verbosity", "on_unused_input", "warn_float64",
            "compute_test_value", "print_test_value", "profile", "print_active_device", "blas.ldflags", "compiledir",
            "base_compiledir", "cxx", "gcc.cxxflags", "optimizer_including", "optimizer_excluding",
            "deterministic", "traceback.limit", "config.warn_float64", "floatX_dtype");

    private final TdlModule module;
    private final Set<String> warned = new LinkedHashSet<>();

    private TheanoConfig() {
        this.module = new TdlModule("theano.config", new Members());
        module.put("floatX", "float64");
        module.put("device", "cpu");
        module.put("cast_policy", "custom");
        // Theano 1.0's defaults of the flags scripts read; function() takes mode, on_unused_input and profile from here
        module.put("mode", "Mode");
        module.put("optimizer", "fast_run");
        module.put("linker", "cvm");
        module.put("on_unused_input", "raise");
        module.put("profile", false);
        module.put("compute_test_value", "off");
        module.put("print_test_value", false);
        module.put("exception_verbosity", "low");
        module.put("allow_gc", true);
        // theano.config.warn.*: switches for warnings about bugs of Theano releases before 0.9; TDL never
        // had those bugs, so scripts that set them (the RNN-RBM tutorial's warn.subtensor_merge_bug) run as they are
        TdlModule warn = new TdlModule("theano.config.warn", new LinkedHashMap<>());
        warn.put("ignore_bug_before", "0.9");
        module.put("warn", warn);
    }

    static TheanoConfig of(Runtime rt) { return rt.sessionState(TheanoConfig.class, TheanoConfig::new); }

    TdlModule module() { return module; }

    /** The dtype of T.matrix(), of Python floats in graphs under float32, of random draws. */
    static DType floatX(Runtime rt) {
        return DType.fromName((String) of(rt).module.members().get("floatX"));
    }

    /** theano.config.print_test_value: whether repr() of a variable adds its test value (a bool, or a flag's text). */
    static boolean printTestValue(Runtime rt) {
        Object v = of(rt).module.members().get("print_test_value");
        return v instanceof String s ? truth(s) : rt.truth(v);
    }

    /**
     * Applies flags in THEANO_FLAGS syntax: {@code floatX=float32,device=cpu}; later values win.
     * An unknown flag warns once (Theano's words); a bad value of a known one raises ValueError.
     */
    void apply(Runtime rt, String flags) {
        if (flags == null) return;
        for (Map.Entry<String, String> e : parse(flags).entrySet()) {
            String k = e.getKey();
            if (!KNOWN.contains(k)) {
                if (warned.add(k)) rt.err().println("warning: Theano does not recognise this flag: " + k);
                continue;
            }
            module.members().put(k, e.getValue());
        }
    }

    /** Theano's parse_config_string: comma-separated key=value; a key without a value is ignored. */
    static Map<String, String> parse(String flags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : flags.split(",")) {
            String kv = part.strip();
            if (kv.isEmpty()) continue;
            int eq = kv.indexOf('=');
            if (eq < 0) continue;
            out.put(kv.substring(0, eq).strip(), unquote(kv.substring(eq + 1).strip()));
        }
        return out;
    }

    /** Theano's BoolParam spelling of a flag given as text. */
    static boolean truth(String v) {
        return v.equalsIgnoreCase("true") || v.equals("1");
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** The member table; checks the values Theano checks when they are set. */
    private static final class Members extends LinkedHashMap<String, Object> {
        @Override
        public Object put(String key, Object value) {
            switch (key) {
                case "floatX" -> {
                    if (!"float64".equals(value) && !"float32".equals(value)) {
                        throw new TdlError(ErrorKind.VALUE_ERROR, "Invalid value (" + repr(value)
                                + ") for configuration variable \"floatX\". Valid options are ('float64', 'float32')",
                                "TDL has float64 and float32 (no float16)");
                    }
                }
                case "device" -> {
                    if (!(value instanceof String s) || !s.equals("cpu")) {
                        throw new TdlError(ErrorKind.VALUE_ERROR, "Invalid value (" + repr(value)
                                + ") for configuration variable \"device\": TDL runs on the CPU",
                                "use device=cpu (or leave it out)");
                    }
                }
                case "cast_policy" -> {
                    if (!"custom".equals(value)) {
                        throw new TdlError(ErrorKind.VALUE_ERROR, "Invalid value (" + repr(value)
                                + ") for configuration variable \"cast_policy\": TDL follows cast_policy='custom' only",
                                "leave cast_policy at 'custom' (Theano's default)");
                    }
                }
                case "mode" -> {
                    if (!(value instanceof String s) || CompileModes.canonical(s) == null) {
                        throw new TdlError(ErrorKind.VALUE_ERROR, "Invalid value (" + repr(value)
                                + ") for configuration variable \"mode\"",
                                "use 'Mode', 'FAST_RUN', 'FAST_COMPILE', 'DebugMode', 'NanGuardMode' or 'ProfileMode'");
                    }
                }
                case "on_unused_input" -> {
                    if (!(value instanceof String s) || tdl.vocab.OnUnused.fromName(s) == null) {
                        throw new TdlError(ErrorKind.VALUE_ERROR, "Invalid value (" + repr(value)
                                + ") for configuration variable \"on_unused_input\"", "use 'raise', 'warn' or 'ignore'");
                    }
                }
                case "compute_test_value" -> {
                    if (!(value instanceof String s) || !java.util.List.of("off", "ignore", "warn", "raise", "pdb").contains(s)) {
                        throw new TdlError(ErrorKind.VALUE_ERROR, "Invalid value (" + repr(value)
                                + ") for configuration variable \"compute_test_value\". Valid options are ('off', 'ignore', 'warn', 'raise', 'pdb')",
                                "use 'raise' to stop at the line building a faulty expression, 'warn' or 'ignore' to go on");
                    }
                    // Theano opens its debugger on an input without a test value; TDL has no debugger to open
                    if (s.equals("pdb")) {
                        throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "compute_test_value='pdb': TDL has no debugger",
                                "use 'raise': the error names the input without a test value and the line that used it");
                    }
                }
                default -> { }
            }
            return super.put(key, value);
        }

        private static String repr(Object v) { return v instanceof String s ? "'" + s + "'" : String.valueOf(v); }
    }
}
