package tdl.lib.theano;

import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.RandomCounter;
import tdl.graph.ops.RandomOp;
import tdl.graph.ops.ShapeOp;
import tdl.graph.ops.TensorOps;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.syntax.TdlError;

/**
 * A script's {@code RandomStreams(seed)} (also MRG_RandomStreams): a factory of random draws. Each
 * draw gets its own {@link RandomCounter} keyed by (seed, draw number), so a seed reproduces the
 * same numbers on every run, and each evaluation of a compiled function draws fresh values.
 */
final class RandomStreams {
    private long seed;
    private long draws;
    private final List<RandomCounter> counters = new ArrayList<>();

    RandomStreams(long seed) {
        this.seed = seed;
    }

    /** RandomStreams(seed=None): no seed takes the session's --seed, else a fresh random one. */
    static Object create(Runtime rt, Args a) {
        a.check(2, "seed", "use_cuda");
        Object s = a.get(0, "seed", null);
        long seed;
        if (s == null) seed = rt.seed() != null ? rt.seed() : new java.util.SplittableRandom().nextLong();
        else if (s instanceof Long l) seed = l;
        else if (s instanceof NDArray n && n.size() == 1 && !n.dtype().isFloat()) seed = (long) n.item();
        else throw new TdlError(ErrorKind.TYPE_ERROR, "RandomStreams(seed): the seed must be an integer, got " + rt.repr(s));
        return new RandomStreams(seed);
    }

    long seedValue() { return seed; }

    /** stream.seed(n): re-keys every draw made so far and every later one. */
    Object reseed(Runtime rt, Args a) {
        a.check(1, "seed");
        Object s = a.get(0, "seed");
        if (!(s instanceof Long l)) throw new TdlError(ErrorKind.TYPE_ERROR, "seed() takes an integer");
        seed = l;
        for (RandomCounter c : counters) c.reseed(seed);
        return null;
    }

    Object uniform(Runtime rt, Args a) {
        a.check(5, "size", "low", "high", "ndim", "dtype");
        return draw(rt, a, RandomOp.Kind.UNIFORM, a.get(1, "low", 0.0), a.get(2, "high", 1.0),
                Symbolic.dtype(rt, a.get(4, "dtype", null), null));
    }

    Object normal(Runtime rt, Args a) {
        a.check(5, "size", "avg", "std", "ndim", "dtype");
        return draw(rt, a, RandomOp.Kind.NORMAL, a.get(1, "avg", 0.0), a.get(2, "std", 1.0),
                Symbolic.dtype(rt, a.get(4, "dtype", null), null));
    }

    Object binomial(Runtime rt, Args a) {
        a.check(5, "size", "n", "p", "ndim", "dtype");
        return draw(rt, a, RandomOp.Kind.BINOMIAL, a.get(1, "n", 1L), a.get(2, "p", 0.5),
                Symbolic.dtype(rt, a.get(4, "dtype", null), DType.INT64));
    }

    private Variable draw(Runtime rt, Args a, RandomOp.Kind kind, Object pa, Object pb, DType dtype) {
        TensorOps t = Symbolic.ops(rt);
        Variable va = Symbolic.lift(rt, pa, a.function() + "() parameter");
        Variable vb = Symbolic.lift(rt, pb, a.function() + "() parameter");
        // Theano's raw_random: uniform and normal default to upcast(floatX, low, high)
        if (dtype == null) dtype = DType.upcast(DType.upcast(Symbolic.floatX(rt), va.dtype()), vb.dtype());
        Object ndimArg = a.get(3, "ndim", null);
        Object sizeArg = a.get(0, "size", null);
        Variable size;
        int ndim;
        if (sizeArg == null) {
            // no size: the shape of the highest-rank parameter (binomial(p=h_mean))
            Variable model = vb.rank() >= va.rank() ? vb : va;
            size = t.shape(model);
            ndim = model.rank();
        } else if (sizeArg instanceof Variable v) {
            if (v.rank() != 1) {
                throw new TdlError(ErrorKind.TYPE_ERROR, a.function() + "(): size must be a tuple or a shape vector, got a rank-" + v.rank() + " tensor");
            }
            size = v.dtype() == DType.INT64 ? v : t.cast(v, DType.INT64);
            if (v.owner() != null && v.owner().op() instanceof ShapeOp) ndim = v.owner().inputs().get(0).rank();
            else if (v instanceof Constant c) ndim = c.value().size();
            else if (ndimArg instanceof Long l) ndim = l.intValue();
            else throw new TdlError(ErrorKind.VALUE_ERROR, a.function() + "(): cannot tell the rank of the symbolic size",
                    "pass ndim=..., or a tuple of sizes");
        } else {
            List<?> items = Sequences.itemsOrSingle(sizeArg);
            ndim = items.size();
            boolean symbolic = items.stream().anyMatch(x -> x instanceof Variable);
            if (!symbolic) {
                int[] dims = new int[ndim];
                for (int i = 0; i < ndim; i++) {
                    if (!(items.get(i) instanceof Long l)) {
                        throw new TdlError(ErrorKind.TYPE_ERROR, a.function() + "(): size entries must be integers, got " + rt.repr(items.get(i)));
                    }
                    dims[i] = l.intValue();
                }
                size = t.intVector(dims);
            } else {
                List<Variable> parts = new ArrayList<>();
                for (Object o : items) {
                    Variable p = Symbolic.lift(rt, o, a.function() + "() size entry");
                    if (p.rank() != 0 || p.dtype().isFloat()) {
                        throw new TdlError(ErrorKind.TYPE_ERROR, a.function() + "(): size entries must be integer scalars, got " + p.type());
                    }
                    parts.add(p.dtype() == DType.INT64 ? p : t.cast(p, DType.INT64));
                }
                size = ndim == 0 ? t.intVector() : t.stack(parts, 0);
            }
        }
        if (ndimArg instanceof Long l && l.intValue() != ndim) {
            throw new TdlError(ErrorKind.VALUE_ERROR, a.function() + "(): ndim=" + l + " does not match the size's " + ndim + " entries");
        }
        if (va.rank() > ndim || vb.rank() > ndim) {
            throw new TdlError(ErrorKind.VALUE_ERROR, a.function() + "(): a parameter has more dimensions than the size",
                    "give size=param.shape or leave size out");
        }
        RandomCounter c = new RandomCounter(seed, draws++);
        counters.add(c);
        return t.apply(new RandomOp(kind, dtype, ndim, c), size, va, vb);
    }
}
