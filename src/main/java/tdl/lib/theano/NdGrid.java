package tdl.lib.theano;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Variable;
import tdl.graph.ops.TensorOps;
import tdl.interp.Runtime;
import tdl.interp.SliceValue;
import tdl.interp.TdlTuple;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * T.mgrid and T.ogrid, Theano's _nd_grid: {@code T.mgrid[0:5, 0:3]} is a list of symbolic grids, one
 * per slice, each an arange laid along its own axis; mgrid broadcasts them to the full shape
 * (multiplying by ones, as Theano does), ogrid leaves the other axes of length 1.
 */
record NdGrid(boolean sparse) {
    static void install(Runtime rt, tdl.interp.TdlModule tensor) {
        rt.registerHooks(NdGrid.class, new Hooks());
        tensor.put("mgrid", new NdGrid(false)).put("ogrid", new NdGrid(true));
    }

    List<Object> grids(Runtime rt, Object index) {
        List<?> slices = index instanceof TdlTuple t ? t.items() : List.of(index);
        TensorOps t = Symbolic.ops(rt);
        int ndim = slices.size();
        List<Variable> ranges = new ArrayList<>();
        for (int j = 0; j < ndim; j++) {
            if (!(slices.get(j) instanceof SliceValue s) || s.hi() == null) {
                throw new TdlError(ErrorKind.TYPE_ERROR, (sparse ? "ogrid" : "mgrid") + "[...] takes slices with a stop, like mgrid[0:5, 0:3]");
            }
            Variable r = t.arange(lift(rt, s.lo(), 0L), lift(rt, s.hi(), null), lift(rt, s.step(), 1L));
            List<Variable> dims = new ArrayList<>();
            for (int k = 0; k < ndim; k++) dims.add(k == j ? t.shapeAt(r, 0) : t.constant(1L));
            ranges.add(t.reshape(r, dims));
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < ndim; i++) {
            if (sparse) {
                out.add(ranges.get(i));
                continue;
            }
            Variable grid = null;
            for (int j = 0; j < ndim; j++) {
                Variable factor = j == i ? ranges.get(j) : t.fill(ranges.get(j), t.constant(ranges.get(j).dtype(), 1));
                grid = grid == null ? factor : t.mul(grid, factor);
            }
            out.add(grid);
        }
        return out;
    }

    private static Variable lift(Runtime rt, Object part, Long absent) {
        return Symbolic.lift(rt, part == null ? absent : part, "a grid bound");
    }

    private static final class Hooks implements TypeHooks {
        @Override
        public String typeName(Object self) { return "_nd_grid"; }

        @Override
        public Object getItem(Runtime rt, Object self, Object index) { return ((NdGrid) self).grids(rt, index); }

        @Override
        public String str(Runtime rt, Object self) { return "<" + (((NdGrid) self).sparse ? "ogrid" : "mgrid") + ">"; }
    }
}
