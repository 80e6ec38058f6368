package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.Arrays;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * Theano's dimshuffle: entry i of {@code pattern} is the input axis that becomes output axis i, or
 * -1 for a new size-1 axis ('x'). Input axes left out must have size 1 at run time (they are
 * dropped). {@code .T} is the reversed pattern.
 */
public record DimShuffleOp(List<Integer> pattern) implements Op {
    public DimShuffleOp {
        pattern = List.copyOf(pattern);
    }

    public static DimShuffleOp of(int... pattern) {
        return new DimShuffleOp(Arrays.stream(pattern).boxed().toList());
    }

    @Override
    public String name() {
        StringBuilder sb = new StringBuilder("DimShuffle{");
        for (int i = 0; i < pattern.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(pattern.get(i) < 0 ? "x" : String.valueOf(pattern.get(i)));
        }
        return sb.append('}').toString();
    }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        if (in.size() != 1) throw new GraphError(ErrorKind.TYPE_ERROR, "dimshuffle takes 1 input, got " + in.size());
        int rank = in.get(0).rank();
        boolean[] seen = new boolean[rank];
        for (int p : pattern) {
            if (p < -1 || p >= rank) {
                throw new GraphError(ErrorKind.VALUE_ERROR, "dimshuffle pattern " + name() + " names axis " + p
                        + " but the input has rank " + rank, "use input axes 0.." + (rank - 1) + " or 'x'");
            }
            if (p >= 0) {
                if (seen[p]) throw new GraphError(ErrorKind.VALUE_ERROR, "dimshuffle pattern " + name() + " repeats axis " + p);
                seen[p] = true;
            }
        }
        return List.of(in.get(0).withRank(pattern.size()));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        Variable x = node.inputs().get(0);
        if (g == null || !x.dtype().isFloat()) return Arrays.asList((Variable) null);
        TensorOps t = new TensorOps(node::origin);
        // sum over the new axes (size 1 in the output, so the sum just drops them), then invert the
        // permutation, re-inserting dropped input axes as size 1
        int rank = x.rank();
        int[] kept = pattern.stream().filter(p -> p >= 0).mapToInt(Integer::intValue).toArray();
        int[] keepAxes = new int[kept.length];
        int k = 0;
        java.util.List<Integer> newAxes = new java.util.ArrayList<>();
        for (int i = 0; i < pattern.size(); i++) {
            if (pattern.get(i) < 0) newAxes.add(i);
            else keepAxes[k++] = i;
        }
        Variable gs = newAxes.isEmpty() ? g : t.sum(g, newAxes.stream().mapToInt(Integer::intValue).toArray(), false);
        int[] inverse = new int[rank];
        for (int a = 0; a < rank; a++) {
            inverse[a] = -1;
            for (int j = 0; j < kept.length; j++) if (kept[j] == a) inverse[a] = j;
        }
        return List.of(t.dimshuffle(gs, inverse));
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DimShuffleOp that
                && java.util.Objects.equals(pattern, that.pattern);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(pattern);
        return h;
    }
}
