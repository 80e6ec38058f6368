package tdl.interp;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tdl.syntax.SourcePos;

/**
 * What built-in library code may ask of the running interpreter. One per session: nothing here
 * is static, so two sessions never see each other's state.
 */
public interface Runtime {
    /** Where print() and library messages go. */
    PrintStream out();

    /** Where warnings go. */
    PrintStream err();

    /** The position of the expression being evaluated: graph nodes built now record it as origin. */
    SourcePos currentPos();

    /** Calls any callable value (a TDL function passed to scan, a class, a builtin). */
    Object call(Object callable, List<Object> args, Map<String, Object> kwargs);

    /** Registers how values of {@code type} (and its subclasses) behave in scripts. */
    void registerHooks(Class<?> type, TypeHooks hooks);

    /** The hooks for a value, or null for the interpreter's own types. */
    TypeHooks hooksFor(Object value);

    /** Registers a built-in module under its dotted name ("numpy", "theano.tensor", ...). */
    void registerModule(TdlModule module);

    /** Binds a global name visible to every script of this session. */
    void defineGlobal(String name, Object value);

    /**
     * Makes {@code type} the class type() answers for values whose {@link #typeName} is its name, so
     * a library's class (theano.tensor.TensorVariable) and type(x) are one object; returns it.
     */
    default BuiltinType registerType(BuiltinType type) { return type; }

    /** The built-in bound to {@code name} (a Python builtin or a library global), or null. */
    default Object builtin(String name) { return null; }

    /**
     * Resolves a script-given path against the interpreter's working directory and checks it against
     * the session's file-access policy; throws a TdlError (PermissionError) when access is denied.
     */
    Path resolvePath(String path, boolean forWriting);

    /** Changes the working directory used by {@link #resolvePath} (os.chdir). */
    void changeDirectory(String path);

    /** The --seed given on the command line, or null. */
    Long seed();

    /** Python's str() of any value, through the hooks where needed. */
    String str(Object value);

    /** Python's type(value).__name__, for messages ("int", "list", "TensorVariable"). */
    String typeName(Object value);

    /** Python's repr() of any value. */
    String repr(Object value);

    /** Python truth value of any value. */
    boolean truth(Object value);

    /** Throws if the user asked to stop (Ctrl-C, a time bound); long library loops call it. */
    void checkInterrupt();

    /** Session-scoped storage for library state (counters, stream registries), keyed by class. */
    <T> T sessionState(Class<T> key, java.util.function.Supplier<T> init);
}
