package tdl.lib.progress;

import java.util.Iterator;
import java.util.List;
import tdl.interp.Runtime;

/** The items of a loop plus the bar drawn as they are consumed. */
final class ProgressIterable implements Iterable<Object> {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final Runtime rt;
    private final List<Object> items;
    private final String desc;
    private final boolean draw;

    ProgressIterable(Runtime rt, List<Object> items, String desc, boolean draw) {
        this.rt = rt;
        this.items = items;
        this.desc = desc;
        this.draw = draw;
    }

    int size() { return items.size(); }

    @Override
    public Iterator<Object> iterator() {
        Iterator<Object> inner = items.iterator();
        long start = System.nanoTime();
        return new Iterator<>() {
            int done = -1;
            long lastDraw;

            @Override
            public boolean hasNext() {
                boolean more = inner.hasNext();
                if (!more && draw) {
                    bar(items.size(), start);
                    rt.err().print("\n");
                    rt.err().flush();
                }
                return more;
            }

            @Override
            public Object next() {
                done++;
                long now = System.nanoTime();
                if (draw && now - lastDraw > REDRAW_NANOS) {
                    lastDraw = now;
                    bar(done, start);
                }
                return inner.next();
            }
        };
    }

    private void bar(int done, long start) {
        int n = Math.max(1, items.size());
        int filled = (int) ((long) WIDTH * done / n);
        double secs = (System.nanoTime() - start) / 1e9;
        double rate = secs > 0 ? done / secs : 0;
        String eta = rate > 0 && done < n ? String.format(" eta %.0fs", (n - done) / rate) : "";
        rt.err().print(String.format("\r%s[%s%s] %d/%d %.1f it/s%s   ", desc == null ? "" : desc + " ",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, items.size(), rate, eta));
        rt.err().flush();
    }
}
