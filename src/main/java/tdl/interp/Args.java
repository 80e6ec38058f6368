package tdl.interp;

import tdl.vocab.ErrorKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tdl.syntax.TdlError;

/**
 * The arguments of one call: positional values and keyword values, in call order. The accessors
 * implement Python's binding of a parameter by position or by name, with a clear TypeError for a
 * missing or unexpected argument.
 */
public final class Args {
    private final String function;
    private final List<Object> positional;
    private final Map<String, Object> keywords;

    public Args(String function, List<Object> positional, Map<String, Object> keywords) {
        this.function = function;
        this.positional = positional;
        this.keywords = keywords == null ? new LinkedHashMap<>() : keywords;
    }

    public static Args of(String function, Object... positional) {
        return new Args(function, List.of(positional), null);
    }

    public String function() { return function; }

    public List<Object> positional() { return positional; }

    public Map<String, Object> keywords() { return keywords; }

    public int size() { return positional.size(); }

    public boolean has(int index, String name) {
        return (index >= 0 && index < positional.size()) || keywords.containsKey(name);
    }

    /** The parameter at {@code index} or named {@code name}; TypeError when absent. */
    public Object get(int index, String name) {
        if (index >= 0 && index < positional.size()) {
            if (keywords.containsKey(name)) {
                throw new TdlError(ErrorKind.TYPE_ERROR, function + "() got multiple values for argument '" + name + "'");
            }
            return positional.get(index);
        }
        if (keywords.containsKey(name)) return keywords.get(name);
        throw new TdlError(ErrorKind.TYPE_ERROR, function + "() missing required argument '" + name + "'"
                + (index >= 0 ? " (position " + (index + 1) + ")" : ""));
    }

    /** Like {@link #get} but returns {@code fallback} when the argument was not passed. */
    public Object get(int index, String name, Object fallback) {
        return has(index, name) ? get(index, name) : fallback;
    }

    /** Fails with a TypeError when more positionals than {@code max} or an unknown keyword was passed. */
    public Args check(int max, String... names) {
        if (positional.size() > max) {
            throw new TdlError(ErrorKind.TYPE_ERROR, function + "() takes at most " + max + " positional argument"
                    + (max == 1 ? "" : "s") + " (" + positional.size() + " given)");
        }
        for (String k : keywords.keySet()) {
            boolean known = false;
            for (String n : names) known |= n.equals(k);
            if (!known) {
                throw new TdlError(ErrorKind.TYPE_ERROR, function + "() got an unexpected keyword argument '" + k + "'",
                        names.length == 0 ? null : "accepted keywords: " + String.join(", ", names));
            }
        }
        return this;
    }
}
