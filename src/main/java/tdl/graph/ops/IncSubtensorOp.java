package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * set_subtensor(x[idx], y) (set = true) or inc_subtensor(x[idx], y): a new array equal to x with
 * the indexed part replaced by / incremented by y (broadcast to the part). x is not changed.
 * Inputs: x, y, then the index parts as in the read op. Any index the read ops take works here
 * (Theano's IncSubtensor, AdvancedIncSubtensor1 and AdvancedIncSubtensor in one op). Repeated
 * array entries accumulate for inc (numpy's add.at, Theano's advanced_inc_subtensor) and the last
 * one wins for set.
 */
public record IncSubtensorOp(boolean set, List<IndexSpec> idx) implements Op {
    public IncSubtensorOp {
        idx = List.copyOf(idx);
    }

    @Override
    public String name() { return (set ? "SetSubtensor" : "IncSubtensor") + idx; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        if (in.size() < 2) throw new GraphError(ErrorKind.TYPE_ERROR, name() + " needs x and y");
        TensorType x = in.get(0), y = in.get(1);
        List<TensorType> ix = in.subList(2, in.size());
        IndexSpec.checkInputs(set ? "set_subtensor" : "inc_subtensor", idx, ix);
        int partRank = IndexSpec.resultRank(idx, x.rank(), ix);
        if (y.rank() > partRank) {
            // Theano's TypeError, in its words (it says "increment" for set_subtensor too)
            throw new GraphError(ErrorKind.TYPE_ERROR, "Trying to increment a " + partRank + "-dimensional subtensor with a "
                    + y.rank() + "-dimensional value (" + (set ? "set_subtensor" : "inc_subtensor") + " of x[" + idxText() + "])",
                    "y may have at most as many dimensions as the indexed part; it broadcasts from the right");
        }
        if (!set && (y.dtype().isFloat() && !x.dtype().isFloat() || x.dtype() == tdl.graph.DType.BOOL && y.dtype() != tdl.graph.DType.BOOL)) {
            // numpy's x[idx] += y and np.add.at (which Theano's increments call) refuse the narrowing
            throw new GraphError(ErrorKind.TYPE_ERROR, "inc_subtensor: cannot add " + y.dtype().pyName() + " values to a tensor of dtype "
                    + x.dtype().pyName() + " (numpy's casting rule 'same_kind')",
                    "cast one of them first, e.g. T.inc_subtensor(x[i], T.cast(y, '" + x.dtype().pyName() + "')) or x.astype('float64')");
        }
        return List.of(x);
    }

    private String idxText() {
        StringBuilder sb = new StringBuilder();
        for (IndexSpec s : idx) sb.append(sb.length() > 0 ? ", " : "").append(s);
        return sb.toString();
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        List<Variable> in = node.inputs();
        List<Variable> res = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) res.add(null);
        if (g == null) return res;
        TensorOps t = new TensorOps(node::origin);
        List<Variable> ix = in.subList(2, in.size());
        Variable x = in.get(0), y = in.get(1);
        if (x.dtype().isFloat()) {
            List<Variable> args = new ArrayList<>(List.of(g, t.constant(0.0)));
            args.addAll(ix);
            res.set(0, set ? t.apply(new IncSubtensorOp(true, idx), args.toArray(new Variable[0])) : g);
        }
        if (y.dtype().isFloat()) {
            List<Variable> args = new ArrayList<>(List.of(g));
            args.addAll(ix);
            Variable part = t.apply(IndexSpec.readOpFor(idx, ix), args.toArray(new Variable[0]));
            if (set && !IndexSpec.isBasic(idx)) part = t.mul(part, lastWrites(t, x, part, ix));
            res.set(1, t.sumToShape(part, y));
        }
        return res;
    }

    /**
     * 1 where an element of the part is the write that survives, 0 where a later repeated index
     * overwrote it: only the surviving write reaches the result, so only it has a gradient
     * (finite differences agree; Theano 1.0's AdvancedIncSubtensor1.grad gives every write the
     * gradient). Each element writes its own flat position through the same op, and reading back
     * shows which one won.
     */
    private Variable lastWrites(TensorOps t, Variable x, Variable part, List<Variable> ix) {
        Variable shape = t.shape(part);
        Variable ids = t.reshape(t.arange(t.prod(shape, null, false)), shape, part.rank());
        List<Variable> setArgs = new ArrayList<>(List.of(t.fill(x, t.constant(-1L)), ids));
        setArgs.addAll(ix);
        Variable written = t.apply(new IncSubtensorOp(true, idx), setArgs.toArray(new Variable[0]));
        List<Variable> readArgs = new ArrayList<>(List.of(written));
        readArgs.addAll(ix);
        return t.eq(t.apply(IndexSpec.readOpFor(idx, ix), readArgs.toArray(new Variable[0])), ids);
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof IncSubtensorOp that
                && set == that.set
                && java.util.Objects.equals(idx, that.idx);
    }

    @Override
    public int hashCode() {
        int h = Boolean.hashCode(set);
        h = 31 * h + java.util.Objects.hashCode(idx);
        return h;
    }
}
