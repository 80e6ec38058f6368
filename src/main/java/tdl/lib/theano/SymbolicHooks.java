package tdl.lib.theano;

import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import tdl.vocab.Operator;
import tdl.graph.ops.Scalar;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.TensorOps;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TypeHooks;
import tdl.lib.numpy.NumpyConvert;
import tdl.syntax.TdlError;

/** How symbolic variables behave in scripts: operators build graph nodes, methods mirror Theano's. */
final class SymbolicHooks implements TypeHooks {
    static final int PRIORITY = 100;

    private static final List<String> ATTRIBUTES = List.of("T", "shape", "ndim", "dtype", "type", "name", "owner",
            "sum", "mean", "max", "min", "prod", "var", "std", "argmax", "argmin", "all", "any", "reshape",
            "dimshuffle", "flatten", "eval", "astype", "clip", "dot", "exp", "log", "sqrt", "copy", "nonzero",
            "nonzero_values", "cumsum", "cumprod", "repeat", "squeeze", "sort", "argsort", "norm", "diagonal", "trace", "ptp", "swapaxes", "take",
            "transpose", "ravel", "round", "zeros_like", "ones_like", "fill", "size");
    /** What Theano's generic SharedVariable (theano.shared of a list) has. */
    private static final List<String> GENERIC_ATTRIBUTES = List.of("name", "owner", "type", "get_value", "set_value", "clone");
    /** A shared variable's own methods besides every TensorVariable one. */
    private static final List<String> SHARED_ATTRIBUTES = java.util.stream.Stream.concat(ATTRIBUTES.stream(),
            java.util.stream.Stream.of("get_value", "set_value", "clone")).toList();

    @Override
    public int priority() { return PRIORITY; }

    @Override
    public String typeName(Object self) {
        return TheanoTypes.typeName(self);
    }

    @Override
    public Object binary(Runtime rt, Operator op, Object a, Object b) {
        if (op == Operator.EQ) return a == b; // identity, as Theano's variables
        if (op == Operator.NE) return a != b;
        if (!Symbolic.isTensorLike(a) && !Sequences.isListOrTuple(a)) return UNSUPPORTED;
        if (!Symbolic.isTensorLike(b) && !Sequences.isListOrTuple(b)) return UNSUPPORTED;
        TensorOps t = Symbolic.ops(rt);
        return switch (op) {
            case MATMUL -> t.matmul(lift(rt, op, a, "left"), lift(rt, op, b, "right"));
            case ADD, SUB, MUL, TRUE_DIV, FLOOR_DIV, MOD, POW, AND, OR, XOR, LT, LE, GT, GE ->
                    t.elemwise(Scalar.forOperator(op), lift(rt, op, a, "left"), lift(rt, op, b, "right"));
            case EQ, NE, LSHIFT, RSHIFT, IN, NOT_IN, IS, IS_NOT, NEG, POS, INVERT, NOT, ABS -> UNSUPPORTED;
        };
    }

    private static Variable lift(Runtime rt, Operator op, Object v, String side) {
        return Symbolic.lift(rt, v, side + " operand of " + op.symbol());
    }

    @Override
    public Object unary(Runtime rt, Operator op, Object a) {
        TensorOps t = Symbolic.ops(rt);
        Variable x = Symbolic.tensor((Variable) a);
        return switch (op) {
            case NEG -> t.neg(x);
            case POS -> x;
            case ABS -> t.abs(x);
            case INVERT -> t.not(x);
            case NOT, ADD, SUB, MUL, TRUE_DIV, FLOOR_DIV, MOD, POW, MATMUL, AND, OR, XOR, LSHIFT, RSHIFT, LT, LE, GT, GE, EQ, NE,
                    IN, NOT_IN, IS, IS_NOT -> UNSUPPORTED;
        };
    }

    @Override
    public boolean truth(Runtime rt, Object self) {
        Apply owner = ((Variable) self).owner();
        if (owner != null && owner.op() instanceof ElemwiseOp e && e.scalar().isPredicate()) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "the truth value of a symbolic comparison is not known until the function runs",
                    "use T.switch(cond, a, b) (elementwise) or ifelse(cond, a, b) to choose between values in the graph");
        }
        return true;
    }

    @Override
    public Object getItem(Runtime rt, Object self, Object index) {
        Variable v = Symbolic.tensor((Variable) self);
        Object plain = tdl.lib.numpy.Ellipses.expand(tdl.lib.numpy.NumpyConvert.plainNumbers(index), v.rank());
        return Symbolic.ops(rt).subtensor(v, Indexing.toIndices(rt, plain));
    }

    @Override
    public Object setItem(Runtime rt, Object self, Object index, Object value) {
        throw new TdlError(ErrorKind.TYPE_ERROR, "symbolic variables cannot be assigned to by index",
                "use x = T.set_subtensor(x[idx], value), which returns a new variable");
    }

    @Override
    public long length(Runtime rt, Object self) {
        throw new TdlError(ErrorKind.TYPE_ERROR, "len() of a symbolic variable is not known until the function runs",
                "use x.shape[0] for a symbolic length");
    }

    @Override
    public Iterable<Object> iterate(Runtime rt, Object self) {
        throw new TdlError(ErrorKind.TYPE_ERROR, "a symbolic variable cannot be iterated over while the graph is built",
                "use scan() to loop over a symbolic sequence");
    }

    @Override
    public String str(Runtime rt, Object self) {
        Variable v = (Variable) self;
        // a constant prints as Theano's TensorConstant{...} (whose str ignores the name); an unnamed
        // expression as its infix text, TDL's choice where Theano prints Elemwise{mul,no_inplace}.0
        if (v instanceof tdl.graph.Constant c) return ConstantText.of(rt, c);
        if (v.name() != null) return v.name();
        return tdl.function.GraphPrinter.pp(v);
    }

    @Override
    public String repr(Runtime rt, Object self) {
        // Theano's Variable.__repr__: with config.print_test_value, the test value's repr on a second line
        if (TheanoConfig.printTestValue(rt)) {
            tdl.graph.NDArray value = TestValues.of(rt).peek((Variable) self);
            if (value != null) return str(rt, self) + "\n" + rt.repr(value);
        }
        return str(rt, self);
    }

    @Override
    public List<String> attributeNames(Object self) {
        if (self instanceof SharedVariable s && s.kind() == SharedVariable.Kind.GENERIC) return GENERIC_ATTRIBUTES;
        return self instanceof SharedVariable ? SHARED_ATTRIBUTES : ATTRIBUTES;
    }

    @Override
    public Object setAttr(Runtime rt, Object self, String name, Object value) {
        if (name.equals("name")) {
            ((Variable) self).setName(value == null ? null : rt.str(value));
            return null;
        }
        return UNSUPPORTED;
    }

    @Override
    public Object getAttr(Runtime rt, Object self, String name) {
        Variable v = (Variable) self;
        if (v instanceof SharedVariable s && s.kind() == SharedVariable.Kind.GENERIC && !GENERIC_ATTRIBUTES.contains(name)) {
            // Theano's generic SharedVariable has none of the tensor methods and properties
            if (!ATTRIBUTES.contains(name)) return UNSUPPORTED;
            throw new TdlError(ErrorKind.ATTRIBUTE_ERROR, "'SharedVariable' object has no attribute '" + name
                    + "': theano.shared of a list is Theano's generic SharedVariable, not a tensor",
                    "make it with theano.shared(np.asarray(value)) to use it in tensor expressions");
        }
        TensorOps t = Symbolic.ops(rt);
        switch (name) {
            case "T": return t.transpose(v);
            case "shape": return t.shape(v);
            case "ndim": return (long) v.rank();
            case "dtype": return v.dtype().pyName();
            case "type": return PatternedType.of(v);
            case "broadcastable": {
                // known for inputs, shared variables and constants; a computed variable's would be a guess
                boolean[] p = PatternedType.known(v);
                if (p == null) throw TensorTypeHooks.noBroadcastable();
                List<Object> flags = new java.util.ArrayList<>(p.length);
                for (boolean b : p) flags.add(b);
                return new tdl.interp.TdlTuple(flags);
            }
            // Python's object methods; debug_faq prints x.__repr__() to show print_test_value
            case "__repr__": return (tdl.interp.TdlCallable) (r, a) -> {
                a.check(0);
                return repr(r, v);
            };
            case "__str__": return (tdl.interp.TdlCallable) (r, a) -> {
                a.check(0);
                return str(r, v);
            };
            case "tag": return new VariableTag(v); // Theano's scratchpad, where test values go
            case "name": return v.name();
            case "owner": return v.owner();
            case "rng": case "update": {
                // a RandomStreams draw's generator state and its (rng, new_rng) pair, as Theano sets them on the draw
                if (v.owner() != null && v.owner().op() instanceof tdl.graph.ops.RandomOp r && r.counter().source() instanceof RandomStateShared st) {
                    return name.equals("rng") ? st : st.updatePair();
                }
                return UNSUPPORTED;
            }
            // Theano's property: shape[0] for a vector, else the product of the shape
            case "size": return v.rank() == 1 ? t.shapeAt(v, 0) : t.prod(t.shape(v), null, false);
            default: break;
        }
        TdlCallable method = method(v, name);
        return method == null ? UNSUPPORTED : method;
    }

    private TdlCallable method(Variable v, String name) {
        switch (name) {
            case "var": case "std": case "cumsum": case "cumprod": case "repeat": case "squeeze": case "sort": case "argsort":
            case "nonzero": case "nonzero_values": case "norm": case "diagonal": case "ptp": case "swapaxes":
                return ExtraFunctions.method(name, v);
            case "take":
                return BasicFunctions.method(name, v);
            case "sum": case "prod": case "max": case "min": case "all": case "any": case "mean": case "argmax": case "argmin":
                return Reductions.method(name, v);
            case "reshape":
                return (rt, a) -> Shapes.reshape(rt, v, a);
            case "dimshuffle":
                return (rt, a) -> Shapes.dimshuffle(rt, v, a.check(Integer.MAX_VALUE).positional());
            case "flatten":
                return (rt, a) -> Symbolic.ops(rt).flatten(v, TensorModule.flattenNdim(a.check(1, "ndim", "outdim"), 0));
            case "astype":
                return (rt, a) -> Symbolic.ops(rt).cast(v, Symbolic.dtype(rt, a.check(1, "dtype").get(0, "dtype"), v.dtype()));
            case "clip":
                return (rt, a) -> Symbolic.ops(rt).clip(v, Symbolic.lift(rt, a.check(2, "a_min", "a_max").get(0, "a_min"), "clip bound"),
                        Symbolic.lift(rt, a.get(1, "a_max"), "clip bound"));
            case "dot":
                return (rt, a) -> Symbolic.ops(rt).dot(v, Symbolic.lift(rt, a.check(1, "other").get(0, "other"), "dot operand"));
            case "exp": return (rt, a) -> Symbolic.ops(rt).exp(noArguments(a, v));
            case "log": return (rt, a) -> Symbolic.ops(rt).log(noArguments(a, v));
            case "sqrt": return (rt, a) -> Symbolic.ops(rt).sqrt(noArguments(a, v));
            case "copy":
                // Theano's tensor_copy: a new variable (naming it must not rename v), value and gradient unchanged
                return (rt, a) -> {
                    Object copyName = a.check(1, "name").get(0, "name", null);
                    Variable c = Symbolic.ops(rt).apply(tdl.graph.ops.GradModifierOp.of(tdl.graph.ops.GradModifierOp.Kind.COPY), v);
                    c.setName(copyName == null ? null : rt.str(copyName));
                    return c;
                };
            case "trace": return (rt, a) -> new tdl.graph.ops.ExtraOps(Symbolic.ops(rt)).trace(noArguments(a, v));
            case "eval":
                return (rt, a) -> Functions.evalVariable(rt, v, a.check(1, "inputs_to_values"));
            case "transpose":
                // Theano's x.transpose(*axes): one iterable argument is the whole axes tuple
                return (rt, a) -> {
                    List<Object> axes = a.check(Integer.MAX_VALUE).positional();
                    if (axes.isEmpty()) return Shapes.transpose(rt, v, null);
                    return Shapes.transpose(rt, v, axes.size() == 1 && tdl.interp.Sequences.items(axes.get(0)) != null
                            ? axes.get(0) : new ArrayList<Object>(axes));
                };
            case "ravel": return (rt, a) -> Symbolic.ops(rt).flatten(noArguments(a, v), 1);
            // the methods Theano's _tensor_py_operators forward to theano.tensor's functions of the same name
            case "round": return (rt, a) -> BasicFunctions.round(rt, withSelf(a, v));
            case "zeros_like": return (rt, a) -> TensorModule.like(rt, withSelf(a, v), 0);
            case "ones_like": return (rt, a) -> TensorModule.like(rt, withSelf(a, v), 1);
            case "fill": return (rt, a) -> Symbolic.ops(rt).fill(v, Symbolic.lift(rt, a.check(1, "value").get(0, "value"), "fill value"));
            default: break;
        }
        if (v instanceof SharedVariable s) {
            if (name.equals("get_value")) {
                return (rt, a) -> {
                    boolean borrow = rt.truth(a.check(1, "borrow", "return_internal_type").get(0, "borrow", false));
                    // the generic SharedVariable holds the list it was given: Theano returns a (deep) copy of it
                    if (s.kind() == SharedVariable.Kind.GENERIC) return NumpyConvert.toList(s.value());
                    return borrow ? s.value() : s.value().copy();
                };
            }
            if (name.equals("clone")) {
                // Theano's SharedVariable.clone: a new variable over the same container (one value for both)
                return (rt, a) -> {
                    a.check(0);
                    return s.cloneSharingValue();
                };
            }
            if (name.equals("set_value")) {
                return (rt, a) -> {
                    Object raw = a.check(2, "value", "borrow").get(0, "value");
                    NDArray value = NumpyConvert.toArray(raw);
                    if (s.strict() && !(raw instanceof NDArray arr && arr.dtype() == s.dtype())) {
                        // Theano's TensorType.filter(strict=True): an ndarray of exactly the dtype, nothing converted
                        throw new TdlError(ErrorKind.TYPE_ERROR, "set_value of shared variable '" + s + "': " + s.type()
                                + (raw instanceof NDArray arr ? " expected a ndarray object with dtype = " + s.dtype().pyName()
                                        + " (got " + arr.dtype().pyName() + ")" : " expected a ndarray object, got " + rt.typeName(raw)),
                                "the variable was made with strict=True: pass np.asarray(v, dtype='" + s.dtype().pyName() + "')");
                    }
                    if (value.rank() == s.rank()) { // a wrong rank is set_value's own error
                        value = tdl.graph.TypeFilter.filter(value, s.dtype(), s.allowDowncast(), Functions.source(raw), Symbolic.floatX(rt),
                                "set_value of shared variable '" + s + "'", setValueHint(raw, s.dtype()));
                    }
                    boolean borrow = rt.truth(a.get(1, "borrow", false));
                    s.setValue(borrow || !(a.get(0, "value") instanceof NDArray) ? value : value.copy());
                    return null;
                };
            }
        }
        return null;
    }

    /**
     * The end of set_value's TypeError hint. The usual way to meet it is learning-rate decay,
     * lr.set_value(lr.get_value() * 0.95) on a float32 lr: under numpy 1.x a 0-d array times a
     * Python float is a float64 scalar (no value-based casting between scalars), which Theano's
     * filter refuses unless the product happens to be a float32 value, so say so.
     */
    private static String setValueHint(Object raw, tdl.graph.DType want) {
        if (raw instanceof tdl.interp.NumpyScalar ns && ns.dtype() == tdl.graph.DType.FLOAT64 && want == tdl.graph.DType.FLOAT32) {
            return "np.float32(v); the value is a numpy float64, as a float32 get_value() times a Python float"
                    + " is under numpy 1.x (lr.get_value() * 0.95): multiply by np.float32(0.95) instead";
        }
        return "create the shared variable with the value's dtype";
    }

    /** The method's arguments with the variable first, as the module function of the same name takes them. */
    private static Args withSelf(Args a, Variable v) {
        List<Object> pos = new ArrayList<>();
        pos.add(v);
        pos.addAll(a.positional());
        return new Args(a.function(), pos, a.keywords());
    }

    /** A method that takes no arguments: anything passed is a TypeError rather than ignored. */
    private static Variable noArguments(Args a, Variable v) {
        a.check(0);
        return v;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    static Args noArgs(String fn) { return Args.of(fn); }
}
