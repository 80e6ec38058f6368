package tdl.lib.numpy;

import tdl.vocab.Operator;
import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.interp.TypeHooks;
import tdl.syntax.TdlError;

/** Installs module {@code numpy} (also {@code numpy.random}), the global {@code np}, and the hooks. */
public final class NumpyLibrary {
    private NumpyLibrary() {}

    public static void install(Runtime rt) {
        rt.registerHooks(NDArray.class, new ArrayHooks());
        rt.registerHooks(NpDType.class, new DTypeHooks());
        rt.registerHooks(tdl.interp.NumpyScalar.class, new ScalarHooks());
        rt.registerHooks(TypeCasts.class, new TypeCasts.Hooks());
        rt.registerHooks(RandomState.class, new RandomStateHooks());
        rt.registerHooks(MachineLimits.class, new MachineLimits.Hooks());
        rt.registerHooks(NpzArchive.class, new NpzArchive.Hooks());
        rt.registerHooks(NdIter.class, new NdIter.Hooks());
        TdlModule np = module(rt);
        rt.registerModule(np);
        rt.registerModule(PickleModule.create("pickle"));
        rt.registerModule(PickleModule.create("cPickle"));
        rt.registerModule(PickleModule.create("six.moves.cPickle")); // logistic_sgd.py: import six.moves.cPickle as pickle
        rt.registerModule((TdlModule) np.members().get("random"));
        rt.registerModule(ExtraNumpy.linalg(np.members()));
        rt.defineGlobal("np", np);
    }

    /** The numpy module of a session (exposed for tests and for libraries that re-export names). */
    public static TdlModule module(Runtime rt) {
        TdlModule np = new TdlModule("numpy");
        Map<String, Object> m = np.members();
        NumpyFunctions.install(m);
        ExtraNumpy.install(m, rt);
        NumpyTypeQueries.install(m, rt);
        NumpyLogic.install(m);
        NumpyStatistics.install(m);
        Quantiles.install(m);
        NanVariance.install(m);
        ArrayPieces.install(m);
        ArrayLayouts.install(m);
        ValueScans.install(m);
        Unique.install(m);
        ScalarKinds.install(m);
        m.put("savez", (TdlCallable) (r, a) -> { NpzFile.save(r, a, false); return null; });
        m.put("savez_compressed", (TdlCallable) (r, a) -> { NpzFile.save(r, a, true); return null; });
        for (DType d : DType.values()) m.put(d == DType.BOOL ? "bool_" : d.pyName(), NpDType.scalarType(d));
        m.put("float_", NpDType.scalarType(DType.FLOAT64));
        m.put("int_", NpDType.scalarType(DType.INT64));
        m.put("dtype", (TdlCallable) (r, a) -> new NpDType(NumpyConvert.dtype(a.check(1, "dtype").get(0, "dtype")), false));
        m.put("cast", TypeCasts.INSTANCE);
        m.put("newaxis", null);
        m.put("inf", Double.POSITIVE_INFINITY);
        m.put("nan", Double.NaN);
        m.put("pi", Math.PI);
        m.put("e", Math.E);
        m.put("save", (TdlCallable) (r, a) -> {
            a.check(2, "file", "arr");
            Object file = a.get(0, "file");
            if (file instanceof tdl.interp.PyFile f) {
                FileArrays.save(f, NumpyConvert.toArray(a.get(1, "arr")));
                return null;
            }
            if (!(file instanceof String path)) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "np.save writes to a path or a file opened with open(path, 'wb'), got " + r.typeName(file));
            }
            if (!path.endsWith(".npy")) path = path + ".npy";
            NpyFile.save(r.resolvePath(path, true), NumpyConvert.toArray(a.get(1, "arr")));
            return null;
        });
        FileArrays.install(m);
        m.put("nditer", new tdl.interp.Builtin("nditer", (TdlCallable) NdIter::create));
        m.put("load", (TdlCallable) (r, a) -> {
            a.check(1, "file", "allow_pickle", "mmap_mode");
            Object f = a.get(0, "file");
            if (f instanceof tdl.interp.PyFile pf) return FileArrays.load(pf);
            if (!(f instanceof String path)) throw new TdlError(ErrorKind.TYPE_ERROR, "np.load takes a path string or a file opened with open(path, 'rb')");
            java.nio.file.Path p = r.resolvePath(path, false);
            return NpzFile.isArchive(p) ? NpzFile.load(p) : NpyFile.load(p);
        });
        m.put("set_printoptions", (TdlCallable) (r, a) -> {
            a.check(0, "precision", "threshold", "edgeitems", "linewidth", "suppress");
            NumpySession s = NumpySession.of(r);
            NumpyFormat.Options o = s.printOptions;
            s.printOptions = new NumpyFormat.Options(
                    tdl.interp.Ints.toInt(NumpyConvert.toLong(NumpyConvert.kw(a, "linewidth", (long) o.linewidth()), "linewidth")),
                    tdl.interp.Ints.toInt(NumpyConvert.toLong(NumpyConvert.kw(a, "precision", (long) o.precision()), "precision")),
                    tdl.interp.Ints.toInt(NumpyConvert.toLong(NumpyConvert.kw(a, "threshold", (long) o.threshold()), "threshold")),
                    tdl.interp.Ints.toInt(NumpyConvert.toLong(NumpyConvert.kw(a, "edgeitems", (long) o.edgeitems()), "edgeitems")));
            return null;
        });
        m.put("random", randomModule(rt));
        return np;
    }

    private static TdlModule randomModule(Runtime rt) {
        TdlModule random = new TdlModule("numpy.random");
        RandomMethods.bind(() -> NumpySession.of(rt).random()).forEach(random::put);
        // a class, so isinstance(v, np.random.RandomState) works (debug_faq's detect_nan asks it)
        random.put("RandomState", rt.registerType(new tdl.interp.BuiltinType("RandomState", o -> o instanceof RandomState,
                (r, a) -> new RandomState(a.check(1, "seed").get(0, "seed", null)))));
        return random;
    }

    /** np.float32 etc.: callable scalar types; a.dtype values compare equal to names. */
    static final class DTypeHooks implements TypeHooks {
        @Override public String typeName(Object self) { return ((NpDType) self).isType() ? "type" : "dtype"; }

        @Override public String str(Runtime rt, Object self) { return ((NpDType) self).str(); }

        @Override public String repr(Runtime rt, Object self) { return ((NpDType) self).repr(); }

        @Override
        public Object getAttr(Runtime rt, Object self, String name) {
            NpDType d = (NpDType) self;
            return switch (name) {
                case "name" -> d.name();
                case "__name__" -> d.isType() ? ScalarHooks.typeShortName(d.dtype()) : UNSUPPORTED;
                case "type" -> NpDType.scalarType(d.dtype());
                case "itemsize" -> (long) NpyFile.itemSize(d.dtype());
                case "kind" -> d.dtype() == DType.BOOL ? "b" : d.dtype().isFloat() ? "f" : d.dtype() == DType.UINT8 ? "u" : "i";
                default -> UNSUPPORTED;
            };
        }

        @Override
        public Boolean instanceCheck(Runtime rt, Object self, Object value) {
            NpDType d = (NpDType) self;
            if (!d.isType()) return null;
            return value instanceof tdl.interp.NumpyScalar s && s.dtype() == d.dtype();
        }

        @Override
        public Object binary(Runtime rt, Operator op, Object a, Object b) {
            if (op == Operator.EQ) return a instanceof NpDType d ? d.sameAs(b) : ((NpDType) b).sameAs(a);
            if (op == Operator.NE) return !(a instanceof NpDType d ? d.sameAs(b) : ((NpDType) b).sameAs(a));
            return UNSUPPORTED;
        }

        @Override
        public Object call(Runtime rt, Object self, Args args) {
            NpDType d = (NpDType) self;
            if (!d.isType()) return UNSUPPORTED;
            args.check(1, "x");
            Object x = args.get(0, "x", 0L);
            if (x instanceof String s) {
                try {
                    x = Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    throw new TdlError(ErrorKind.VALUE_ERROR, "could not convert string to " + d.name() + ": '" + s + "'");
                }
            }
            if (x instanceof tdl.interp.NumpyScalar s) return ScalarHooks.convert(s, d.dtype());
            if (x instanceof Long l) return tdl.interp.NumpyScalar.ofLong(d.dtype(), l); // exact past 2^53, wraps as numpy 1.26
            NDArray a = NumpyConvert.toArray(x, d.dtype());
            return a.rank() == 0 ? NumpyConvert.npScalar(d.dtype(), a.get(0)) : a.copy();
        }
    }

    /** RandomState values: their methods, bound. */
    static final class RandomStateHooks implements TypeHooks {
        @Override public String typeName(Object self) { return "RandomState"; }

        @Override public String str(Runtime rt, Object self) { return "RandomState(MT19937)"; }

        @Override
        public Object getAttr(Runtime rt, Object self, String name) {
            TdlCallable c = RandomMethods.bind(() -> (RandomState) self).get(name);
            return c == null ? UNSUPPORTED : c;
        }

        @Override
        public List<String> attributeNames(Object self) {
            return new ArrayList<>(RandomMethods.bind(() -> (RandomState) self).keySet());
        }
    }
}
