package tdl.interp;

import java.util.function.Predicate;

/**
 * A built-in type (int, float, str, list, ...): callable to convert, usable with isinstance().
 * {@code module} is the module Python names in the type's repr (numpy for {@code <class
 * 'numpy.ndarray'>}); null for the builtins, whose repr is the bare name.
 */
public record BuiltinType(String name, String module, Predicate<Object> test, TdlCallable constructor) implements TdlCallable {
    public BuiltinType(String name, Predicate<Object> test, TdlCallable constructor) { this(name, null, test, constructor); }

    @Override
    public Object call(Runtime rt, Args args) { return constructor.call(rt, args); }

    @Override
    public String toString() { return "<class '" + (module == null ? "" : module + ".") + name + "'>"; }
}
