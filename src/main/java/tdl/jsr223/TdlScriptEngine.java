package tdl.jsr223;

import tdl.vocab.ErrorKind;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import tdl.api.TdlFunction;
import tdl.api.TdlScript;
import tdl.api.TdlSession;
import tdl.syntax.SourcePos;
import tdl.syntax.TdlError;

/**
 * A TDL interpreter behind javax.script. ENGINE_SCOPE bindings are the script's globals (GLOBAL_SCOPE
 * is read too); the context's writer and error writer receive print() output and warnings; script
 * errors become ScriptExceptions with file name, line and column. One engine is one session: use it
 * from one thread at a time; separate engines share nothing.
 */
public final class TdlScriptEngine extends AbstractScriptEngine implements Compilable, Invocable {
    private final TdlScriptEngineFactory factory;
    private final TdlSession session;
    private final BindingsBridge bridge;

    TdlScriptEngine(TdlScriptEngineFactory factory, TdlSession session) {
        this.factory = factory;
        this.session = session;
        this.bridge = new BindingsBridge(session);
    }

    /** The Java API session underneath, for conversions such as {@code session().toJava(v, double[][].class)}. */
    public TdlSession session() { return session; }

    @Override
    public Object eval(String script, ScriptContext ctx) throws ScriptException {
        return compile(script, fileName(ctx)).eval(ctx);
    }

    @Override
    public Object eval(Reader reader, ScriptContext ctx) throws ScriptException {
        return eval(read(reader), ctx);
    }

    @Override
    public Bindings createBindings() { return new SimpleBindings(); }

    @Override
    public ScriptEngineFactory getFactory() { return factory; }

    // ---- Compilable ----

    @Override
    public CompiledScript compile(String script) throws ScriptException {
        return compile(script, fileName(context));
    }

    @Override
    public CompiledScript compile(Reader script) throws ScriptException {
        return compile(read(script));
    }

    private CompiledScript compile(String script, String name) throws ScriptException {
        TdlScript parsed = guard(() -> session.compile(script, name));
        return new CompiledScript() {
            @Override
            public Object eval(ScriptContext ctx) throws ScriptException {
                try {
                    return within(ctx, parsed::run);
                } catch (NoSuchMethodException e) {
                    throw new ScriptException(e); // only invoke* look functions up
                }
            }

            @Override
            public ScriptEngine getEngine() { return TdlScriptEngine.this; }
        };
    }

    // ---- Invocable ----

    @Override
    public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
        return within(context, () -> {
            Object f = session.scriptGlobals().get(name);
            if (f == null) throw new NoSuchFunction("no function '" + name + "' is defined");
            return session.toJava(f, TdlFunction.class).call(args);
        });
    }

    @Override
    public Object invokeMethod(Object thiz, String name, Object... args) throws ScriptException, NoSuchMethodException {
        if (thiz == null) throw new IllegalArgumentException("invokeMethod needs an object");
        return within(context, () -> method(thiz, name).call(args));
    }

    @Override
    public <T> T getInterface(Class<T> type) {
        return proxy(type, null);
    }

    @Override
    public <T> T getInterface(Object thiz, Class<T> type) {
        if (thiz == null) throw new IllegalArgumentException("getInterface needs an object");
        return proxy(type, thiz);
    }

    private <T> T proxy(Class<T> type, Object thiz) {
        if (type == null || !type.isInterface()) throw new IllegalArgumentException("getInterface needs an interface, got " + type);
        for (Method m : type.getMethods()) {
            if (!Modifier.isAbstract(m.getModifiers())) continue;
            try {
                within(context, () -> thiz == null ? session.toJava(functionValue(m.getName()), TdlFunction.class)
                        : method(thiz, m.getName()));
            } catch (ScriptException | NoSuchMethodException | TdlError e) {
                return null; // JSR-223: null when the script does not implement the interface
            }
        }
        InvocationHandler h = (proxy, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "TDL implementation of " + type.getName();
                };
            }
            if (m.isDefault()) return InvocationHandler.invokeDefault(proxy, m, args);
            Object[] a = args == null ? new Object[0] : args;
            try {
                return within(context, () -> {
                    TdlFunction f = thiz == null ? session.toJava(functionValue(m.getName()), TdlFunction.class) : method(thiz, m.getName());
                    if (m.getReturnType() == void.class) {
                        f.call(a);
                        return null;
                    }
                    return f.callAs(m.getReturnType(), a);
                });
            } catch (ScriptException e) {
                for (Class<?> x : m.getExceptionTypes()) if (x.isInstance(e)) throw e;
                throw (TdlError) e.getCause(); // the interface cannot throw ScriptException: the script error itself
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    private Object functionValue(String name) {
        Object f = session.scriptGlobals().get(name);
        if (f == null) throw new NoSuchFunction("no function '" + name + "' is defined");
        return f;
    }

    private TdlFunction method(Object thiz, String name) {
        Object target = session.toScript(thiz);
        Object attr;
        try {
            attr = session.attribute(target, name);
        } catch (TdlError e) {
            if (e.kind() == ErrorKind.ATTRIBUTE_ERROR) throw new NoSuchFunction("the object has no method '" + name + "'");
            throw e;
        }
        return session.toJava(attr, TdlFunction.class);
    }

    // ---- running with a context ----

    private interface Body { Object run(); }

    /** Runs with the context's writers and bindings; script errors become ScriptExceptions. */
    private synchronized Object within(ScriptContext ctx, Body body) throws ScriptException, NoSuchMethodException {
        session.setOutput(ctx.getWriter());
        session.setErrorOutput(ctx.getErrorWriter());
        bridge.in(ctx);
        try {
            return body.run();
        } catch (NoSuchFunction e) {
            throw new NoSuchMethodException(e.getMessage());
        } catch (TdlError e) {
            throw scriptException(e);
        } finally {
            bridge.out(ctx);
        }
    }

    private static <R> R guard(Supplier<R> body) throws ScriptException {
        try {
            return body.get();
        } catch (TdlError e) {
            throw scriptException(e);
        }
    }

    static ScriptException scriptException(TdlError e) {
        String msg = e.kindName() + ": " + e.detail() + (e.hint() == null || e.hint().isEmpty() ? "" : " (hint: " + e.hint() + ")");
        SourcePos p = e.pos();
        ScriptException se = p == null ? new ScriptException(msg) : new ScriptException(msg, p.file(), p.line(), p.col());
        se.initCause(e);
        return se;
    }

    private static String fileName(ScriptContext ctx) {
        Object f = ctx == null ? null : ctx.getAttribute(ScriptEngine.FILENAME);
        return f == null ? "<script>" : f.toString();
    }

    private static String read(Reader r) throws ScriptException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        try {
            for (int n; (n = r.read(buf)) > 0; ) sb.append(buf, 0, n);
        } catch (IOException e) {
            throw new ScriptException("cannot read the script: " + e.getMessage());
        }
        return sb.toString();
    }

    /** Carries "no such function" out of a body to become the checked NoSuchMethodException. */
    private static final class NoSuchFunction extends RuntimeException {
        NoSuchFunction(String message) { super(message, null, false, false); }
    }
}
