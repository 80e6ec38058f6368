package tdl.interp;

import java.util.function.Predicate;

/** A built-in type (int, float, str, list, ...): callable to convert, usable with isinstance(). */
public record BuiltinType(String name, Predicate<Object> test, TdlCallable constructor) implements TdlCallable {
    @Override
    public Object call(Runtime rt, Args args) { return constructor.call(rt, args); }

    @Override
    public String toString() { return "<class '" + name + "'>"; }
}
