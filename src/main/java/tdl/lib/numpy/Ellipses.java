package tdl.lib.numpy;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.interp.SliceValue;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;
import tdl.vocab.EllipsisValue;
import tdl.vocab.ErrorKind;

/**
 * An index's {@code ...}: as many full slices as the axes the other items leave, numpy's rule (None
 * takes no axis, a boolean array as many as its rank) and Theano 1.0's __getitem__ (which counts
 * every item but None). More than one is numpy's IndexError.
 */
public final class Ellipses {
    private Ellipses() {}

    /** {@code index} with its Ellipsis replaced for an array of {@code rank} axes (unchanged when it has none). */
    public static Object expand(Object index, int rank) {
        List<Object> items = index instanceof TdlTuple t ? t.items() : java.util.Collections.singletonList(index);
        int at = -1, used = 0;
        for (int i = 0; i < items.size(); i++) {
            Object it = items.get(i);
            if (it == EllipsisValue.ELLIPSIS) {
                if (at >= 0) throw new TdlError(ErrorKind.INDEX_ERROR, "an index can only have a single ellipsis ('...')");
                at = i;
            } else if (it != null) {
                used += it instanceof NDArray a && a.dtype() == DType.BOOL ? Math.max(1, a.rank()) : 1;
            }
        }
        if (at < 0) return index;
        int fill = rank - used;
        if (fill < 0) {
            throw new TdlError(ErrorKind.INDEX_ERROR, "too many indices for array: array is " + rank
                    + "-dimensional, but " + used + " were indexed");
        }
        List<Object> out = new ArrayList<>(items.subList(0, at));
        for (int k = 0; k < fill; k++) out.add(new SliceValue(null, null, null));
        out.addAll(items.subList(at + 1, items.size()));
        return new TdlTuple(out);
    }
}
