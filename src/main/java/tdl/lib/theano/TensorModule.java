package tdl.lib.theano;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import tdl.graph.DType;
import tdl.graph.Variable;
import tdl.graph.ops.TensorOps;
import tdl.interp.Sequences;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.lib.numpy.NumpyConvert;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;

/** The members of theano.tensor (T) and theano.tensor.nnet that build graph nodes. */
final class TensorModule {
    private TensorModule() {}

    static void installOps(TdlModule t, TdlModule nnet) {
        TdlModule xlogx = new TdlModule("theano.tensor.xlogx");
        ElemwiseFunctions.install(t, nnet, xlogx);
        t.put("xlogx", xlogx);
        t.put("transpose", (TdlCallable) (rt, a) -> {
            a.check(2, "x", "axes");
            return Shapes.transpose(rt, arg(rt, a, 0, "x"), a.get(1, "axes", null));
        });
        for (TdlModule m : new TdlModule[] {t, nnet}) {
            m.put("relu", (TdlCallable) TensorModule::relu);
            m.put("softmax", (TdlCallable) TensorModule::softmax);
            binary(m, "binary_crossentropy", "output", "target", TensorOps::binaryCrossentropy);
            binary(m, "categorical_crossentropy", "coding_dist", "true_dist", TensorOps::categoricalCrossentropy);
        }
        // nnet only, as in Theano 1.0: the log-softmax (stable: the log(softmax) rewrite), the biased softmax, the 1-hot crossentropy
        TdlCallable logSoftmax = (rt, a) -> ops(rt).log(softmaxOf(rt, arg(rt, a.check(1, "x"), 0, "x")));
        nnet.put("logsoftmax", logSoftmax);
        nnet.put("log_softmax", logSoftmax);
        nnet.put("softmax_with_bias", (TdlCallable) (rt, a) -> {
            a.check(2, "x", "b");
            Variable x = arg(rt, a, 0, "x"), b = arg(rt, a, 1, "b");
            if (x.rank() != 2 || b.rank() != 1) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "softmax_with_bias: x must be a matrix and b a vector, got " + x.type() + " and " + b.type());
            }
            return ops(rt).softmax(ops(rt).add(x, b));
        });
        nnet.put("crossentropy_categorical_1hot", (TdlCallable) (rt, a) -> {
            a.check(2, "coding_dist", "true_one_of_n");
            Variable p = arg(rt, a, 0, "coding_dist"), y = arg(rt, a, 1, "true_one_of_n");
            if (p.rank() != 2 || y.rank() != 1 || y.dtype().isFloat()) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "crossentropy_categorical_1hot: coding_dist must be a matrix and true_one_of_n an integer vector, got "
                        + p.type() + " and " + y.type());
            }
            return ops(rt).categoricalCrossentropy(p, y);
        });
        binary(t, "dot", "l", "r", TensorOps::dot);
        ProductFunctions.install(t);
        binary(t, "outer", "x", "y", TensorOps::outer);
        t.put("cast", (TdlCallable) (rt, a) -> ops(rt).cast(arg(rt, a, 0, "x"), Symbolic.dtype(rt, a.get(1, "dtype"), Symbolic.floatX(rt))));
        Reductions.install(t);
        installShapeOps(t);
        ShapeFunctions.install(t);
        BasicFunctions.install(t);
    }

    private static void installShapeOps(TdlModule t) {
        t.put("newaxis", null); // x[:, T.newaxis] == x[:, None], as numpy.newaxis
        t.put("shape", (TdlCallable) (rt, a) -> ops(rt).shape(arg(rt, a, 0, "x")));
        t.put("reshape", (TdlCallable) (rt, a) -> Shapes.reshapeTo(rt, arg(rt, a, 0, "x"), a.get(1, "newshape"),
                a.get(2, "ndim", null)));
        t.put("flatten", (TdlCallable) (rt, a) -> ops(rt).flatten(arg(rt, a.check(3, "x", "ndim", "outdim"), 0, "x"), flattenNdim(a, 1)));
        t.put("concatenate", (TdlCallable) (rt, a) -> ops(rt).concatenate(list(rt, a.check(2, "tensor_list", "axis").get(0, "tensor_list")),
                Symbolic.axis(rt, a.get(1, "axis", 0L), "concatenate")));
        t.put("join", (TdlCallable) (rt, a) -> {
            List<Object> rest = a.positional().subList(1, a.size());
            return ops(rt).concatenate(list(rt, new ArrayList<>(rest)), tdl.interp.Ints.intValue(a.get(0, "axis")));
        });
        t.put("stack", (TdlCallable) (rt, a) -> {
            Object first = a.get(0, "tensors");
            Object items = Sequences.isListOrTuple(first) ? first : new ArrayList<>(a.positional());
            return ops(rt).stack(list(rt, items), tdl.interp.Ints.intValue(a.keywords().getOrDefault("axis", 0L)));
        });
        t.put("zeros", (TdlCallable) (rt, a) -> ops(rt).zeros(Symbolic.dtype(rt, a.check(2, "shape", "dtype").get(1, "dtype", null), Symbolic.floatX(rt)), dims(rt, a.get(0, "shape"))));
        t.put("ones", (TdlCallable) (rt, a) -> ops(rt).ones(Symbolic.dtype(rt, a.check(2, "shape", "dtype").get(1, "dtype", null), Symbolic.floatX(rt)), dims(rt, a.get(0, "shape"))));
        t.put("alloc", (TdlCallable) (rt, a) -> {
            a.check(Integer.MAX_VALUE); // Theano's alloc(value, *shape) takes no keywords: cast value for another dtype
            List<Variable> ds = new ArrayList<>();
            for (Object o : a.positional().subList(1, a.size())) ds.add(Symbolic.lift(rt, o, "an alloc dimension"));
            return ops(rt).alloc(arg(rt, a, 0, "value"), ds.toArray(new Variable[0]));
        });
        t.put("fill", (TdlCallable) (rt, a) -> ops(rt).fill(arg(rt, a.check(2, "model", "value"), 0, "model"), arg(rt, a, 1, "value")));
        t.put("zeros_like", (TdlCallable) (rt, a) -> like(rt, a, 0));
        t.put("ones_like", (TdlCallable) (rt, a) -> like(rt, a, 1));
        t.put("eye", (TdlCallable) (rt, a) -> {
            a.check(4, "n", "m", "k", "dtype");
            Variable n = arg(rt, a, 0, "n");
            Variable m = a.has(1, "m") && a.get(1, "m") != null ? arg(rt, a, 1, "m") : n;
            return ops(rt).eye(n, m, tdl.interp.Ints.intValue(a.get(2, "k", 0L)), Symbolic.dtype(rt, a.get(3, "dtype", null), Symbolic.floatX(rt)));
        });
        t.put("arange", (TdlCallable) (rt, a) -> {
            a.check(4, "start", "stop", "step", "dtype");
            Variable start = arg(rt, a, 0, "start");
            Variable r;
            if (!a.has(1, "stop") || a.get(1, "stop") == null) {
                r = ops(rt).arange(Symbolic.lift(rt, 0L, "arange start"), start, Symbolic.lift(rt, 1L, "arange step"));
            } else {
                Variable step = a.has(2, "step") ? arg(rt, a, 2, "step") : Symbolic.lift(rt, 1L, "arange step");
                r = ops(rt).arange(start, arg(rt, a, 1, "stop"), step);
            }
            Object dt = a.get(3, "dtype", null);
            return dt == null ? r : ops(rt).cast(r, Symbolic.dtype(rt, dt, r.dtype()));
        });
        t.put("set_subtensor", (TdlCallable) (rt, a) -> Subtensors.write(rt, true, arg(rt, a, 0, "x"), arg(rt, a, 1, "y")));
        t.put("inc_subtensor", (TdlCallable) (rt, a) -> Subtensors.write(rt, false, arg(rt, a, 0, "x"), arg(rt, a, 1, "y")));
        t.put("constant", (TdlCallable) (rt, a) -> {
            a.check(4, "x", "name", "ndim", "dtype");
            Object x = a.get(0, "x");
            Object dt = a.get(3, "dtype", null);
            // Theano's constant(x, dtype=d) converts the value itself: T.constant(0.1, dtype='float32') is a constant
            Variable c = dt != null && !(x instanceof Variable)
                    ? tdl.graph.Constant.typed(NumpyConvert.toArray(x, Symbolic.dtype(rt, dt, null)))
                    : Symbolic.lift(rt, x, "a constant");
            if (a.get(1, "name", null) != null) c.setName(rt.str(a.get(1, "name")));
            c = dt == null ? c : ops(rt).cast(c, Symbolic.dtype(rt, dt, c.dtype()));
            return ShapeFunctions.withNdim(rt, c, x instanceof Variable, a.get(2, "ndim", null));
        });
        t.put("as_tensor_variable", (TdlCallable) (rt, a) -> {
            a.check(3, "x", "name", "ndim");
            Object x = a.get(0, "x");
            Variable v = arg(rt, a, 0, "x");
            // Theano names only a variable it creates (a constant); an existing variable keeps its name
            if (v instanceof tdl.graph.Constant && a.get(1, "name", null) != null) v.setName(rt.str(a.get(1, "name")));
            return ShapeFunctions.withNdim(rt, v, x instanceof Variable, a.get(2, "ndim", null));
        });
        t.put("as_tensor", t.members().get("as_tensor_variable"));
    }

    static TensorOps ops(Runtime rt) { return Symbolic.ops(rt); }

    /** flatten's ndim (at position {@code at}) or its older name outdim; 1 when neither is given. */
    static int flattenNdim(Args a, int at) {
        Object nd = a.get(at, "ndim", null), out = a.keywords().get("outdim");
        if (nd != null && out != null) throw new TdlError(ErrorKind.VALUE_ERROR, "flatten: give ndim or outdim, not both");
        Object v = nd != null ? nd : out != null ? out : 1L;
        return ExtraFunctions.constInt(v, "ndim");
    }

    /** nnet.relu(x, alpha=0): alpha a number or a variable (a learnable slope gets its gradient too). */
    private static Object relu(Runtime rt, Args a) {
        a.check(2, "x", "alpha");
        Variable x = arg(rt, a, 0, "x");
        Object alpha = a.get(1, "alpha", 0L);
        if (alpha instanceof Number n && n.doubleValue() == 0) return ops(rt).relu(x);
        return ops(rt).relu(x, Symbolic.lift(rt, alpha, "relu() argument 'alpha'"));
    }

    /**
     * nnet.softmax(x) row-wise over a matrix; a vector is taken as one row and the result has shape
     * (1, n), as in Theano 1.0 (its Softmax pads a vector on the left). Other ranks raise, as there.
     */
    private static Object softmax(Runtime rt, Args a) {
        a.check(1, "x");
        return softmaxOf(rt, arg(rt, a, 0, "x"));
    }

    /** Theano 1.0's softmax ranks: a vector becomes one row, (1, n); a matrix row by row; other ranks refused. */
    private static Variable softmaxOf(Runtime rt, Variable x) {
        if (x.rank() == 1) x = ops(rt).dimshuffle(x, -1, 0);
        else if (x.rank() != 2) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "softmax: x must be a 1-d or 2-d tensor of floats, got " + x.type(),
                    "reshape to (rows, classes) first, e.g. x.reshape((-1, x.shape[-1]))");
        }
        return ops(rt).softmax(x);
    }

    /** zeros_like / ones_like(model, dtype=None, opt=False): model's shape, dtype or model's dtype. */
    static Variable like(Runtime rt, Args a, int value) {
        a.check(3, "model", "dtype", "opt");
        Variable model = arg(rt, a, 0, "model");
        DType dtype = Symbolic.dtype(rt, a.get(1, "dtype", null), model.dtype());
        return ops(rt).fill(model, ops(rt).constant(dtype, value));
    }

    static Variable arg(Runtime rt, Args a, int i, String name) {
        return Symbolic.lift(rt, a.get(i, name), a.function() + "() argument '" + name + "'");
    }

    private static Variable[] dims(Runtime rt, Object shape) {
        List<?> items = Sequences.itemsOrSingle(shape);
        if (shape instanceof Variable v && v.rank() == 1) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "give the shape as a tuple of scalars, e.g. T.zeros((x.shape[0], 3))");
        }
        Variable[] out = new Variable[items.size()];
        for (int i = 0; i < out.length; i++) out[i] = Symbolic.lift(rt, items.get(i), "a shape dimension");
        return out;
    }

    private static List<Variable> list(Runtime rt, Object spec) {
        List<?> items = Sequences.items(spec);
        if (items == null) throw new TdlError(ErrorKind.TYPE_ERROR, "expected a list of tensors, got " + Symbolic.typeName(rt, spec));
        List<Variable> out = new ArrayList<>();
        for (Object o : items) out.add(Symbolic.lift(rt, o, "a list element"));
        return out;
    }

    private static void unary(TdlModule m, String name, BiFunction<TensorOps, Variable, Variable> f) {
        m.put(name, (TdlCallable) (rt, a) -> {
            a.check(1, "x");
            return f.apply(ops(rt), arg(rt, a, 0, "x"));
        });
    }

    private interface Binary { Variable apply(TensorOps t, Variable x, Variable y); }

    /** A two-argument function under Theano's parameter names; anything else passed is a TypeError. */
    private static void binary(TdlModule m, String name, String first, String second, Binary f) {
        m.put(name, (TdlCallable) (rt, a) -> {
            a.check(2, first, second);
            return f.apply(ops(rt), arg(rt, a, 0, first), arg(rt, a, 1, second));
        });
    }

}
