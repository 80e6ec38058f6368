package tdl.eval;

import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.ops.RandomOp;
import tdl.vocab.ErrorKind;

/**
 * float32 binomial draws: binomial(n=1, p) with p a float32 array of the draw's shape (the RBM's
 * Bernoulli samples) is drawn straight into float[] by {@link FloatRandom}, the very samples the
 * float64 kernel draws from the same probabilities. Any other call of the node (n other than 1,
 * a broadcast p) goes to {@link RandomKernel} through the float32 adaptor; either way the stream's
 * counter advances once per evaluation.
 */
final class FloatBernoulliKernel implements Float32Native {
    private final Apply node;
    private final RandomOp op;
    private final Kernel general;
    private final ElementHalves halves;
    private long key; // the current call's key and arrays, read by both halves
    private float[] pf, of;

    FloatBernoulliKernel(Apply node, Team team) {
        this.node = node;
        this.op = (RandomOp) node.op();
        this.general = new Float32Adaptor(new RandomKernel(node, team), node.inputs().size(), true);
        this.halves = new ElementHalves(team, this::drawRange);
    }

    /** Whether this kernel serves {@code node}: a float32 binomial draw with a float32 p. */
    static boolean serves(Apply node) {
        return node.op() instanceof RandomOp r && r.kind() == RandomOp.Kind.BINOMIAL && r.dtype() == DType.FLOAT32
                && node.inputs().get(2).dtype() == DType.FLOAT32;
    }

    @Override
    public NDArray run(NDArray[] in, NDArray reuse) {
        NDArray size = in[0], n = in[1], p = in[2];
        if (n.size() != 1 || n.get(0) != 1 || !p.isFloats() || size.size() != p.rank()) return general.run(in, reuse);
        for (int i = 0; i < p.rank(); i++) if (size.get(i) != p.dim(i)) return general.run(in, reuse);
        NDArray out = Kernels.nativeOutput(reuse, DType.FLOAT32, p.shape());
        key = RandomKernel.key(op);
        pf = p.floats();
        of = out.floats();
        try {
            halves.run(of.length);
        } finally {
            pf = of = null; // keep no caller arrays alive between calls
        }
        return out;
    }

    /** Each half reports its own first bad p (see RandomKernel's drawRange). */
    private void drawRange(int part, int from, int to) {
        int bad = FloatRandom.bernoulli(key, RandomKernel.GOLDEN, RandomKernel.TWO_POW_53, pf, of, from, to);
        if (bad < to) throw new GraphError(ErrorKind.VALUE_ERROR, op.name() + ": p must be in [0, 1], got " + pf[bad], null, node);
    }
}
