package tdl.lib.progress;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.lib.display.Display;
import tdl.syntax.TdlError;

/**
 * {@code progress(iterable, desc=None)} and {@code tqdm.tqdm(...)}: iterate while showing a progress
 * bar, so long training loops show they are alive. The bar redraws in place on a terminal (on the
 * error stream) and in a notebook (through the session's display); elsewhere (logs, tests,
 * embedding) it stays silent so output remains clean.
 */
public final class ProgressLibrary {
    private ProgressLibrary() {}

    public static void install(Runtime rt) {
        TdlCallable progress = ProgressLibrary::progress;
        rt.defineGlobal("progress", progress);
        TdlModule tqdm = new TdlModule("tqdm");
        tqdm.put("tqdm", progress);
        tqdm.put("trange", (TdlCallable) (r, a) -> {
            List<Object> items = new ArrayList<>();
            long n = ((Number) a.get(0, "n")).longValue();
            for (long i = 0; i < n; i++) items.add(i);
            return new ProgressIterable(r, items, (String) a.keywords().get("desc"), interactive(r));
        });
        rt.registerModule(tqdm);
        rt.registerHooks(ProgressIterable.class, new ProgressHooks());
    }

    private static Object progress(Runtime rt, Args a) {
        a.check(2, "iterable", "desc", "total", "leave", "ncols", "file");
        Object it = a.get(0, "iterable");
        Object desc = a.get(1, "desc", null);
        List<Object> items = materialise(rt, it);
        return new ProgressIterable(rt, items, desc == null ? null : rt.str(desc), interactive(rt));
    }

    /** A terminal, or a front door whose output a person watches live (a notebook). */
    static boolean interactive(Runtime rt) {
        return rt.err() == System.err && System.console() != null || Display.of(rt).sink().live();
    }

    private static List<Object> materialise(Runtime rt, Object it) {
        List<Object> items = new ArrayList<>();
        if (it instanceof List<?> l) {
            items.addAll(l);
            return items;
        }
        Object iter = rt.call(rt.builtin("list"), List.of(it), null);
        if (iter instanceof List<?> l) {
            items.addAll(l);
            return items;
        }
        throw new TdlError(ErrorKind.TYPE_ERROR, "progress() needs something iterable, got " + rt.repr(it));
    }
}
