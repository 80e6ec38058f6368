package tdl.jsr223;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.script.Bindings;
import javax.script.ScriptContext;
import tdl.api.TdlFunction;
import tdl.api.TdlSession;

/**
 * Makes a context's ENGINE_SCOPE bindings the script's globals. Before a run the globals are rebuilt
 * from the bindings (GLOBAL_SCOPE fills names ENGINE_SCOPE lacks); after it the bindings receive the
 * globals in Java form. Values whose Java form is the script value itself (numbers, strings, host
 * arrays, script objects) keep their identity; callables keep theirs through the wrappers remembered
 * here; lists and dicts are copied each way, so in-place changes on either side are never lost.
 */
final class BindingsBridge {
    private final TdlSession session;
    /** Function handles handed out, so the same handle going back in becomes the same script value. */
    private final Map<Object, TdlFunction> handles = new IdentityHashMap<>();
    /** Values taken from GLOBAL_SCOPE for this run: not copied into ENGINE_SCOPE unless the script rebinds them. */
    private final Map<String, Object> fromGlobalScope = new HashMap<>();

    BindingsBridge(TdlSession session) { this.session = session; }

    void in(ScriptContext ctx) {
        Map<String, Object> g = session.scriptGlobals();
        g.keySet().removeIf(k -> !k.startsWith("__"));
        fromGlobalScope.clear();
        Bindings global = ctx.getBindings(ScriptContext.GLOBAL_SCOPE);
        Bindings engine = ctx.getBindings(ScriptContext.ENGINE_SCOPE);
        if (global != null) {
            for (Map.Entry<String, Object> e : global.entrySet()) {
                if (!isName(e.getKey()) || (engine != null && engine.containsKey(e.getKey()))) continue;
                Object v = session.toScript(e.getValue());
                g.put(e.getKey(), v);
                fromGlobalScope.put(e.getKey(), v);
            }
        }
        if (engine != null) {
            for (Map.Entry<String, Object> e : engine.entrySet()) {
                if (isName(e.getKey())) g.put(e.getKey(), session.toScript(e.getValue()));
            }
        }
    }

    void out(ScriptContext ctx) {
        Bindings engine = ctx.getBindings(ScriptContext.ENGINE_SCOPE);
        if (engine == null) return;
        Map<String, Object> g = session.scriptGlobals();
        java.util.Set<Object> live = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        live.addAll(g.values());
        handles.keySet().retainAll(live);
        for (String k : new ArrayList<>(engine.keySet())) {
            if (isName(k) && !g.containsKey(k)) engine.remove(k);
        }
        for (Map.Entry<String, Object> e : g.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (!isName(k) || k.startsWith("__")) continue;
            if (fromGlobalScope.containsKey(k) && fromGlobalScope.get(k) == v) continue;
            engine.put(k, javaForm(v));
        }
    }

    private Object javaForm(Object v) {
        TdlFunction known = handles.get(v);
        if (known != null) return known;
        Object j = session.toJava(v);
        if (j instanceof TdlFunction f) handles.put(v, f);
        return j;
    }

    /** Keys like javax.script.filename configure the engine; only identifiers are variables. */
    static boolean isName(String k) {
        if (k == null || k.isEmpty() || !Character.isJavaIdentifierStart(k.charAt(0))) return false;
        for (int i = 1; i < k.length(); i++) if (!Character.isJavaIdentifierPart(k.charAt(i))) return false;
        return true;
    }
}
