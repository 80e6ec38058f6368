package tdl.rewrite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** How often each rewrite fired during one run of the pipeline (tests and profiles read it). */
public final class RewriteLog {
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    void fired(String name) { counts.merge(name, 1, Integer::sum); }

    public int count(String name) { return counts.getOrDefault(name, 0); }

    public Map<String, Integer> counts() { return Collections.unmodifiableMap(counts); }

    @Override
    public String toString() { return counts.toString(); }
}
