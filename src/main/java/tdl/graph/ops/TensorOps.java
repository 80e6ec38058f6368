package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.Op;
import tdl.graph.Variable;

/**
 * The graph-building vocabulary of sections 4-5 of LANGUAGE.md: each method adds nodes (stamped
 * with the current {@code origin}, the script position that built them) and returns the output.
 * Composites (mean, var, relu, crossentropies, outer, stack, ...) are built from primitive ops so
 * only primitives need a gradient rule. One instance per user context; no shared state.
 */
public final class TensorOps {
    private final Supplier<Object> origin;
    private final Supplier<DType> floatX;
    /** Told of every node this instance builds (a session computing test values); does nothing by default. */
    private final Consumer<Apply> built;

    /** Builds graphs as with theano.config.floatX = 'float64' (gradients, rewrites). */
    public TensorOps(Supplier<Object> origin) {
        this(origin, () -> DType.FLOAT64);
    }

    /** Builds graphs with the session's floatX, read when each node is built (integer true division). */
    public TensorOps(Supplier<Object> origin, Supplier<DType> floatX) {
        this(origin, floatX, node -> { });
    }

    /**
     * As above, and {@code built} sees each node right after it is made (Theano's Op.__call__ computes
     * test values there); an exception it throws is the building call's error.
     */
    public TensorOps(Supplier<Object> origin, Supplier<DType> floatX, Consumer<Apply> built) {
        this.origin = origin;
        this.floatX = floatX;
        this.built = built;
    }

    // ---- leaves and generic application ----

    public Variable constant(double v) { return new Constant(NDArray.scalar(DType.FLOAT64, v)); }

    public Variable constant(long v) { return new Constant(NDArray.scalar(DType.INT64, v)); }

    public Variable constant(boolean v) { return new Constant(NDArray.scalar(DType.BOOL, v ? 1 : 0)); }

    public Variable constant(NDArray v) { return new Constant(v); }

    public Variable constant(DType dtype, double v) { return new Constant(NDArray.scalar(dtype, v)); }

    /** An int64 vector constant (a shape, an index list). */
    public Variable intVector(int... values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) d[i] = values[i];
        return new Constant(new NDArray(DType.INT64, new int[] {values.length}, d));
    }

    /** Applies a single-output op. */
    /** The script position new nodes are blamed on. */
    public Object origin() { return origin.get(); }

    public Variable apply(Op op, Variable... inputs) {
        return applyAll(op, inputs).get(0);
    }

    /** Applies an op and returns all its outputs. */
    public List<Variable> applyAll(Op op, Variable... inputs) {
        Apply node = Apply.make(op, Arrays.asList(inputs), origin.get());
        built.accept(node);
        return node.outputs();
    }

    // ---- elementwise ----

    /**
     * Applies a scalar function with broadcasting. Scalar constants the graph code made itself take
     * the dtype of the other operands when the kind agrees, so a rule's {@code 1.0} keeps a float32
     * graph float32; a script's numbers come {@linkplain Constant#typed typed} by Theano's autocast
     * and keep their dtype. Where the dtype rule depends on floatX (integer true division), the
     * result is cast to what the session's floatX asks for, as Theano computes it: in double, stored
     * in floatX.
     */
    public Variable elemwise(Scalar s, Variable... in) {
        if (in.length != s.arity()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, s.pyName() + " takes " + s.arity() + " argument(s), got " + in.length);
        }
        int first = s == Scalar.SWITCH ? 1 : 0; // the condition keeps its own dtype
        DType others = null;
        for (int i = first; i < in.length; i++) {
            if (!isScalarConstant(in[i])) others = others == null ? in[i].dtype() : DType.upcast(others, in[i].dtype());
        }
        Variable[] args = in.clone();
        if (others != null) {
            for (int i = first; i < in.length; i++) {
                if (isScalarConstant(in[i])) args[i] = adapt((Constant) in[i], others);
            }
        }
        Variable out = apply(new ElemwiseOp(s), args);
        DType want = s.dtypeRule().apply(dtypes(args), floatX.get());
        return out.dtype() == want ? out : cast(out, want);
    }

    private static List<DType> dtypes(Variable[] vs) {
        List<DType> d = new ArrayList<>(vs.length);
        for (Variable v : vs) d.add(v.dtype());
        return d;
    }

    private static boolean isScalarConstant(Variable v) { return v instanceof Constant c && v.rank() == 0 && !c.isTyped(); }

    private static Variable adapt(Constant c, DType others) {
        DType cd = c.dtype();
        if (cd == others || cd == DType.BOOL || others == DType.BOOL) return c;
        double v = c.value().get(0);
        // numpy 1.26's value-based casting: a float joins float32 unless float32 would overflow on it (a32 * 1e300 is float64)
        boolean target = others.isFloat() ? !(others == DType.FLOAT32 && Double.isFinite(v) && Math.abs(v) > Float.MAX_VALUE)
                : !cd.isFloat() && others.coerce(v) == v;
        return target ? new Constant(NDArray.scalar(others, v)) : c;
    }

    public Variable add(Variable a, Variable b) { return elemwise(Scalar.ADD, a, b); }
    public Variable add(Variable a, double b) { return add(a, constant(b)); }
    public Variable sub(Variable a, Variable b) { return elemwise(Scalar.SUB, a, b); }
    public Variable sub(Variable a, double b) { return sub(a, constant(b)); }
    public Variable sub(double a, Variable b) { return sub(constant(a), b); }
    public Variable mul(Variable a, Variable b) { return elemwise(Scalar.MUL, a, b); }
    public Variable mul(Variable a, double b) { return mul(a, constant(b)); }
    public Variable trueDiv(Variable a, Variable b) { return elemwise(Scalar.TRUE_DIV, a, b); }
    public Variable trueDiv(Variable a, double b) { return trueDiv(a, constant(b)); }
    public Variable trueDiv(double a, Variable b) { return trueDiv(constant(a), b); }
    public Variable intDiv(Variable a, Variable b) { return elemwise(Scalar.INT_DIV, a, b); }
    public Variable mod(Variable a, Variable b) { return elemwise(Scalar.MOD, a, b); }
    public Variable pow(Variable a, Variable b) { return elemwise(Scalar.POW, a, b); }
    public Variable pow(Variable a, double b) { return pow(a, constant(b)); }
    public Variable maximum(Variable a, Variable b) { return elemwise(Scalar.MAXIMUM, a, b); }
    public Variable minimum(Variable a, Variable b) { return elemwise(Scalar.MINIMUM, a, b); }
    public Variable neg(Variable x) { return elemwise(Scalar.NEG, x); }
    public Variable abs(Variable x) { return elemwise(Scalar.ABS, x); }
    public Variable exp(Variable x) { return elemwise(Scalar.EXP, x); }
    public Variable log(Variable x) { return elemwise(Scalar.LOG, x); }
    public Variable log1p(Variable x) { return elemwise(Scalar.LOG1P, x); }
    public Variable sqrt(Variable x) { return elemwise(Scalar.SQRT, x); }
    public Variable sqr(Variable x) { return elemwise(Scalar.SQR, x); }
    public Variable tanh(Variable x) { return elemwise(Scalar.TANH, x); }
    public Variable sigmoid(Variable x) { return elemwise(Scalar.SIGMOID, x); }
    public Variable softplus(Variable x) { return elemwise(Scalar.SOFTPLUS, x); }
    public Variable floor(Variable x) { return elemwise(Scalar.FLOOR, x); }
    public Variable ceil(Variable x) { return elemwise(Scalar.CEIL, x); }
    public Variable round(Variable x) { return elemwise(Scalar.ROUND, x); }
    public Variable sgn(Variable x) { return elemwise(Scalar.SGN, x); }
    public Variable isnan(Variable x) { return elemwise(Scalar.ISNAN, x); }
    public Variable isinf(Variable x) { return elemwise(Scalar.ISINF, x); }
    public Variable lt(Variable a, Variable b) { return elemwise(Scalar.LT, a, b); }
    public Variable le(Variable a, Variable b) { return elemwise(Scalar.LE, a, b); }
    public Variable gt(Variable a, Variable b) { return elemwise(Scalar.GT, a, b); }
    public Variable ge(Variable a, Variable b) { return elemwise(Scalar.GE, a, b); }
    public Variable eq(Variable a, Variable b) { return elemwise(Scalar.EQ, a, b); }
    public Variable eq(Variable a, double b) { return eq(a, constant(b)); }
    public Variable neq(Variable a, Variable b) { return elemwise(Scalar.NEQ, a, b); }
    public Variable and(Variable a, Variable b) { return elemwise(Scalar.AND, a, b); }

    /** numpy's isclose: |a - b| <= atol + rtol * |b|, infinities close to themselves, NaN close to NaN only with equal_nan. */
    public Variable isclose(Variable a, Variable b, double rtol, double atol, boolean equalNan) {
        Variable finite = le(abs(sub(a, b)), add(mul(abs(b), constant(rtol)), constant(atol)));
        Variable noNan = not(or(isnan(a), isnan(b)));
        Variable sameInf = and(and(isinf(a), isinf(b)), eq(a, b));
        Variable close = or(and(finite, noNan), sameInf);
        return equalNan ? or(close, and(isnan(a), isnan(b))) : close;
    }
    public Variable or(Variable a, Variable b) { return elemwise(Scalar.OR, a, b); }
    public Variable xor(Variable a, Variable b) { return elemwise(Scalar.XOR, a, b); }
    public Variable not(Variable x) { return elemwise(Scalar.NOT, x); }
    public Variable switchOp(Variable c, Variable a, Variable b) { return elemwise(Scalar.SWITCH, c, a, b); }
    public Variable clip(Variable x, Variable lo, Variable hi) { return elemwise(Scalar.CLIP, x, lo, hi); }
    public Variable clip(Variable x, double lo, double hi) { return clip(x, constant(lo), constant(hi)); }

    /**
     * relu(x) as Theano 1.0 builds it, 0.5 * (x + |x|): the gradient is 1 above zero, 0 below, and
     * 0.5 at exactly zero (|x|'s gradient there is sgn(0) = 0), which is what Theano users get.
     */
    public Variable relu(Variable x) {
        if (!x.dtype().isFloat()) return switchOp(gt(x, constant(x.dtype(), 0)), x, constant(x.dtype(), 0));
        return mul(add(x, abs(x)), constant(x.dtype(), 0.5));
    }

    /**
     * Theano's relu with a slope: 0.5*(1+alpha)*x + 0.5*(1-alpha)*|x| (x for x > 0, alpha*x below),
     * built from elementwise ops so alpha may be symbolic and gets a gradient.
     */
    public Variable relu(Variable x, Variable alpha) {
        Variable f1 = mul(add(constant(1.0), alpha), 0.5), f2 = mul(sub(1.0, alpha), 0.5);
        return add(mul(f1, x), mul(f2, abs(x)));
    }

    public Variable cast(Variable x, DType to) {
        return x.dtype() == to ? x : apply(new CastOp(to), x);
    }

    /** g summed back to x's shape (the broadcasting gradient helper; see {@link SumToShapeOp}). */
    public Variable sumToShape(Variable g, Variable x) { return apply(new SumToShapeOp(), g, x); }

    // ---- reductions ----

    public Variable reduce(ReduceOp.Kind kind, Variable x, int[] axes, boolean keepdims) {
        return apply(new ReduceOp(kind, normAxes(axes, x.rank()), keepdims), x);
    }

    public Variable sum(Variable x, int[] axes, boolean keepdims) { return reduce(ReduceOp.Kind.SUM, x, axes, keepdims); }
    public Variable sum(Variable x) { return sum(x, null, false); }
    public Variable prod(Variable x, int[] axes, boolean keepdims) { return reduce(ReduceOp.Kind.PROD, x, axes, keepdims); }
    public Variable max(Variable x, int[] axes, boolean keepdims) { return reduce(ReduceOp.Kind.MAX, x, axes, keepdims); }
    public Variable min(Variable x, int[] axes, boolean keepdims) { return reduce(ReduceOp.Kind.MIN, x, axes, keepdims); }
    public Variable all(Variable x, int[] axes, boolean keepdims) { return reduce(ReduceOp.Kind.ALL, x, axes, keepdims); }
    public Variable any(Variable x, int[] axes, boolean keepdims) { return reduce(ReduceOp.Kind.ANY, x, axes, keepdims); }

    /** mean = sum / (number of reduced elements), in x's float dtype (float64 for integers). */
    public Variable mean(Variable x, int[] axes, boolean keepdims) {
        List<Integer> ax = normAxes(axes, x.rank());
        DType fd = x.dtype().isFloat() ? x.dtype() : DType.FLOAT64;
        Variable count = null;
        for (int a = 0; a < x.rank(); a++) {
            if (ax != null && !ax.contains(a)) continue;
            Variable d = shapeAt(x, a);
            count = count == null ? d : mul(count, d);
        }
        Variable s = sum(x, axes, keepdims);
        if (count == null) return cast(s, fd);
        return trueDiv(cast(s, fd), cast(count, fd));
    }

    public Variable var(Variable x, int[] axes, boolean keepdims) {
        Variable centred = sub(x, mean(x, axes, true));
        return mean(sqr(centred), axes, keepdims);
    }

    public Variable std(Variable x, int[] axes, boolean keepdims) { return sqrt(var(x, axes, keepdims)); }

    public Variable argmax(Variable x, Integer axis, boolean keepdims) {
        return apply(new ArgReduceOp(true, axis == null ? null : normAxis(axis, x.rank()), keepdims), x);
    }

    public Variable argmin(Variable x, Integer axis, boolean keepdims) {
        return apply(new ArgReduceOp(false, axis == null ? null : normAxis(axis, x.rank()), keepdims), x);
    }

    static int normAxis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= Math.max(rank, 1) || (rank == 0 && a != 0)) {
            throw new GraphError(ErrorKind.VALUE_ERROR, "axis " + axis + " is out of bounds for a tensor of rank " + rank);
        }
        return a;
    }

    private static List<Integer> normAxes(int[] axes, int rank) {
        if (axes == null) return null;
        List<Integer> out = new ArrayList<>();
        for (int a : axes) {
            int n = a < 0 ? a + rank : a;
            if (n < 0 || n >= rank) throw new GraphError(ErrorKind.VALUE_ERROR, "axis " + a + " is out of bounds for a tensor of rank " + rank);
            if (out.contains(n)) throw new GraphError(ErrorKind.VALUE_ERROR, "duplicate value in 'axis': " + a);
            out.add(n);
        }
        out.sort(null);
        return out;
    }

    // ---- linear algebra ----

    /** numpy's dot for any ranks: a's last axis with b's second-to-last (Theano's T.dot). */
    public Variable dot(Variable a, Variable b) { return Products.dot(this, a, b); }

    /** numpy's matmul, the @ operator (stacks of matrices multiply pairwise). */
    public Variable matmul(Variable a, Variable b) { return Products.matmul(this, a, b); }

    /** tensordot(a, b, n): a's last n axes with b's first n. */
    public Variable tensordot(Variable a, Variable b, int n) { return Products.tensordot(this, a, b, n); }

    /** tensordot(a, b, [axesA, axesB]). */
    public Variable tensordot(Variable a, Variable b, int[] axesA, int[] axesB) {
        return Products.tensordot(this, a, b, axesA, axesB, "tensordot");
    }

    /** Theano's batched_dot: out[i] = dot(a[i], b[i]). */
    public Variable batchedDot(Variable a, Variable b) { return Products.batchedDot(this, a, b); }

    /** Theano's batched_tensordot(a, b, n): axis 0 is the batch axis of both. */
    public Variable batchedTensordot(Variable a, Variable b, int n) { return Products.batchedTensordot(this, a, b, n); }

    public Variable batchedTensordot(Variable a, Variable b, int[] axesA, int[] axesB) {
        return Products.batchedTensordot(this, a, b, axesA, axesB);
    }

    /** outer(a, b) = a[:, None] * b[None, :] (operands flattened first, as numpy does). */
    public Variable outer(Variable a, Variable b) {
        Variable fa = a.rank() == 1 ? a : flatten(a, 1);
        Variable fb = b.rank() == 1 ? b : flatten(b, 1);
        return mul(dimshuffle(fa, 0, -1), dimshuffle(fb, -1, 0));
    }

    /** x.T: axes reversed. */
    public Variable transpose(Variable x) {
        if (x.rank() < 2) return x;
        int[] p = new int[x.rank()];
        for (int i = 0; i < p.length; i++) p[i] = p.length - 1 - i;
        return dimshuffle(x, p);
    }

    /** Theano's dimshuffle; -1 stands for 'x' (a new size-1 axis). */
    public Variable dimshuffle(Variable x, int... pattern) {
        boolean identity = pattern.length == x.rank();
        for (int i = 0; identity && i < pattern.length; i++) identity = pattern[i] == i;
        return identity ? x : apply(DimShuffleOp.of(pattern), x);
    }

    // ---- shapes ----

    public Variable shape(Variable x) { return apply(new ShapeOp(), x); }

    /** x.shape[axis] as an int64 scalar (negative axis counts from the end). */
    public Variable shapeAt(Variable x, int axis) {
        int a = axis < 0 ? axis + x.rank() : axis;
        if (a < 0 || a >= x.rank()) {
            throw new GraphError(ErrorKind.INDEX_ERROR, "index " + axis + " is out of bounds for the shape of a rank " + x.rank() + " tensor");
        }
        return subtensor(shape(x), List.of(new Index.Scalar(constant((long) a))));
    }

    public Variable reshape(Variable x, Variable shape, int ndim) {
        if (shape instanceof Constant c && c.rank() == 1 && c.value().size() != ndim) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "reshape: the shape has " + c.value().size() + " entries but ndim is " + ndim);
        }
        return apply(new ReshapeOp(ndim), x, shape);
    }

    /** reshape to a symbolic shape vector whose length is known statically (a constant or x.shape). */
    public Variable reshape(Variable x, Variable shape) {
        return reshape(x, shape, staticLength(shape));
    }

    public Variable reshape(Variable x, int... dims) {
        int unknown = 0;
        for (int d : dims) {
            if (d == -1) unknown++;
            else if (d < 0) throw new GraphError(ErrorKind.VALUE_ERROR, "negative dimension " + d + " in reshape");
        }
        if (unknown > 1) throw new GraphError(ErrorKind.VALUE_ERROR, "can only specify one unknown dimension (-1) in reshape");
        return reshape(x, intVector(dims), dims.length);
    }

    /** reshape to a list of integer scalars (symbolic or constant; one may be -1). */
    public Variable reshape(Variable x, List<Variable> dims) {
        return reshape(x, stack(castAll(dims, DType.INT64), 0), dims.size());
    }

    private List<Variable> castAll(List<Variable> vs, DType d) {
        List<Variable> out = new ArrayList<>();
        for (Variable v : vs) out.add(cast(v, d));
        return out;
    }

    private static int staticLength(Variable shape) {
        int n = knownLength(shape);
        if (n >= 0) return n;
        throw new GraphError(ErrorKind.TYPE_ERROR, "reshape: the length of the shape vector " + shape + " is not known",
                "pass the number of dimensions: reshape(x, shape, ndim)");
    }

    /**
     * The length of a vector when the graph fixes it (Theano's get_vector_length): a constant,
     * x.shape, a join or stack of such parts, a scalar made a vector, or a constant slice of one
     * (t.shape[1:]); -1 when it depends on data.
     */
    public static int knownLength(Variable shape) {
        if (shape.rank() != 1) throw new GraphError(ErrorKind.TYPE_ERROR, "reshape: the shape must be a vector, got " + shape.type());
        if (shape instanceof Constant c) return c.value().size();
        if (shape.owner() == null) return -1;
        if (shape.owner().op() instanceof SubtensorOp sub && sub.idx().size() == 1
                && sub.idx().get(0) instanceof IndexSpec.Slice sl) {
            return sliceLength(shape.owner().inputs(), sl);
        }
        if (shape.owner() != null && shape.owner().op() instanceof ShapeOp) return shape.owner().inputs().get(0).rank();
        if (shape.owner() != null && shape.owner().op() instanceof JoinOp) {
            int n = 0;
            for (Variable part : shape.owner().inputs()) {
                int k = knownLength(part);
                if (k < 0) return -1;
                n += k;
            }
            return n;
        }
        if (shape.owner() != null && shape.owner().op() instanceof DimShuffleOp ds
                && ds.pattern().equals(List.of(-1))) return 1;
        return -1;
    }

    /** len(range(n)[lo:hi:step]) when n and every present bound are known; else -1. */
    private static int sliceLength(List<Variable> in, IndexSpec.Slice sl) {
        int n = knownLength(in.get(0));
        if (n < 0) return -1;
        int k = 1;
        Long lo = null, hi = null, step = null;
        if (sl.lo()) { lo = constantInt(in.get(k++)); if (lo == null) return -1; }
        if (sl.hi()) { hi = constantInt(in.get(k++)); if (hi == null) return -1; }
        if (sl.step()) { step = constantInt(in.get(k)); if (step == null || step == 0) return -1; }
        long st = step == null ? 1 : step;
        long a = bound(lo, n, st, true), b = bound(hi, n, st, false);
        long len = st > 0 ? (b - a + st - 1) / st : (a - b - st - 1) / -st;
        return (int) Math.max(0, len);
    }

    /** Python's slice.indices for one bound. */
    private static long bound(Long v, int n, long step, boolean start) {
        if (v == null) return step > 0 ? (start ? 0 : n) : (start ? n - 1 : -1);
        long b = v < 0 ? v + n : v;
        if (step > 0) return Math.max(0, Math.min(b, n));
        return Math.max(-1, Math.min(b, n - 1));
    }

    private static Long constantInt(Variable v) {
        if (v instanceof Constant c && c.value().size() == 1 && !c.dtype().isFloat()) return (long) c.value().get(0);
        return null;
    }

    public Variable flatten(Variable x, int outdim) { return apply(new FlattenOp(outdim), x); }

    public Variable concatenate(List<Variable> xs, int axis) {
        if (xs.isEmpty()) throw new GraphError(ErrorKind.VALUE_ERROR, "need at least one array to concatenate");
        return apply(new JoinOp(normAxis(axis, xs.get(0).rank())), xs.toArray(new Variable[0]));
    }


    /** stack(xs, axis): each input gets a new size-1 axis at {@code axis}, then they are joined. */
    public Variable stack(List<Variable> xs, int axis) {
        if (xs.isEmpty()) throw new GraphError(ErrorKind.VALUE_ERROR, "need at least one array to stack");
        int r = xs.get(0).rank();
        int a = axis < 0 ? axis + r + 1 : axis;
        if (a < 0 || a > r) throw new GraphError(ErrorKind.VALUE_ERROR, "axis " + axis + " is out of bounds for stacking rank " + r + " tensors");
        List<Variable> parts = new ArrayList<>();
        for (Variable x : xs) {
            int[] p = new int[x.rank() + 1];
            for (int i = 0, src = 0; i < p.length; i++) p[i] = i == a ? -1 : src++;
            parts.add(dimshuffle(x, p));
        }
        return apply(new JoinOp(a), parts.toArray(new Variable[0]));
    }

    public Variable alloc(Variable value, Variable... dims) {
        Variable[] in = new Variable[dims.length + 1];
        in[0] = value;
        for (int i = 0; i < dims.length; i++) in[i + 1] = dims[i];
        return apply(new AllocOp(), in);
    }

    public Variable zeros(DType dtype, Variable... dims) { return alloc(constant(dtype, 0), dims); }

    public Variable ones(DType dtype, Variable... dims) { return alloc(constant(dtype, 1), dims); }

    /** value broadcast to model's shape (Theano's fill), in value's dtype. */
    public Variable fill(Variable model, Variable value) {
        Variable[] dims = new Variable[model.rank()];
        for (int i = 0; i < dims.length; i++) dims[i] = shapeAt(model, i);
        return alloc(value, dims);
    }

    public Variable zerosLike(Variable x) { return fill(x, constant(x.dtype(), 0)); }

    public Variable onesLike(Variable x) { return fill(x, constant(x.dtype(), 1)); }

    /** eye(n, m, k); m null means n. */
    public Variable eye(Variable n, Variable m, int k) { return eye(n, m, k, DType.FLOAT64); }

    public Variable eye(Variable n, Variable m, int k, DType dtype) { return apply(new EyeOp(k, dtype), n, m == null ? n : m); }

    public Variable arange(Variable start, Variable stop, Variable step) { return apply(new ARangeOp(), start, stop, step); }

    public Variable arange(Variable stop) { return arange(constant(0L), stop, constant(1L)); }

    // ---- neural-net helpers ----

    public Variable softmax(Variable x) { return apply(new SoftmaxOp(), x); }

    /** -(t log p + (1 - t) log(1 - p)), elementwise. */
    public Variable binaryCrossentropy(Variable p, Variable t) {
        return neg(add(mul(t, log(p)), mul(sub(1.0, t), log(sub(1.0, p)))));
    }

    /**
     * Integer class targets (a vector): -log(p[arange(n), t]); one-hot / probability targets (same
     * rank as p): -sum(t log p, last axis).
     */
    public Variable categoricalCrossentropy(Variable p, Variable t) {
        if (t.rank() == p.rank() - 1 && !t.dtype().isFloat()) {
            Variable rows = arange(shapeAt(p, 0));
            return neg(log(subtensor(p, List.of(new Index.Vector(rows), new Index.Vector(t)))));
        }
        if (t.rank() == p.rank()) return neg(sum(mul(t, log(p)), new int[] {p.rank() - 1}, false));
        throw new GraphError(ErrorKind.TYPE_ERROR, "categorical_crossentropy: targets " + t.type() + " do not fit predictions " + p.type(),
                "pass integer class labels (one rank less) or one-hot rows (same rank)");
    }

    public Variable ifelse(Variable cond, Variable a, Variable b) { return apply(new IfElseOp(), cond, a, b); }

    // ---- indexing ----

    /**
     * x[idx] with numpy's rules: basic indexing, integer arrays of any rank (emb[imatrix] is rank
     * 3), arrays mixed with slices (x[1:, ivec]), the pair form x[ivec, jvec]; None entries add axes.
     */
    public Variable subtensor(Variable x, List<Index> idx) {
        List<Index> plain = new ArrayList<>();
        List<Integer> newAxesAt = new ArrayList<>(); // output positions of None entries
        int outPos = 0;
        for (Index i : idx) {
            if (i instanceof Index.NewAxis) { newAxesAt.add(outPos++); continue; }
            plain.add(i);
            if (!(i instanceof Index.Scalar)) outPos++;
        }
        Variable r = read(x, plain);
        if (newAxesAt.isEmpty()) return r;
        int rank = r.rank() + newAxesAt.size();
        int[] p = new int[rank];
        for (int i = 0, src = 0; i < rank; i++) p[i] = newAxesAt.contains(i) ? -1 : src++;
        return dimshuffle(r, p);
    }

    private Variable read(Variable x, List<Index> idx) {
        Built b = build(x, idx);
        if (b.specs.isEmpty() && idx.isEmpty()) return x;
        if (b.specs.isEmpty()) {
            // x[:] is a Subtensor node, as in Theano, so set_subtensor(x[:], y) can write through it;
            // the UselessSlice rewrite removes it from compiled graphs
            if (x.rank() == 0) throw new GraphError(ErrorKind.INDEX_ERROR, "too many indices for a tensor of rank 0: " + idx.size() + " given");
            return apply(new SubtensorOp(List.of(new IndexSpec.Slice(false, false, false))), x);
        }
        List<Variable> args = new ArrayList<>();
        args.add(x);
        args.addAll(b.inputs);
        return apply(IndexSpec.readOpFor(b.specs, b.inputs), args.toArray(new Variable[0]));
    }

    public Variable setSubtensor(Variable x, List<Index> idx, Variable y) { return incOrSet(true, x, idx, y); }

    public Variable incSubtensor(Variable x, List<Index> idx, Variable y) { return incOrSet(false, x, idx, y); }

    private Variable incOrSet(boolean set, Variable x, List<Index> idx, Variable y) {
        for (Index i : idx) {
            if (i instanceof Index.NewAxis) {
                throw new GraphError(ErrorKind.NOT_IMPLEMENTED_ERROR, (set ? "set" : "inc") + "_subtensor with None in the index");
            }
        }
        Built b = build(x, idx);
        List<Variable> args = new ArrayList<>(List.of(x, y));
        args.addAll(b.inputs);
        return apply(new IncSubtensorOp(set, b.specs), args.toArray(new Variable[0]));
    }

    private record Built(List<IndexSpec> specs, List<Variable> inputs) {}

    /** Static structure plus symbolic parts; trailing ':' entries are dropped (they change nothing). */
    private Built build(Variable x, List<Index> idx) {
        List<Index> list = expandMasks(x, idx);
        idx = list;
        while (!list.isEmpty() && isFullSlice(list.get(list.size() - 1))) list.remove(list.size() - 1);
        if (idx.size() > x.rank()) {
            throw new GraphError(ErrorKind.INDEX_ERROR, "too many indices for a tensor of rank " + x.rank() + ": " + idx.size() + " given");
        }
        boolean advanced = list.stream().anyMatch(i -> i instanceof Index.Vector);
        List<IndexSpec> specs = new ArrayList<>();
        List<Variable> inputs = new ArrayList<>();
        for (Index i : list) {
            if (i instanceof Index.Scalar s) {
                specs.add(advanced ? IndexSpec.VECTOR : IndexSpec.POINT); // among arrays a scalar is a rank-0 array (numpy)
                inputs.add(s.i());
            } else if (i instanceof Index.Vector v) {
                specs.add(IndexSpec.VECTOR);
                inputs.add(v.v());
            } else if (i instanceof Index.Range r) {
                specs.add(new IndexSpec.Slice(r.lo() != null, r.hi() != null, r.step() != null));
                if (r.lo() != null) inputs.add(r.lo());
                if (r.hi() != null) inputs.add(r.hi());
                if (r.step() != null) inputs.add(r.step());
            } else {
                specs.add(IndexSpec.ALL);
            }
        }
        return new Built(specs, inputs);
    }

    /**
     * A boolean mask of rank k over axes a..a+k-1 becomes k integer vectors, the coordinates of its
     * true entries (numpy's x[mask] == x[mask.nonzero()]); MaskIndexOp checks the mask's shape.
     */
    private List<Index> expandMasks(Variable x, List<Index> idx) {
        List<Index> out = new ArrayList<>();
        int axis = 0;
        for (Index i : idx) {
            if (i instanceof Index.Mask m) {
                int k = m.mask().rank();
                if (axis + k > x.rank()) {
                    throw new GraphError(ErrorKind.INDEX_ERROR, "too many indices for a tensor of rank " + x.rank()
                            + ": a boolean index of rank " + k + " at axis " + axis);
                }
                for (int a = 0; a < k; a++) out.add(new Index.Vector(apply(new MaskIndexOp(a, axis), m.mask(), x)));
                axis += k;
            } else {
                out.add(i);
                if (!(i instanceof Index.NewAxis)) axis++;
            }
        }
        return out;
    }

    private static boolean isFullSlice(Index i) {
        return i instanceof Index.All || (i instanceof Index.Range r && r.lo() == null && r.hi() == null && r.step() == null);
    }
}
