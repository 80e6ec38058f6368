package tdl.lib.display;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import tdl.interp.DisplaySink;
import tdl.interp.Runtime;

/**
 * A session's display: the sink pictures go to (PNG files unless a front door sets another) and,
 * per value type, how the library that owns the type draws it (figures, PIL images, pixel arrays).
 */
public final class Display {
    private record Drawing(String kind, Function<Object, BufferedImage> draw) {}

    private final Map<Class<?>, Drawing> drawings = new LinkedHashMap<>();
    private DisplaySink sink;

    /** The session's display, made on first use with PNG files as its sink. */
    public static Display of(Runtime rt) {
        Display d = rt.sessionState(Display.class, Display::new);
        if (d.sink == null) d.sink = new FileDisplay(rt);
        return d;
    }

    public DisplaySink sink() { return sink; }

    /** Sends later pictures to {@code s} instead. */
    public void setSink(DisplaySink s) { sink = s; }

    /**
     * Declares how values of {@code type} look as a picture of the given kind ("figure", "image");
     * {@code draw} may return null for a value that has none (a float array is numbers, not pixels).
     */
    @SuppressWarnings("unchecked")
    public <T> void drawWith(Class<T> type, String kind, Function<? super T, BufferedImage> draw) {
        drawings.put(type, new Drawing(kind, v -> draw.apply((T) v)));
    }

    /** IPython's display(x): the picture of x when it has one, else its repr. */
    public void show(Runtime rt, Object value) {
        if (value != null) {
            for (Map.Entry<Class<?>, Drawing> e : drawings.entrySet()) {
                if (!e.getKey().isInstance(value)) continue;
                BufferedImage img = e.getValue().draw().apply(value);
                if (img != null) {
                    sink.picture(img, e.getValue().kind(), rt.repr(value));
                    return;
                }
            }
        }
        sink.text(rt.repr(value));
    }
}
