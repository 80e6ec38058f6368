package tdl.interp;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.vocab.ErrorKind;
import tdl.syntax.SourcePos;
import tdl.syntax.TdlError;

/**
 * The exception classes of one interpreter, one per {@link ErrorKind} and in its hierarchy, so
 * {@code except ValueError} catches every TdlError whose kind is ValueError or a sub-kind
 * (ShapeError is a ValueError). Script-defined exception classes derive from these.
 */
final class Exceptions {
    private final Map<String, TdlClass> classes = new LinkedHashMap<>();
    private final Map<ErrorKind, TdlClass> byKind = new EnumMap<>(ErrorKind.class);
    private final Map<TdlClass, ErrorKind> kindOf = new HashMap<>();
    final TdlClass object;

    Exceptions() {
        object = new TdlClass("object", null, null);
        object.attrs.put("__init__", new Builtin("__init__", (rt, a) -> null));
        for (ErrorKind k : ErrorKind.values()) { // parents come first
            TdlClass base = k.parent() == null ? object : byKind.get(k.parent());
            TdlClass c = new TdlClass(k.pyName(), base, null);
            classes.put(k.pyName(), c);
            byKind.put(k, c);
            kindOf.put(c, k);
        }
        TdlClass root = byKind.get(ErrorKind.BASE_EXCEPTION);
        root.attrs.put("__init__", new Builtin("__init__", (rt, a) -> {
            TdlInstance self = (TdlInstance) a.positional().get(0);
            self.attrs.put("args", new TdlTuple(a.positional().subList(1, a.positional().size())));
            return null;
        }));
    }

    /** The built-in exception classes by Python name. */
    Map<String, TdlClass> all() { return classes; }

    TdlClass classFor(ErrorKind kind) { return byKind.get(kind); }

    /** The kind of a script-defined exception class: that of its nearest built-in ancestor. */
    ErrorKind kindFor(TdlClass cls) {
        for (TdlClass c = cls; c != null; c = c.base) {
            ErrorKind k = kindOf.get(c);
            if (k != null) return k;
        }
        return ErrorKind.EXCEPTION;
    }

    /** The class an error belongs to, for except matching. */
    TdlClass classOf(TdlError e) {
        if (e instanceof ScriptError se) return se.instance().cls;
        return classFor(e.kind());
    }

    /** The exception object bound by {@code except ... as e}. */
    TdlInstance instanceOf(TdlError e) {
        if (e instanceof ScriptError se) return se.instance();
        TdlInstance inst = new TdlInstance(classFor(e.kind()));
        List<Object> args = new ArrayList<>();
        args.add(e instanceof MissingKeyError k ? k.key() : e.detail());
        inst.attrs.put("args", new TdlTuple(args));
        inst.origin = e;
        return inst;
    }

    /** str() of an exception instance: its single arg, or the args tuple. */
    static String message(Interpreter in, TdlInstance inst) {
        Object args = inst.attrs.get("args");
        if (args instanceof TdlTuple t) {
            if (t.size() == 0) return "";
            // KeyError shows its key's repr, as Python's KeyError.__str__: KeyError: 'k'
            if (t.size() == 1) return in.exceptions.kindFor(inst.cls).isA(ErrorKind.KEY_ERROR) ? in.repr(t.get(0)) : in.str(t.get(0));
        }
        return args == null ? "" : in.str(args);
    }

    /** The error a raise statement throws for an exception instance. */
    static TdlError toError(Interpreter in, TdlInstance inst, SourcePos pos) {
        if (inst.origin != null) return inst.origin;
        return new ScriptError(inst, in.exceptions.kindFor(inst.cls), message(in, inst), pos);
    }
}
