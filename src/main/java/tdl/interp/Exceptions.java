package tdl.interp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tdl.syntax.SourcePos;
import tdl.syntax.TdlError;

/**
 * The exception class hierarchy of one interpreter, so {@code except ValueError} catches every
 * TdlError whose kind is ValueError or a sub-kind (ShapeError is a ValueError). Kinds nobody
 * declared become direct subclasses of Exception on first use.
 */
final class Exceptions {
    private final Map<String, TdlClass> classes = new HashMap<>();
    final TdlClass object;

    private static final String[][] HIERARCHY = {
        {"BaseException", null},
        {"SystemExit", "BaseException"}, {"KeyboardInterrupt", "BaseException"},
        {"Exception", "BaseException"},
        {"ArithmeticError", "Exception"}, {"ZeroDivisionError", "ArithmeticError"},
        {"OverflowError", "ArithmeticError"}, {"FloatingPointError", "ArithmeticError"},
        {"AssertionError", "Exception"}, {"AttributeError", "Exception"},
        {"ImportError", "Exception"}, {"ModuleNotFoundError", "ImportError"},
        {"LookupError", "Exception"}, {"IndexError", "LookupError"}, {"KeyError", "LookupError"},
        {"NameError", "Exception"}, {"UnboundLocalError", "NameError"},
        {"OSError", "Exception"}, {"FileNotFoundError", "OSError"}, {"FileExistsError", "OSError"},
        {"PermissionError", "OSError"}, {"TimeoutError", "OSError"}, {"IOError", "OSError"},
        {"NotADirectoryError", "OSError"}, {"IsADirectoryError", "OSError"},
        {"RuntimeError", "Exception"}, {"RecursionError", "RuntimeError"},
        {"NotImplementedError", "RuntimeError"}, {"InternalError", "RuntimeError"},
        {"StopIteration", "Exception"},
        {"SyntaxError", "Exception"}, {"IndentationError", "SyntaxError"}, {"TabError", "IndentationError"},
        {"IncompleteInputError", "SyntaxError"},
        {"TypeError", "Exception"}, {"ValueError", "Exception"}, {"UnicodeError", "ValueError"},
        {"ShapeError", "ValueError"}, {"DTypeError", "TypeError"}, {"GradientError", "Exception"},
        {"DisconnectedInputError", "GradientError"}, {"NotDifferentiableError", "GradientError"},
        {"Warning", "Exception"}, {"UserWarning", "Warning"}, {"DeprecationWarning", "Warning"},
        {"RuntimeWarning", "Warning"},
    };

    Exceptions() {
        object = new TdlClass("object", null, null);
        object.attrs.put("__init__", new Builtin("__init__", (rt, a) -> null));
        for (String[] e : HIERARCHY) {
            TdlClass base = e[1] == null ? object : classes.get(e[1]);
            TdlClass c = new TdlClass(e[0], base, null);
            classes.put(e[0], c);
        }
        TdlClass root = classes.get("BaseException");
        root.attrs.put("__init__", new Builtin("__init__", (rt, a) -> {
            TdlInstance self = (TdlInstance) a.positional().get(0);
            self.attrs.put("args", new TdlTuple(a.positional().subList(1, a.positional().size())));
            return null;
        }));
    }

    Map<String, TdlClass> all() { return classes; }

    /** The class for an error kind; unknown kinds become subclasses of Exception. */
    TdlClass classFor(String kind) {
        return classes.computeIfAbsent(kind, k -> new TdlClass(k, classes.get("Exception"), null));
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
        args.add(e.detail());
        inst.attrs.put("args", new TdlTuple(args));
        inst.origin = e;
        return inst;
    }

    /** str() of an exception instance: its single arg, or the args tuple. */
    static String message(Interpreter in, TdlInstance inst) {
        Object args = inst.attrs.get("args");
        if (args instanceof TdlTuple t) {
            if (t.size() == 0) return "";
            if (t.size() == 1) return in.str(t.get(0));
        }
        return args == null ? "" : in.str(args);
    }

    /** The error a raise statement throws for an exception instance. */
    static TdlError toError(Interpreter in, TdlInstance inst, SourcePos pos) {
        if (inst.origin != null) return inst.origin;
        return new ScriptError(inst, message(in, inst), pos);
    }
}
