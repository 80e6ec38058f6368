package tdl.lib.display;

import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;

/**
 * {@code display(*objs)}, IPython's name, as a global and in {@code IPython.display}: shows each
 * value through the session's display (a picture for figures, PIL images and pixel arrays, else
 * its repr).
 */
public final class DisplayLibrary {
    private DisplayLibrary() {}

    public static void install(Runtime rt) {
        TdlCallable display = DisplayLibrary::display;
        rt.defineGlobal("display", display);
        TdlModule ipyDisplay = new TdlModule("IPython.display").put("display", display);
        rt.registerModule(ipyDisplay);
        rt.registerModule(new TdlModule("IPython").put("display", ipyDisplay));
    }

    private static Object display(Runtime rt, Args a) {
        a.check(Integer.MAX_VALUE); // IPython's keywords (include=, metadata=, clear= ...) have no meaning here
        Display d = Display.of(rt);
        for (Object value : a.positional()) d.show(rt, value);
        return null;
    }
}
