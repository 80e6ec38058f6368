package tdl.lib.theano;

import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.graph.ops.ChoiceCheckOp;
import tdl.graph.ops.Index;
import tdl.graph.ops.RandomOp;
import tdl.graph.ops.ShapeOp;
import tdl.graph.ops.TensorOps;
import tdl.interp.Args;
import tdl.interp.BuiltinType;
import tdl.interp.Runtime;
import tdl.lib.numpy.RandomState;
import tdl.syntax.TdlError;

/**
 * A script's {@code RandomStreams(seed)} (also MRG_RandomStreams): a factory of random draws, laid
 * out as Theano 1.0's shared_randomstreams.RandomStreams. A numpy RandomState seeded with the
 * stream's seed ({@code gen_seedgen}) gives each new draw the seed of its own RandomState
 * ({@code randint(2**30)}), which the draw's {@code rv.rng} holds ({@link RandomStateShared});
 * each evaluation takes its key from that state, so a seed reproduces the same numbers on every
 * run, each evaluation draws fresh values, and {@code seed()}, {@code rv.rng.set_value} and
 * {@code updates()} act as Theano's. The numbers themselves are TDL's counter-based ones.
 */
final class RandomStreams {
    private final Long defaultSeed;
    /** Made by MRG_RandomStreams (the same draws; only isinstance and type() tell the two classes apart). */
    private final boolean mrg;
    private final RandomState seedgen;
    private final List<RandomStateShared> streams = new ArrayList<>();

    RandomStreams(Long seed, boolean mrg) {
        this.defaultSeed = seed;
        this.mrg = mrg;
        this.seedgen = new RandomState(seed);
    }

    /** RandomStreams(seed=None): no seed takes the session's --seed, else the clock (Theano: numpy's from the OS). */
    static Object create(Runtime rt, Args a, boolean mrg) {
        a.check(2, "seed", "use_cuda");
        Object s = tdl.lib.numpy.NumpyConvert.plainNumbers(a.get(0, "seed", null));
        Long seed;
        if (s == null) seed = rt.seed() == null ? null : rt.seed() & 0xffffffffL; // --seed may be any long; numpy's seeds are 32-bit
        else if (s instanceof Long l) seed = l;
        else if (s instanceof NDArray n && n.size() == 1 && !n.dtype().isFloat()) seed = (long) n.item();
        else throw new TdlError(ErrorKind.TYPE_ERROR, "RandomStreams(seed): the seed must be an integer, got " + rt.repr(s));
        if (seed != null && (seed < 0 || seed > 0xffffffffL)) {
            // numpy's RandomState(seed) under Theano's gen_seedgen refuses it
            throw new TdlError(ErrorKind.VALUE_ERROR, "Seed must be between 0 and 2**32 - 1", "RandomStreams(seed) takes a seed in 0 .. 2**32 - 1");
        }
        return new RandomStreams(seed, mrg);
    }

    boolean mrg() { return mrg; }

    /**
     * shared_randomstreams.RandomStreams and sandbox.rng_mrg.MRG_RandomStreams as classes: callable
     * to make a stream, and answering isinstance()/type() as Theano's two unrelated classes do.
     */
    static BuiltinType[] types(Runtime rt) {
        BuiltinType plain = rt.registerType(new BuiltinType("RandomStreams",
                v -> v instanceof RandomStreams s && !s.mrg, (r, a) -> create(r, a, false)));
        BuiltinType mrg = rt.registerType(new BuiltinType("MRG_RandomStreams",
                v -> v instanceof RandomStreams s && s.mrg, (r, a) -> create(r, a, true)));
        return new BuiltinType[] {plain, mrg};
    }

    Long seedValue() { return defaultSeed; }

    /**
     * stream.seed(n): Theano's RandomStreams.seed. A fresh RandomState(n) gives every draw made so
     * far, in order, a new RandomState(randint(2**30)); None means the constructor's seed. Draws made
     * later still take their seeds from the constructor's generator, as in Theano.
     */
    Object reseed(Runtime rt, Args a) {
        a.check(1, "seed");
        Object s = tdl.lib.numpy.NumpyConvert.plainNumbers(a.get(0, "seed", null));
        if (s != null && !(s instanceof Long)) throw new TdlError(ErrorKind.TYPE_ERROR, "seed() takes an integer or None");
        RandomState gen = new RandomState(s != null ? s : defaultSeed);
        for (RandomStateShared st : streams) st.set(new RandomState(gen.nextBounded(0, 1L << 30)), true);
        return null;
    }

    /** srng.updates() (also srng.state_updates): each draw's (rng, new_rng) pair, in the order the draws were made. */
    List<Object> updates() {
        List<Object> out = new ArrayList<>();
        for (RandomStateShared st : streams) out.add(st.updatePair());
        return out;
    }

    Object uniform(Runtime rt, Args a) {
        // nstreams (MRG_RandomStreams) only splits MRG's generator; TDL's numbers are its own anyway
        a.check(6, "size", "low", "high", "ndim", "dtype", "nstreams");
        return draw(rt, a, RandomOp.Kind.UNIFORM, a.get(1, "low", 0.0), a.get(2, "high", 1.0),
                Symbolic.dtype(rt, a.get(4, "dtype", null), null));
    }

    Object normal(Runtime rt, Args a) {
        a.check(7, "size", "avg", "std", "ndim", "dtype", "nstreams", "truncate");
        if (rt.truth(a.get(6, "truncate", false))) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "normal(truncate=True) (MRG_RandomStreams' normal cut at 2 std) is not supported",
                    "draw normal(...) without truncate and clip it, or redraw the values outside 2 std yourself");
        }
        return draw(rt, a, RandomOp.Kind.NORMAL, a.get(1, "avg", 0.0), a.get(2, "std", 1.0),
                Symbolic.dtype(rt, a.get(4, "dtype", null), null));
    }

    Object binomial(Runtime rt, Args a) {
        // prob is Theano 1.0's deprecated name for p (it wins when given); nstreams is MRG's
        a.check(6, "size", "n", "p", "ndim", "dtype", "prob", "nstreams");
        Object p = a.get(5, "prob", null);
        return draw(rt, a, RandomOp.Kind.BINOMIAL, a.get(1, "n", 1L), p != null ? p : a.get(2, "p", 0.5),
                Symbolic.dtype(rt, a.get(4, "dtype", null), DType.INT64));
    }

    /**
     * poisson(size=None, lam=None, ndim=None, dtype='int64'), Theano 1.0's RandomStreamsBase.poisson:
     * it needs both lam (its default None is no tensor) and a size (raw_random.poisson infers the
     * shape from size only), so both are TypeErrors when missing, as Theano's.
     */
    Object poisson(Runtime rt, Args a) {
        a.check(4, "size", "lam", "ndim", "dtype");
        Object lam = a.get(1, "lam", null);
        if (lam == null) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "poisson() needs lam, the expected count (Theano's default lam=None is no tensor)",
                    "pass lam=..., e.g. srng.poisson(size=(n,), lam=3.0)");
        }
        if (a.get(0, "size", null) == null) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "poisson() needs size: Theano's raw_random.poisson infers the shape from size only",
                    "pass size=lam.shape for one count per rate");
        }
        TensorOps t = Symbolic.ops(rt);
        Variable vl = Symbolic.lift(rt, lam, "poisson() lam");
        Sized s = size(rt, a, a.get(0, "size"), a.get(2, "ndim", null));
        if (vl.rank() > s.ndim) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "poisson(): lam has more dimensions than the size", "give size=lam.shape");
        }
        return make(t, RandomOp.Kind.POISSON, Symbolic.dtype(rt, a.get(3, "dtype", null), DType.INT64), s, vl, t.constant(0.0));
    }

    Object randomIntegers(Runtime rt, Args a) {
        a.check(5, "size", "low", "high", "ndim", "dtype");
        return draw(rt, a, RandomOp.Kind.INTEGERS, a.get(1, "low", 0L), a.get(2, "high", 1L),
                Symbolic.dtype(rt, a.get(4, "dtype", null), DType.INT64));
    }

    /** permutation(size=None, n=1): a permutation of 0..n-1 per position of size, shape size + (n,). */
    Object permutation(Runtime rt, Args a) {
        a.check(4, "size", "n", "ndim", "dtype");
        TensorOps t = Symbolic.ops(rt);
        Variable n = Symbolic.lift(rt, a.get(1, "n", 1L), "permutation() n");
        Object sizeArg = a.get(0, "size", null);
        Sized s = sizeArg == null ? new Sized(t.intVector(), 0) : size(rt, a, sizeArg, a.get(2, "ndim", null));
        return make(t, RandomOp.Kind.PERMUTATION, Symbolic.dtype(rt, a.get(3, "dtype", null), DType.INT64), s, n, t.constant(0.0));
    }

    /**
     * multinomial(size=None, n=1, pvals=[0.5, 0.5]): counts of n draws over the categories on pvals'
     * last axis, shape size + (k,); no size: one draw per row of pvals (MRG_RandomStreams' form).
     */
    Object multinomial(Runtime rt, Args a) {
        a.check(5, "size", "n", "pvals", "ndim", "dtype");
        TensorOps t = Symbolic.ops(rt);
        Variable n = Symbolic.lift(rt, a.get(1, "n", 1L), "multinomial() n");
        Object pv = a.get(2, "pvals", null);
        if (pv == null) pv = List.of(0.5, 0.5);
        Variable pvals = Symbolic.lift(rt, pv, "multinomial() pvals");
        if (pvals.rank() < 1) throw new TdlError(ErrorKind.VALUE_ERROR, "multinomial(): pvals must be a vector or a matrix of probabilities");
        Object sizeArg = a.get(0, "size", null);
        Sized s = sizeArg != null ? size(rt, a, sizeArg, a.get(3, "ndim", null))
                : new Sized(pvals.rank() == 1 ? t.intVector()
                        : t.subtensor(t.shape(pvals), List.of(new Index.Range(null, t.constant(-1L), null))), pvals.rank() - 1);
        return make(t, RandomOp.Kind.MULTINOMIAL, Symbolic.dtype(rt, a.get(4, "dtype", null), DType.INT64), s, n, pvals);
    }

    /**
     * choice(size=(), a=2, replace=True, p=None): draws from 0..a-1 (a a number) or from the entries
     * of the vector a; with p, by those probabilities (a one-trial multinomial); without replacement,
     * the first entries of a permutation.
     */
    Object choice(Runtime rt, Args a) {
        a.check(6, "size", "a", "replace", "p", "ndim", "dtype");
        TensorOps t = Symbolic.ops(rt);
        Variable from = Symbolic.lift(rt, a.get(1, "a", 2L), "choice() a");
        if (from.rank() > 1) throw new TdlError(ErrorKind.VALUE_ERROR, "choice(): a must be a number or a vector, got " + from.type());
        Variable n = from.rank() == 0 ? from : t.shapeAt(from, 0);
        Object sizeArg = a.get(0, "size", List.of());
        Sized s = sizeArg == null ? new Sized(t.intVector(), 0) : size(rt, a, sizeArg, a.get(4, "ndim", null));
        DType dtype = Symbolic.dtype(rt, a.get(5, "dtype", null), DType.INT64);
        Object p = a.get(3, "p", null);
        boolean replace = rt.truth(a.get(2, "replace", true));
        if (from.rank() == 1 && from.dtype().isFloat() && !dtype.isFloat()) {
            // Theano casts the chosen entries to dtype (int64 unless given), truncating float entries
            throw new TdlError(ErrorKind.TYPE_ERROR, "choice(): a holds " + from.dtype().pyName() + " values but the result dtype is "
                    + dtype.pyName() + " (Theano would truncate them)", "pass dtype=" + from.dtype().pyName() + " (or the dtype you want)");
        }
        // indices into a vector a stay int64; the chosen entries are cast to dtype below
        DType idxType = from.rank() == 0 ? dtype : DType.INT64;
        Variable idx;
        if (p == null && replace) {
            idx = make(t, RandomOp.Kind.INTEGERS, idxType, s, t.constant(0L), t.sub(n, t.constant(1L)));
        } else if (replace) {
            Variable pv = Symbolic.lift(rt, p, "choice() p");
            if (pv.rank() != 1) throw new TdlError(ErrorKind.VALUE_ERROR, "choice(): p must be a vector of probabilities");
            pv = t.apply(new ChoiceCheckOp(ChoiceCheckOp.Kind.PROBABILITIES), pv, t.constant(0L));
            Variable counts = make(t, RandomOp.Kind.MULTINOMIAL, DType.INT64, s, t.constant(1L), pv);
            idx = t.cast(t.argmax(counts, counts.rank() - 1, false), idxType);
        } else if (p == null) {
            Variable count = t.constant(1L);
            for (int i = 0; i < s.ndim; i++) count = t.mul(count, t.subtensor(s.size, List.of(new Index.Scalar(t.constant((long) i)))));
            Variable checked = t.apply(new ChoiceCheckOp(ChoiceCheckOp.Kind.SAMPLE_SIZE), n, count);
            Variable perm = make(t, RandomOp.Kind.PERMUTATION, idxType, new Sized(t.intVector(), 0), checked, t.constant(0.0));
            idx = t.reshape(t.subtensor(perm, List.of(new Index.Range(null, count, null))), s.size, s.ndim);
        } else {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "choice(replace=False, p=...) is not supported",
                    "draw with replacement, or without p");
        }
        if (from.rank() == 0) return idx;
        Variable chosen = t.subtensor(from, List.of(s.ndim == 0 ? new Index.Scalar(idx) : new Index.Vector(idx)));
        return chosen.dtype() == dtype ? chosen : t.cast(chosen, dtype);
    }

    /**
     * shuffle_row_elements(input): every row (the last axis) shuffled on its own, with one
     * permutation per row, as Theano's raw_random.shuffle_row_elements.
     */
    Object shuffleRowElements(Runtime rt, Args a) {
        a.check(1, "input");
        TensorOps t = Symbolic.ops(rt);
        Variable x = Symbolic.lift(rt, a.get(0, "input"), "shuffle_row_elements() input");
        if (x.rank() < 1) throw new TdlError(ErrorKind.VALUE_ERROR, "shuffle_row_elements(): the input needs at least one axis");
        int r = x.rank();
        Variable lead = r == 1 ? t.intVector() : t.subtensor(t.shape(x), List.of(new Index.Range(null, t.constant(-1L), null)));
        Variable perm = make(t, RandomOp.Kind.PERMUTATION, DType.INT64, new Sized(lead, r - 1), t.shapeAt(x, r - 1), t.constant(0.0));
        List<Index> idx = new ArrayList<>();
        for (int i = 0; i < r - 1; i++) {
            int[] pattern = new int[r];
            java.util.Arrays.fill(pattern, -1);
            pattern[i] = 0;
            idx.add(new Index.Vector(t.dimshuffle(t.arange(t.shapeAt(x, i)), pattern)));
        }
        idx.add(new Index.Vector(perm));
        return t.subtensor(x, idx);
    }

    private record Sized(Variable size, int ndim) {}

    private Variable make(TensorOps t, RandomOp.Kind kind, DType dtype, Sized s, Variable pa, Variable pb) {
        String name = kind == RandomOp.Kind.INTEGERS ? "random_integers" : kind.name().toLowerCase(java.util.Locale.ROOT);
        RandomStateShared st = new RandomStateShared(new RandomState(seedgen.nextBounded(0, 1L << 30)), name);
        streams.add(st);
        return t.apply(new RandomOp(kind, dtype, s.ndim, st.counter), s.size, pa, pb);
    }

    private Variable draw(Runtime rt, Args a, RandomOp.Kind kind, Object pa, Object pb, DType dtype) {
        TensorOps t = Symbolic.ops(rt);
        Variable va = Symbolic.lift(rt, pa, a.function() + "() parameter");
        Variable vb = Symbolic.lift(rt, pb, a.function() + "() parameter");
        // Theano's raw_random: uniform and normal default to upcast(floatX, low, high)
        if (dtype == null) dtype = DType.upcast(DType.upcast(Symbolic.floatX(rt), va.dtype()), vb.dtype());
        Object ndimArg = a.get(3, "ndim", null);
        Object sizeArg = a.get(0, "size", null);
        Sized s;
        if (sizeArg == null) {
            // no size: the parameters' broadcast shape, as numpy draws with size=None (binomial(p=h_mean))
            Variable model = va.rank() == 0 ? vb : vb.rank() == 0 ? va : t.add(va, vb);
            s = new Sized(t.shape(model), model.rank());
        } else {
            s = size(rt, a, sizeArg, ndimArg);
        }
        if (va.rank() > s.ndim || vb.rank() > s.ndim) {
            throw new TdlError(ErrorKind.VALUE_ERROR, a.function() + "(): a parameter has more dimensions than the size",
                    "give size=param.shape or leave size out");
        }
        return make(t, kind, dtype, s, va, vb);
    }

    /** A size argument (a tuple of ints or scalars, or a shape vector) as an int64 vector and its length. */
    private Sized size(Runtime rt, Args a, Object sizeArg, Object ndimArg) {
        TensorOps t = Symbolic.ops(rt);
        Variable size;
        int ndim;
        if (sizeArg instanceof Variable v) {
            if (v.rank() != 1) {
                throw new TdlError(ErrorKind.TYPE_ERROR, a.function() + "(): size must be a tuple or a shape vector, got a rank-" + v.rank() + " tensor");
            }
            size = v.dtype() == DType.INT64 ? v : t.cast(v, DType.INT64);
            if (v.owner() != null && v.owner().op() instanceof ShapeOp) ndim = v.owner().inputs().get(0).rank();
            else if (v instanceof Constant c) ndim = c.value().size();
            else if (ndimArg instanceof Long l) ndim = tdl.interp.Ints.toInt(l);
            else throw new TdlError(ErrorKind.VALUE_ERROR, a.function() + "(): cannot tell the rank of the symbolic size",
                    "pass ndim=..., or a tuple of sizes");
        } else {
            if (sizeArg instanceof NDArray arr && !arr.dtype().isFloat() && arr.rank() <= 1) {
                // a numpy shape array, as Theano's as_tensor_variable(size) takes it
                List<Object> dims = new ArrayList<>();
                for (int i = 0; i < arr.size(); i++) dims.add((long) arr.get(i));
                sizeArg = arr.rank() == 0 ? dims.get(0) : dims;
            }
            List<?> items = Sequences.itemsOrSingle(tdl.lib.numpy.NumpyConvert.plainNumbers(sizeArg));
            ndim = items.size();
            boolean symbolic = items.stream().anyMatch(x -> x instanceof Variable);
            if (!symbolic) {
                int[] dims = new int[ndim];
                for (int i = 0; i < ndim; i++) {
                    if (!(items.get(i) instanceof Long l)) {
                        throw new TdlError(ErrorKind.TYPE_ERROR, a.function() + "(): size entries must be integers, got " + rt.repr(items.get(i)));
                    }
                    dims[i] = tdl.interp.Ints.toInt(l);
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
        if (ndimArg instanceof Long l && l != ndim) {
            throw new TdlError(ErrorKind.VALUE_ERROR, a.function() + "(): ndim=" + l + " does not match the size's " + ndim + " entries");
        }
        return new Sized(size, ndim);
    }
}
