package tdl.interp;

/** A named built-in callable (builtins, str/list/dict methods bound to a receiver, module functions). */
public record Builtin(String name, TdlCallable body) implements TdlCallable {
    @Override
    public Object call(Runtime rt, Args args) { return body.call(rt, args); }

    /**
     * Names a bare Java lambda registered under {@code name} so it prints as Python's
     * {@code <built-in function name>} instead of a Java lambda class; any other value is returned as is.
     */
    public static Object named(String name, Object value) {
        if (value instanceof TdlCallable c && !(value instanceof Builtin)
                && (value.getClass().isHidden() || value.getClass().isSynthetic())) {
            return new Builtin(name, c);
        }
        return value;
    }

    @Override
    public String toString() { return "<built-in function " + name + ">"; }
}
