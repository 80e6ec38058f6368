package tdl.lib.theano;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.Index;
import tdl.interp.Runtime;
import tdl.interp.SliceValue;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;

/** Turns a script subscript (ints, slices, None, symbolic scalars, integer arrays, masks) into graph indices. */
final class Indexing {
    private Indexing() {}

    static List<Index> toIndices(Runtime rt, Object index) {
        List<Index> out = new ArrayList<>();
        if (index instanceof TdlTuple t) {
            for (Object part : t.items()) out.add(one(rt, part));
        } else {
            out.add(one(rt, index));
        }
        return out;
    }

    private static Index one(Runtime rt, Object part) {
        if (part == null) return new Index.NewAxis();
        if (part instanceof SliceValue s) {
            if (s.lo() == null && s.hi() == null && s.step() == null) return new Index.All();
            return new Index.Range(bound(rt, s.lo()), bound(rt, s.hi()), bound(rt, s.step()));
        }
        if (part instanceof List<?> || part instanceof NDArray) {
            Variable v = Symbolic.lift(rt, part, "an index");
            return vectorOrScalar(v);
        }
        if (part instanceof Boolean) throw new TdlError(ErrorKind.INDEX_ERROR, "boolean indices are not supported on symbolic variables",
                "use T.switch(mask, x, 0) or nonzero indices");
        Variable v = Symbolic.lift(rt, part, "an index");
        return vectorOrScalar(v);
    }

    private static Index vectorOrScalar(Variable v) {
        if (v.dtype() == tdl.graph.DType.BOOL) {
            if (v.rank() == 0) {
                throw new TdlError(ErrorKind.INDEX_ERROR, "a boolean scalar index is not supported",
                        "use T.switch(cond, x, 0), or index with a boolean array covering x's leading axes");
            }
            return new Index.Mask(v);
        }
        if (v.dtype().isFloat()) {
            throw new TdlError(ErrorKind.INDEX_ERROR, "indices must be integers, got a " + v.dtype().pyName() + " tensor",
                    "cast with T.cast(i, 'int64') or use an integer variable (T.iscalar, T.ivector, T.lvector)");
        }
        if (v.rank() == 0) return new Index.Scalar(v);
        return new Index.Vector(v); // an integer array of any rank: emb[imatrix] is rank 3
    }

    private static Variable bound(Runtime rt, Object b) {
        if (b == null) return null;
        Variable v = Symbolic.lift(rt, b, "a slice bound");
        if (v.dtype().isFloat() || v.rank() != 0) {
            throw new TdlError(ErrorKind.INDEX_ERROR, "slice bounds must be integer scalars, got " + v.type());
        }
        return v;
    }
}
