package tdl.lib.progress;

import java.util.Iterator;
import java.util.List;
import tdl.interp.Runtime;
import tdl.lib.display.Display;

/** The items of a loop plus the bar drawn as they are consumed. */
final class ProgressIterable implements Iterable<Object> {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    /** Redraws the speed is averaged over: about the last two seconds of a fast loop. */
    private static final int WINDOW = 20;

    private final Runtime rt;
    private final List<Object> items;
    private final String desc;
    private final boolean draw;
    private int lastLength;

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
        RateWindow window = new RateWindow(WINDOW);
        window.record(start, 0);
        return new Iterator<>() {
            int done = -1;
            long lastDraw;
            boolean finished;

            @Override
            public boolean hasNext() {
                boolean more = inner.hasNext();
                if (!more && draw && !finished) {
                    finished = true;
                    if (!bar(this, items.size(), start, window)) {
                        rt.err().print("\n");
                        rt.err().flush();
                    }
                }
                return more;
            }

            @Override
            public Object next() {
                done++;
                long now = System.nanoTime();
                if (draw && now - lastDraw > REDRAW_NANOS) {
                    lastDraw = now;
                    window.record(now, done);
                    bar(this, done, start, window);
                }
                return inner.next();
            }
        };
    }

    /**
     * Draws the bar of one pass over the items ({@code pass} keys it): in place where the session's
     * display can redraw a line (a notebook), else with a carriage return on the error stream.
     * Returns whether the display drew it.
     */
    private boolean bar(Object pass, int done, long start, RateWindow window) {
        int n = Math.max(1, items.size());
        int filled = (int) ((long) WIDTH * done / n);
        double secs = (System.nanoTime() - start) / 1e9;
        double rate = done == items.size() ? (secs > 0 ? done / secs : 0) : window.rate();
        double eta = done < n ? window.etaSeconds(done, n - done) : -1;
        String line = String.format("%s[%s%s] %d/%d %.1f it/s%s", desc == null ? "" : desc + " ",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, items.size(), rate,
                eta >= 0 ? String.format(" eta %.0fs", eta) : "");
        if (Display.of(rt).sink().redraw(pass, line)) return true;
        // pad over what the previous, possibly longer, line left on the terminal
        rt.err().print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
        rt.err().flush();
        return false;
    }
}
