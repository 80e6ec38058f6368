package tdl.interp;

/** A named built-in callable (builtins, str/list/dict methods bound to a receiver, module functions). */
public record Builtin(String name, TdlCallable body) implements TdlCallable {
    @Override
    public Object call(Runtime rt, Args args) { return body.call(rt, args); }

    @Override
    public String toString() { return "<built-in function " + name + ">"; }
}
