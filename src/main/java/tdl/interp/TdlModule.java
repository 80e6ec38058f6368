package tdl.interp;

import java.util.LinkedHashMap;
import java.util.Map;

/** A module: built-in (numpy, theano.tensor, ...) or a .tdl file that was imported. */
public final class TdlModule {
    private final String name;
    private final Map<String, Object> members;

    public TdlModule(String name) {
        this(name, new LinkedHashMap<>());
    }

    public TdlModule(String name, Map<String, Object> members) {
        this.name = name;
        this.members = members;
        members.replaceAll(Builtin::named);
    }

    public String name() { return name; }

    /** Live member table; built-in modules fill it once when the session starts. */
    public Map<String, Object> members() { return members; }

    public TdlModule put(String member, Object value) {
        members.put(member, Builtin.named(member, value));
        return this;
    }

    @Override
    public String toString() { return "<module '" + name + "'>"; }
}
