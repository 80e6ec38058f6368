package tdl.lib.plot;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/** A session's pyplot state: open figures by number and the current one. */
final class PlotState {
    final TreeMap<Integer, Figure> figures = new TreeMap<>();
    Figure current;
    final Set<String> warned = new HashSet<>();

    /** The current figure, created (as figure 1, 2, ...) when there is none, like plt.gcf(). */
    Figure current() {
        if (current == null) current = open(null);
        return current;
    }

    /** figure(num): selects figure {@code num}, or makes a new one with the next free number. */
    Figure open(Integer num) {
        int n = num != null ? num : figures.isEmpty() ? 1 : figures.lastKey() + 1;
        current = figures.computeIfAbsent(n, Figure::new);
        return current;
    }

    void close(Figure f) {
        figures.remove(f.number());
        if (current == f) current = figures.isEmpty() ? null : figures.lastEntry().getValue();
    }

    void closeAll() {
        figures.clear();
        current = null;
    }
}
