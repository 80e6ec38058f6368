package tdl.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A callable script value seen from Java: a {@code def}, a compiled {@code theano.function}, a class,
 * a bound method. Calls run in the owning session, under its time limit, converting arguments with
 * the mapping of docs/embedding.md. Not thread-safe, like its session.
 */
public final class TdlFunction {
    private final TdlSession session;
    private final Object target;
    private final String name;

    TdlFunction(TdlSession session, Object target, String name) {
        this.session = session;
        this.target = target;
        this.name = name;
    }

    /** Calls with Java arguments; the result in its natural Java form (see {@link TdlSession#get(String)}). */
    public Object call(Object... args) {
        return session.toJava(callRaw(args));
    }

    /** Calls and converts the result to {@code type} (e.g. {@code double.class}, {@code double[][].class}). */
    public <T> T callAs(Class<T> type, Object... args) {
        return session.toJava(callRaw(args), type);
    }

    private Object callRaw(Object[] args) {
        List<Object> in = new ArrayList<>(args == null ? 0 : args.length);
        if (args != null) for (Object a : args) in.add(session.toScript(a));
        return session.invokeScript(target, in);
    }

    /** The session this function belongs to. */
    public TdlSession session() { return session; }

    /** The script value itself (what a script holding it sees). */
    public Object target() { return target; }

    @Override
    public String toString() {
        return name != null ? "<TDL function " + name + ">" : "<TDL " + session.typeName(target) + ">";
    }
}
