package tdl.lib.theano;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.Variable;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.lib.numpy.NumpyConvert;
import tdl.syntax.TdlError;

/**
 * Installs theano, theano.tensor (T), theano.tensor.nnet, theano.printing, theano.gradient and the
 * global shortcuts (shared, function, grad, dot, exp, ...), as LANGUAGE.md section 9 lists them.
 */
public final class TheanoLibrary {
    private TheanoLibrary() {}

    public static void install(Runtime rt) {
        rt.registerHooks(Variable.class, new SymbolicHooks());
        rt.registerHooks(Functions.ScriptFunction.class, new FunctionHooks());
        rt.registerHooks(tdl.graph.Apply.class, new ApplyHooks());
        FunctionMaker.register(rt);
        rt.registerHooks(tdl.graph.Op.class, new OpHooks());
        rt.registerHooks(VariableTag.class, new VariableTag.Hooks());
        rt.registerHooks(tdl.graph.TensorType.class, new TensorTypeHooks());
        rt.registerHooks(PatternedType.class, new PatternedType.Hooks());
        rt.registerHooks(RandomStateShared.class, new RandomStateShared.Hooks());
        rt.registerHooks(RandomStateShared.NewState.class, new RandomStateShared.NewStateHooks());
        rt.registerHooks(RandomStreams.class, new RandomStreamsHooks());
        InOut.register(rt);

        TdlModule tensor = new TdlModule("theano.tensor");
        TdlModule nnet = new TdlModule("theano.tensor.nnet");
        Constructors.install(tensor);
        tensor.put("TensorType", PatternedType.constructor(rt));
        TensorModule.installOps(tensor, nnet);
        NnetCrossentropy.install(nnet);
        ExtraFunctions.install(rt, tensor);
        NdGrid.install(rt, tensor);
        LinalgFunctions.install(rt, tensor);
        tensor.put("nnet", nnet);
        TdlModule bn = BatchNorm.install(nnet);
        TdlModule neighbours = Neighbours.install(nnet);
        List<TdlModule> convModules = ConvModule.install(nnet);
        tensor.put("signal", convModules.get(1));
        // theano.tensor.nnet.nnet (Theano's module of the definitions): the same functions as nnet
        TdlModule nnetNnet = new TdlModule("theano.tensor.nnet.nnet");
        for (Map.Entry<String, Object> e : nnet.members().entrySet()) {
            if (!(e.getValue() instanceof TdlModule)) nnetNnet.put(e.getKey(), e.getValue());
        }
        nnet.put("nnet", nnetNnet);
        rt.registerModule(nnetNnet);

        TdlCallable shared = TheanoLibrary::shared;
        TdlCallable function = Functions::function;
        TdlCallable grad = GradBuiltins::grad;
        tensor.put("grad", grad);
        tensor.put("jacobian", (TdlCallable) GradBuiltins::jacobian);
        tensor.put("hessian", (TdlCallable) GradBuiltins::hessian);

        TdlModule gradient = new TdlModule("theano.gradient");
        gradient.put("grad", grad);
        gradient.put("jacobian", (TdlCallable) GradBuiltins::jacobian);
        gradient.put("hessian", (TdlCallable) GradBuiltins::hessian);
        gradient.put("verify_grad", (TdlCallable) VerifyGradBuiltin::verifyGrad);
        GradModifiers.install(gradient);
        for (TdlModule m : List.of(tensor, gradient)) {
            m.put("Rop", (TdlCallable) DirectionalGrads::rop);
            m.put("Lop", (TdlCallable) DirectionalGrads::lop);
        }

        TdlModule printing = PrintingModule.create();
        TdlModule config = TheanoConfig.of(rt).module();

        TdlModule ifelseModule = new TdlModule("theano.ifelse");
        TdlCallable ifelse = (r, a) -> Symbolic.ops(r).ifelse(TensorModule.arg(r, a, 0, "condition"),
                TensorModule.arg(r, a, 1, "then_branch"), TensorModule.arg(r, a, 2, "else_branch"));
        ifelseModule.put("ifelse", ifelse);

        TdlModule theano = new TdlModule("theano");
        theano.put("In", (TdlCallable) InOut::in).put("Out", (TdlCallable) InOut::out);
        theano.put("gof", GraphModule.gof(rt)).put("clone", (TdlCallable) GraphModule::clone);
        theano.put("shared", shared).put("function", function).put("grad", grad).put("config", config)
                .put("printing", printing).put("tensor", tensor).put("gradient", gradient).put("ifelse", ifelseModule)
                .put("pp", printing.members().get("pp")).put("verify_grad", gradient.members().get("verify_grad"))
                .put("__version__", "0.1.0 (TDL)");

        TdlModule scalar = ScalarModule.create();
        theano.put("scalar", scalar);
        TdlModule compile = CompileModes.install(rt, theano);
        TheanoTypes.install(rt, theano, (TdlModule) theano.members().get("gof"), compile, tensor);
        TdlCallable scan = Scan::scan;
        theano.put("scan", scan).put("map", (TdlCallable) Scan::map).put("reduce", (TdlCallable) Scan::reduce)
                .put("foldl", (TdlCallable) Scan::foldl).put("foldr", (TdlCallable) Scan::foldr);
        rt.defineGlobal("scan", scan);
        TdlModule scanModule = new TdlModule("theano.scan_module");
        scanModule.put("until", (TdlCallable) Scan::until).put("scan", scan);
        theano.put("scan_module", scanModule);
        rt.registerModule(scanModule);

        tdl.interp.BuiltinType[] streamTypes = RandomStreams.types(rt);
        tdl.interp.BuiltinType randomStreams = streamTypes[0];
        TdlModule sharedRandom = new TdlModule("theano.tensor.shared_randomstreams");
        sharedRandom.put("RandomStreams", randomStreams);
        tensor.put("shared_randomstreams", sharedRandom);
        TdlModule rngMrg = new TdlModule("theano.sandbox.rng_mrg");
        rngMrg.put("MRG_RandomStreams", streamTypes[1]);
        TdlModule sandbox = new TdlModule("theano.sandbox");
        sandbox.put("rng_mrg", rngMrg);
        theano.put("sandbox", sandbox);
        rt.defineGlobal("RandomStreams", randomStreams);
        TdlModule rawRandom = RawRandom.install(tensor, randomStreams);

        theano.put("dot", tensor.members().get("dot"));
        // tutorials import from theano.tensor.basic: the same functions as theano.tensor
        TdlModule basic = new TdlModule("theano.tensor.basic");
        for (Map.Entry<String, Object> e : tensor.members().entrySet()) {
            if (!(e.getValue() instanceof TdlModule)) basic.put(e.getKey(), e.getValue());
        }
        tensor.put("basic", basic);
        for (TdlModule m : List.of(theano, scalar, tensor, nnet, gradient, printing, config, ifelseModule,
                sharedRandom, rngMrg, sandbox, basic, bn, neighbours, rawRandom, (TdlModule) tensor.members().get("xlogx"))) rt.registerModule(m);
        for (TdlModule m : convModules) rt.registerModule(m);

        rt.defineGlobal("theano", theano);
        rt.defineGlobal("T", tensor);
        rt.defineGlobal("shared", shared);
        rt.defineGlobal("function", function);
        rt.defineGlobal("grad", grad);
        rt.defineGlobal("ifelse", ifelse);
        // sum stays Python's sum for lists and numbers; on a symbolic variable it is T.sum
        Object pySum = rt.builtin("sum");
        TdlCallable tSum = (TdlCallable) tensor.members().get("sum");
        rt.defineGlobal("sum", (TdlCallable) (r, a) -> a.size() > 0 && a.positional().get(0) instanceof Variable
                ? tSum.call(r, a) : r.call(pySum, a.positional(), a.keywords()));
        for (String name : List.of("dot", "mean", "exp", "log", "sqr", "sqrt", "tanh", "sigmoid", "softplus",
                "softmax", "relu", "maximum", "minimum", "switch", "set_subtensor", "inc_subtensor", "outer")) {
            rt.defineGlobal(name, tensor.members().get(name));
        }
    }

    /** Sets theano.config from flags in THEANO_FLAGS syntax ({@code floatX=float32}); null leaves the defaults. */
    public static void configure(Runtime rt, String theanoFlags) {
        TheanoConfig.of(rt).apply(rt, theanoFlags);
    }

    /**
     * theano.shared(value, name=None, borrow=False, strict=False, allow_downcast=None, broadcastable=None): the value is copied unless
     * borrow=True. The Python class follows the constructor Theano would pick (SharedVariable.Kind).
     */
    private static Object shared(Runtime rt, tdl.interp.Args a) {
        a.check(3, "value", "name", "borrow", "strict", "allow_downcast", "broadcastable");
        Object value = a.get(0, "value");
        if (value instanceof Variable) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "shared() needs a value (a number, list or array), got a symbolic variable",
                    "evaluate it first with .eval(), or use the expression directly");
        }
        SharedVariable.Kind kind = value instanceof NDArray ? SharedVariable.Kind.TENSOR
                : NumpyConvert.isNumber(value) ? SharedVariable.Kind.SCALAR : SharedVariable.Kind.GENERIC;
        if (kind == SharedVariable.Kind.GENERIC && a.has(2, "borrow")) {
            // Theano's generic_constructor takes no borrow: with it no constructor accepts a list
            throw new TdlError(ErrorKind.TYPE_ERROR, "No suitable SharedVariable constructor could be found. Are you sure all kwargs are supported? "
                    + "We do not support the parameter dtype or type. value=\"" + rt.str(value) + "\". parameters=\"{'borrow': "
                    + rt.repr(a.get(2, "borrow")) + "}\"", "pass np.asarray(value) to make a TensorSharedVariable, which takes borrow=");
        }
        NDArray array = NumpyConvert.toArray(value);
        boolean[] pattern = broadcastable(rt, a.get(5, "broadcastable", null), value, array);
        if (value instanceof NDArray && !rt.truth(a.get(2, "borrow", false))) array = array.copy();
        Object name = a.get(1, "name", null);
        // one lock for all of a session's shared variables: a compiled call is atomic across functions
        boolean strict = rt.truth(a.get(3, "strict", false));
        Object downcast = a.get(4, "allow_downcast", null);
        // Theano's filter flags (strict, allow_downcast=None/True/False) stay with the value for set_value
        return new SharedVariable(array, name == null ? null : rt.str(name), rt.sessionState(SharedLock.class, SharedLock::new),
                kind, pattern, strict, downcast == null ? null : rt.truth(downcast));
    }

    /**
     * shared(broadcastable=...) as Theano's tensor_constructor takes it: only with an array (a number
     * or a list finds no constructor taking the keyword), one flag per axis. TDL types carry no
     * flags, so the pattern is kept on the variable and the value is held to it (docs/decisions.md).
     */
    private static boolean[] broadcastable(Runtime rt, Object spec, Object value, NDArray array) {
        if (spec == null) return null;
        if (!(value instanceof NDArray)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "No suitable SharedVariable constructor could be found. Are you sure all kwargs "
                    + "are supported? (broadcastable= needs a numpy array value, got " + rt.typeName(value) + ")",
                    "pass np.asarray(value) to give a broadcastable pattern");
        }
        List<?> flags = tdl.interp.Sequences.items(spec);
        if (flags == null) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "shared(): broadcastable must be a tuple of booleans, got " + rt.typeName(spec));
        }
        if (flags.size() != array.rank()) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "Wrong number of dimensions: broadcastable has " + flags.size()
                    + " flags, the value has shape " + NDArray.shapeString(array.shape()), "give one flag per axis of the value");
        }
        boolean[] pattern = new boolean[flags.size()];
        for (int i = 0; i < pattern.length; i++) pattern[i] = rt.truth(flags.get(i));
        return pattern;
    }

    /** The compiled function behind a script's {@code function(...)} value, or null (for embedders and benchmarks). */
    public static tdl.function.CompiledFunction compiledFunction(Object scriptValue) {
        return scriptValue instanceof Functions.ScriptFunction sf ? sf.compiled() : null;
    }

    /** The session's lock over its shared variables (see SharedVariable#lock). */
    static final class SharedLock extends java.util.concurrent.locks.ReentrantLock {}
}
