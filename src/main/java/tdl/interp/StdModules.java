package tdl.interp;

import tdl.vocab.ErrorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import tdl.syntax.TdlError;

/** The small Python standard modules scripts use: sys, math, collections, time, timeit, os, os.path, random, __future__. */
final class StdModules {
    private final Interpreter in;

    private StdModules(Interpreter in) { this.in = in; }

    static void install(Interpreter in) {
        StdModules s = new StdModules(in);
        s.sys();
        s.math();
        s.misc();
        s.os();
        s.random();
        s.gzip();
        in.registerModule(OperatorModule.create(in));
    }

    /** gzip.open, for the data loaders that read the tutorials' .gz files; files of both kinds are PyFile. */
    private void gzip() {
        TdlModule gz = new TdlModule("gzip");
        fn(gz, "open", (rt, a) -> PyFileHooks.open(in, a.check(4, "filename", "mode", "compresslevel", "encoding"), true));
        in.registerHooks(PyFile.class, new PyFileHooks(in));
        in.registerHooks(PyBytes.class, new PyBytesHooks(in));
        in.registerModule(StructModule.create(in));
        in.registerModule(gz);
    }

    private static void fn(TdlModule m, String name, TdlCallable body) { m.put(name, new Builtin(name, body)); }

    private double num(Object v) {
        if (Ops.isNumber(v)) return Ops.toDouble(v);
        return Ops.toDouble(in.protocol.toNumber(v, "math"));
    }

    /** An int argument (bools as 0/1); TypeError for anything else, with Python's wording. */
    private Object intArg(Object v) {
        if (v instanceof Boolean b) return b ? 1L : 0L;
        if (Ints.isInt(v)) return v;
        throw new TdlError(ErrorKind.TYPE_ERROR, "'" + in.typeName(v) + "' object cannot be interpreted as an integer");
    }

    private static Object intOf(Object v) {
        return v instanceof Boolean b ? (Object) (b ? 1L : 0L) : v;
    }

    /** Replaces math.<name> so an int past the double range takes the exact big-int path. */
    private void bigLog(TdlModule m, String name, DoubleUnaryOperator f, double log2) {
        Object plain = m.members().get(name);
        fn(m, name, (rt, a) -> {
            Object x = a.check(1).get(0, "x");
            if (x instanceof java.math.BigInteger) return Ints.log(x, f, log2);
            return in.protocol.call(plain, List.of(x), null, null);
        });
    }

    private void sys() {
        TdlModule sys = new TdlModule("sys");
        sys.put("argv", new ArrayList<>());
        fn(sys, "exit", (rt, a) -> { throw Builtins.exit(in, a); });
        sys.put("stdout", stream("stdout", false));
        sys.put("stderr", stream("stderr", true));
        sys.put("version", "3.x (TDL)");
        sys.put("maxsize", Long.MAX_VALUE);
        sys.put("float_info", new TdlModule("float_info").put("max", Double.MAX_VALUE).put("min", Double.MIN_NORMAL)
                .put("epsilon", Math.ulp(1.0)));
        fn(sys, "setrecursionlimit", (rt, a) -> {
            in.recursionLimit = (int) Math.min(Ops.toLong(a.get(0, "limit")), 20000);
            return null;
        });
        fn(sys, "getrecursionlimit", (rt, a) -> (long) in.recursionLimit);
        in.registerModule(sys);
    }

    private TdlModule stream(String name, boolean err) {
        TdlModule s = new TdlModule(name);
        fn(s, "write", (rt, a) -> {
            String text = in.str(a.get(0, "s"));
            (err ? in.err() : in.out()).print(text);
            return (long) text.length();
        });
        fn(s, "flush", (rt, a) -> {
            (err ? in.err() : in.out()).flush();
            return null;
        });
        return s;
    }

    private void unary(TdlModule m, String name, DoubleUnaryOperator f, boolean domainCheck) {
        fn(m, name, (rt, a) -> {
            double x = num(a.check(1).get(0, "x"));
            double r = f.applyAsDouble(x);
            if (domainCheck && Double.isNaN(r) && !Double.isNaN(x)) throw new TdlError(ErrorKind.VALUE_ERROR, "math domain error");
            if (Double.isInfinite(r) && !Double.isInfinite(x)) {
                if (name.equals("exp") || name.equals("cosh") || name.equals("sinh")) throw new TdlError(ErrorKind.OVERFLOW_ERROR, "math range error");
            }
            return r;
        });
    }

    private void math() {
        TdlModule m = new TdlModule("math");
        m.put("pi", Math.PI).put("e", Math.E).put("inf", Double.POSITIVE_INFINITY).put("nan", Double.NaN).put("tau", 2 * Math.PI);
        unary(m, "sqrt", Math::sqrt, true);
        unary(m, "exp", Math::exp, false);
        unary(m, "log10", x -> { if (x <= 0) throw new TdlError(ErrorKind.VALUE_ERROR, "math domain error"); return Math.log10(x); }, true);
        unary(m, "log2", x -> { if (x <= 0) throw new TdlError(ErrorKind.VALUE_ERROR, "math domain error"); return Math.log(x) / Math.log(2); }, true);
        // logs of ints past the double range are taken exactly, as Python (math.log(2**2000) is not an OverflowError)
        bigLog(m, "log10", Math::log10, Math.log10(2));
        bigLog(m, "log2", x -> Math.log(x) / Math.log(2), 1.0);
        unary(m, "log1p", Math::log1p, true);
        unary(m, "tanh", Math::tanh, false);
        unary(m, "sinh", Math::sinh, false);
        unary(m, "cosh", Math::cosh, false);
        unary(m, "fabs", Math::abs, false);
        unary(m, "sin", Math::sin, true);
        unary(m, "cos", Math::cos, true);
        unary(m, "tan", Math::tan, true);
        unary(m, "asin", Math::asin, true);
        unary(m, "acos", Math::acos, true);
        unary(m, "atan", Math::atan, false);
        unary(m, "degrees", Math::toDegrees, false);
        unary(m, "radians", Math::toRadians, false);
        fn(m, "log", (rt, a) -> {
            if (a.get(0, "x") instanceof java.math.BigInteger) {
                double r = Ints.log(a.get(0, "x"), Math::log, Math.log(2));
                return a.size() > 1 ? r / Math.log(num(a.get(1, "base"))) : r;
            }
            double x = num(a.get(0, "x"));
            if (x <= 0) throw new TdlError(ErrorKind.VALUE_ERROR, "math domain error", "log() needs a positive number");
            double r = Math.log(x);
            if (a.size() > 1) r /= Math.log(num(a.get(1, "base")));
            return r;
        });
        // an int stays itself (exact past 2**53); a float gives an exact int however large (floor(1e20))
        fn(m, "floor", (rt, a) -> Ints.isInt(a.get(0, "x")) ? intOf(a.get(0, "x")) : Ints.fromDouble(Math.floor(num(a.get(0, "x")))));
        fn(m, "ceil", (rt, a) -> Ints.isInt(a.get(0, "x")) ? intOf(a.get(0, "x")) : Ints.fromDouble(Math.ceil(num(a.get(0, "x")))));
        fn(m, "trunc", (rt, a) -> Ints.isInt(a.get(0, "x")) ? intOf(a.get(0, "x")) : Ints.fromDouble(num(a.get(0, "x"))));
        fn(m, "gcd", (rt, a) -> {
            java.math.BigInteger g = java.math.BigInteger.ZERO;
            for (Object o : a.positional()) g = g.gcd(Ints.big(intArg(o)));
            return Ints.normalize(g);
        });
        fn(m, "lcm", (rt, a) -> {
            java.math.BigInteger l = java.math.BigInteger.ONE;
            for (Object o : a.positional()) {
                java.math.BigInteger x = Ints.big(intArg(o)).abs();
                if (x.signum() == 0) return 0L;
                Ints.checkBits((long) l.bitLength() + x.bitLength());
                l = l.divide(l.gcd(x)).multiply(x);
            }
            return Ints.normalize(l);
        });
        fn(m, "isqrt", (rt, a) -> Ints.isqrt(intArg(a.check(1).get(0, "n"))));
        fn(m, "comb", (rt, a) -> Ints.permComb(intArg(a.get(0, "n")), intArg(a.get(1, "k")), true, in::checkInterrupt));
        fn(m, "perm", (rt, a) -> {
            Object n = intArg(a.get(0, "n"));
            return a.size() < 2 || a.get(1, "k") == null ? Ints.factorial(Ints.toLong(n), in::checkInterrupt)
                    : Ints.permComb(n, intArg(a.get(1, "k")), false, in::checkInterrupt);
        });
        fn(m, "isnan", (rt, a) -> Double.isNaN(num(a.get(0, "x"))));
        fn(m, "isinf", (rt, a) -> Double.isInfinite(num(a.get(0, "x"))));
        fn(m, "isfinite", (rt, a) -> Double.isFinite(num(a.get(0, "x"))));
        fn(m, "pow", (rt, a) -> Math.pow(num(a.get(0, "x")), num(a.get(1, "y"))));
        fn(m, "atan2", (rt, a) -> Math.atan2(num(a.get(0, "y")), num(a.get(1, "x"))));
        fn(m, "hypot", (rt, a) -> Math.hypot(num(a.get(0, "x")), num(a.get(1, "y"))));
        fn(m, "copysign", (rt, a) -> Math.copySign(num(a.get(0, "x")), num(a.get(1, "y"))));
        fn(m, "fsum", (rt, a) -> {
            double s = 0, c = 0;
            for (Object o : in.protocol.access.toList(a.get(0, "iterable"))) {
                double y = num(o) - c, t = s + y;
                c = (t - s) - y;
                s = t;
            }
            return s;
        });
        fn(m, "factorial", (rt, a) -> {
            Object n = intArg(a.check(1).get(0, "n"));
            if (n instanceof java.math.BigInteger b) {
                if (b.signum() < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "factorial() not defined for negative values");
                throw new TdlError(ErrorKind.OVERFLOW_ERROR, "factorial() argument should not exceed " + Long.MAX_VALUE);
            }
            return Ints.factorial(Ints.toLong(n), in::checkInterrupt);
        });
        fn(m, "isclose", (rt, a) -> {
            double x = num(a.get(0, "a")), y = num(a.get(1, "b"));
            double rel = num(a.get(Integer.MAX_VALUE, "rel_tol", 1e-9)), abs = num(a.get(Integer.MAX_VALUE, "abs_tol", 0.0));
            return x == y || Math.abs(x - y) <= Math.max(rel * Math.max(Math.abs(x), Math.abs(y)), abs);
        });
        in.registerModule(m);
    }

    private void misc() {
        TdlModule collections = new TdlModule("collections");
        collections.put("OrderedDict", in.builtins.get("dict"));
        fn(collections, "defaultdict", (rt, a) -> {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "collections.defaultdict is not supported",
                    "use d.setdefault(key, default) or d.get(key, default)");
        });
        in.registerModule(collections);
        TdlModule time = new TdlModule("time");
        fn(time, "time", (rt, a) -> System.currentTimeMillis() / 1000.0);
        fn(time, "perf_counter", (rt, a) -> System.nanoTime() / 1e9);
        fn(time, "process_time", (rt, a) -> System.nanoTime() / 1e9);
        fn(time, "clock", (rt, a) -> System.nanoTime() / 1e9);
        fn(time, "sleep", (rt, a) -> {
            long end = System.nanoTime() + (long) (num(a.get(0, "secs")) * 1e9);
            while (System.nanoTime() < end) {
                in.checkInterrupt();
                try {
                    Thread.sleep(Math.max(0, Math.min(20, (end - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // checkInterrupt says why: Ctrl-C or the time limit
                    in.checkInterrupt();
                    throw new TdlError(ErrorKind.KEYBOARD_INTERRUPT, "interrupted");
                }
            }
            return null;
        });
        in.registerModule(time);
        TdlModule timeit = new TdlModule("timeit");
        fn(timeit, "default_timer", (rt, a) -> System.nanoTime() / 1e9);
        in.registerModule(timeit);
        // Every file of the deeplearning.net tutorials starts with `from __future__ import print_function,
        // division`; TDL already has Python 3's print and division, so the features are accepted and change nothing.
        TdlModule future = new TdlModule("__future__");
        for (String feature : List.of("nested_scopes", "generators", "division", "absolute_import", "with_statement",
                "print_function", "unicode_literals", "generator_stop", "annotations")) {
            future.put(feature, feature);
        }
        in.registerModule(future);
        // ... and `from six.moves import xrange`: six's Python 3 names are the built-ins themselves
        TdlModule moves = new TdlModule("six.moves");
        moves.put("xrange", in.builtins.get("range"));
        for (String name : List.of("range", "zip", "map", "filter")) moves.put(name, in.builtins.get(name));
        TdlModule six = new TdlModule("six");
        six.put("moves", moves).put("PY2", false).put("PY3", true);
        in.registerModule(six);
        in.registerModule(moves);
    }

    private void os() {
        TdlModule os = new TdlModule("os");
        TdlModule path = new TdlModule("os.path");
        os.put("path", path);
        os.put("sep", "/");
        fn(os, "makedirs", (rt, a) -> {
            Path p = in.resolvePath(in.str(a.get(0, "name")), true);
            if (Files.isDirectory(p) && !in.truth(a.get(Integer.MAX_VALUE, "exist_ok", false))) {
                throw new TdlError(ErrorKind.FILE_EXISTS_ERROR, "File exists: '" + a.get(0, "name") + "'", "pass exist_ok=True");
            }
            try {
                Files.createDirectories(p);
            } catch (IOException e) {
                throw new TdlError(ErrorKind.OS_ERROR, "cannot create " + p + ": " + e.getMessage());
            }
            return null;
        });
        fn(os, "mkdir", (rt, a) -> {
            Path p = in.resolvePath(in.str(a.get(0, "path")), true);
            if (Files.exists(p)) throw new TdlError(ErrorKind.FILE_EXISTS_ERROR, "File exists: '" + a.get(0, "path") + "'");
            try {
                Files.createDirectory(p);
            } catch (IOException e) {
                throw new TdlError(ErrorKind.FILE_NOT_FOUND_ERROR, "cannot create " + p + ": " + e.getMessage());
            }
            return null;
        });
        fn(os, "chdir", (rt, a) -> { in.changeDirectory(in.str(a.get(0, "path"))); return null; });
        // with file access off the host's folder is not the script's business: PermissionError as for other os calls
        fn(os, "getcwd", (rt, a) -> in.resolvePath(".", false).toString());
        fn(os, "listdir", (rt, a) -> {
            Path p = in.resolvePath(in.str(a.get(0, "path", ".")), false);
            try (Stream<Path> s = Files.list(p)) {
                List<Object> names = new ArrayList<>();
                s.map(x -> x.getFileName().toString()).sorted().forEach(names::add);
                return new ArrayList<>(names);
            } catch (IOException e) {
                throw new TdlError(ErrorKind.FILE_NOT_FOUND_ERROR, "No such directory: '" + a.get(0, "path", ".") + "'");
            }
        });
        fn(os, "remove", (rt, a) -> {
            Path p = in.resolvePath(in.str(a.get(0, "path")), true);
            try {
                Files.delete(p);
            } catch (IOException e) {
                throw new TdlError(ErrorKind.FILE_NOT_FOUND_ERROR, "No such file: '" + a.get(0, "path") + "'");
            }
            return null;
        });
        fn(path, "isdir", (rt, a) -> Files.isDirectory(in.resolvePath(in.str(a.get(0, "s")), false)));
        fn(path, "isfile", (rt, a) -> Files.isRegularFile(in.resolvePath(in.str(a.get(0, "path")), false)));
        fn(path, "exists", (rt, a) -> Files.exists(in.resolvePath(in.str(a.get(0, "path")), false)));
        fn(path, "abspath", (rt, a) -> in.resolvePath(in.str(a.get(0, "path")), false).toString());
        fn(path, "join", (rt, a) -> {
            String r = "";
            for (Object o : a.positional()) {
                String s = in.str(o);
                if (s.startsWith("/") || r.isEmpty()) r = s;
                else r = r.endsWith("/") ? r + s : r + "/" + s;
            }
            return r;
        });
        fn(path, "basename", (rt, a) -> {
            String s = in.str(a.get(0, "p"));
            return s.substring(s.lastIndexOf('/') + 1);
        });
        fn(path, "dirname", (rt, a) -> {
            String s = in.str(a.get(0, "p"));
            int i = s.lastIndexOf('/');
            return i < 0 ? "" : i == 0 ? "/" : s.substring(0, i);
        });
        fn(path, "split", (rt, a) -> {
            // posixpath.split: the tail after the last slash; the head loses its trailing slashes unless it is all slashes
            String s = in.str(a.get(0, "p"));
            int i = s.lastIndexOf('/') + 1;
            String head = s.substring(0, i), tail = s.substring(i);
            if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) head = head.replaceAll("/+$", "");
            return TdlTuple.of(head, tail);
        });
        fn(path, "splitext", (rt, a) -> {
            String s = in.str(a.get(0, "p"));
            int dot = s.lastIndexOf('.'), slash = s.lastIndexOf('/');
            if (dot <= slash + 1) return TdlTuple.of(s, "");
            return TdlTuple.of(s.substring(0, dot), s.substring(dot));
        });
        in.registerModule(os);
        in.registerModule(path);
    }

    private void random() {
        TdlModule r = new TdlModule("random");
        for (var e : PyRandomMethods.bind(in, in.random).entrySet()) fn(r, e.getKey(), e.getValue());
        // random.Random(seed=None): an independent generator; no seed draws one from the clock, as Python from the OS
        r.put("Random", in.registerType(new BuiltinType("Random", o -> o instanceof PyRandom, (rt, a) -> {
            a.check(1, "x");
            PyRandom g = new PyRandom(null);
            Object seed = a.get(0, "x", null);
            if (seed != null) g.seed(seed);
            return g;
        })));
        in.registerHooks(PyRandom.class, new PyRandomMethods.Hooks(in));
        in.registerModule(r);
    }
}
