package tdl.interp;

/**
 * A method of a built-in value type (a host array's sum, a shared variable's get_value), bound to
 * its receiver: prints as Python's {@code <built-in method sum of ndarray object>} rather than as
 * the Java lambda the library returned, and tells help() which TYPE.NAME entry documents it.
 */
public record BuiltinMethod(String typeName, String name, TdlCallable body) implements TdlCallable {
    @Override
    public Object call(Runtime rt, Args args) { return body.call(rt, args); }

    /** Names a bare lambda a type's getAttr returned; anything else (values, named callables) is returned as is. */
    static Object named(String typeName, String name, Object value) {
        if (value instanceof TdlCallable c && (value.getClass().isHidden() || value.getClass().isSynthetic())) {
            return new BuiltinMethod(typeName, name, c);
        }
        return value;
    }

    @Override
    public String toString() { return "<built-in method " + name + " of " + typeName + " object>"; }
}
