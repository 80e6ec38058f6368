package tdl.interp;

/**
 * Anything a script can call: built-in functions, TDL functions, classes, bound methods, compiled
 * functions. Built-ins throw {@link tdl.syntax.TdlError} without a position; the interpreter adds
 * the position of the call.
 */
@FunctionalInterface
public interface TdlCallable {
    Object call(Runtime rt, Args args);
}
