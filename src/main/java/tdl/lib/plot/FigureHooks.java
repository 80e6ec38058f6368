package tdl.lib.plot;

import java.util.List;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TypeHooks;

/** A Figure in scripts: {@code fig.number}, {@code fig.savefig(path)}, {@code fig.clf()}. */
final class FigureHooks implements TypeHooks {
    @Override
    public String typeName(Object self) { return "Figure"; }

    @Override
    public String str(Runtime rt, Object self) { return self.toString(); }

    @Override
    public Object getAttr(Runtime rt, Object self, String name) {
        Figure f = (Figure) self;
        return switch (name) {
            case "number" -> (long) f.number();
            case "savefig" -> (TdlCallable) (r, a) -> Pyplot.savefig(r, f, a);
            case "clf" -> (TdlCallable) (r, a) -> { f.clear(); return null; };
            default -> UNSUPPORTED;
        };
    }

    @Override
    public List<String> attributeNames(Object self) { return List.of("clf", "number", "savefig"); }
}
