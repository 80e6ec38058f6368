package tdl.lib.plot;

import java.util.List;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.interp.TypeHooks;
import tdl.lib.display.Display;

/** Installs {@code matplotlib}, {@code matplotlib.pyplot} and the global {@code plt}. */
public final class PlotLibrary {
    private PlotLibrary() {}

    public static void install(Runtime rt) {
        TdlModule pyplot = Pyplot.module();
        TdlModule matplotlib = new TdlModule("matplotlib");
        matplotlib.put("pyplot", pyplot);
        matplotlib.put("use", (TdlCallable) (r, a) -> null); // backends do not exist here: always "Agg"
        matplotlib.put("get_backend", (TdlCallable) (r, a) -> "agg");
        rt.registerModule(matplotlib);
        rt.registerModule(pyplot);
        rt.defineGlobal("plt", pyplot);
        rt.registerHooks(Figure.class, new FigureHooks());
        Display.of(rt).drawWith(Figure.class, "figure", f -> FigureRenderer.render(f, f.dpi));
        rt.registerHooks(Line.class, new TypeHooks() {
            @Override public String typeName(Object self) { return "Line2D"; }

            @Override public String str(Runtime r, Object self) { return self.toString(); }

            @Override public Object getAttr(Runtime r, Object self, String name) {
                Line line = (Line) self;
                return switch (name) {
                    case "get_label" -> (TdlCallable) (rr, a) -> line.label() == null ? "_line" : line.label();
                    default -> UNSUPPORTED;
                };
            }

            @Override public List<String> attributeNames(Object self) { return List.of("get_label"); }
        });
    }
}
