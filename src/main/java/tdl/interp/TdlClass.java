package tdl.interp;

import java.util.LinkedHashMap;
import java.util.Map;

/** A class: user-defined, or one of the built-in exception classes and {@code object}. */
public final class TdlClass {
    final String name;
    final TdlClass base;
    final Map<String, Object> attrs;
    /** True for Exception and every class derived from it. */
    final boolean exception;

    TdlClass(String name, TdlClass base, Map<String, Object> attrs) {
        this.name = name;
        this.base = base;
        this.attrs = attrs == null ? new LinkedHashMap<>() : attrs;
        this.exception = name.equals("BaseException") || (base != null && base.exception);
    }

    public String name() { return name; }

    public TdlClass base() { return base; }

    /** Looks an attribute up along the inheritance chain; Scope.MISSING when absent. */
    Object lookup(String attr) {
        for (TdlClass c = this; c != null; c = c.base) {
            Object v = c.attrs.getOrDefault(attr, Scope.MISSING);
            if (v != Scope.MISSING) return v;
        }
        return Scope.MISSING;
    }

    public boolean isSubclassOf(TdlClass other) {
        for (TdlClass c = this; c != null; c = c.base) if (c == other) return true;
        return false;
    }

    @Override
    public String toString() { return "<class '" + name + "'>"; }
}
