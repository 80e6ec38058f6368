package tdl.interp;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One level of name binding: module globals, a function call's locals, a class body or a
 * comprehension. Lookup is dynamic (locals, enclosing function scopes, globals, builtins), which is
 * Python's rule except that reading a global before assigning a local of the same name is allowed.
 */
final class Scope {
    final Map<String, Object> vars;
    final Map<String, Object> globals;
    /** Enclosing function scope for closures (class bodies are skipped, as in Python). */
    final Scope parent;
    final boolean classBody;
    private Set<String> globalNames;
    private Set<String> nonlocalNames;

    Scope(Map<String, Object> vars, Map<String, Object> globals, Scope parent, boolean classBody) {
        this.vars = vars;
        this.globals = globals;
        this.parent = parent;
        this.classBody = classBody;
    }

    static Scope module(Map<String, Object> globals) {
        return new Scope(globals, globals, null, false);
    }

    /** The scope a function defined here closes over. */
    Scope closureScope() {
        if (classBody) return parent;
        return vars == globals ? null : this;
    }

    boolean isModule() { return vars == globals; }

    void declareGlobal(String name) {
        if (globalNames == null) globalNames = new HashSet<>();
        globalNames.add(name);
    }

    void declareNonlocal(String name) {
        if (nonlocalNames == null) nonlocalNames = new HashSet<>();
        nonlocalNames.add(name);
    }

    boolean isGlobal(String name) { return globalNames != null && globalNames.contains(name); }

    /** Sentinel for "not bound here". */
    static final Object MISSING = new Object();

    Object lookup(String name) {
        if (!isGlobal(name)) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.vars == globals) break;
                Object v = s.vars.getOrDefault(name, MISSING);
                if (v != MISSING) return v;
            }
        }
        return globals.getOrDefault(name, MISSING);
    }

    void assign(String name, Object value) {
        if (isGlobal(name)) { globals.put(name, value); return; }
        if (nonlocalNames != null && nonlocalNames.contains(name)) {
            Scope s = ownerOf(name);
            if (s != null) { s.vars.put(name, value); return; }
        }
        vars.put(name, value);
    }

    /** Removes a binding; false when the name was not bound in the scope del affects. */
    boolean delete(String name) {
        Map<String, Object> target = vars;
        if (isGlobal(name)) target = globals;
        else if (nonlocalNames != null && nonlocalNames.contains(name)) {
            Scope s = ownerOf(name);
            if (s == null) return false;
            target = s.vars;
        }
        if (!target.containsKey(name)) return false;
        target.remove(name);
        return true;
    }


    private Scope ownerOf(String name) {
        for (Scope s = parent; s != null; s = s.parent) {
            if (s.vars == globals) return null;
            if (s.vars.containsKey(name)) return s;
        }
        return null;
    }

    /** Names visible from here, for "did you mean" hints. */
    Set<String> visibleNames() {
        Set<String> names = new HashSet<>(globals.keySet());
        for (Scope s = this; s != null && s.vars != globals; s = s.parent) names.addAll(s.vars.keySet());
        return names;
    }
}
