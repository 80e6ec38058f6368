package tdl.lib.numpy;

import tdl.interp.MT19937;

import tdl.interp.Sequences;
import tdl.vocab.ErrorKind;
import java.util.List;
import tdl.syntax.TdlError;

/**
 * numpy's legacy {@code np.random.RandomState}: the same MT19937 stream and the same legacy
 * algorithms (53-bit doubles, polar Box-Muller with a cached second value, masked rejection for
 * bounded integers, random_interval shuffles, inversion/BTPE binomials), so a seeded script draws
 * the very numbers numpy draws. Draws here return raw values; {@link RandomStateHooks} shapes them.
 */
public final class RandomState {
    private final MT19937 mt;
    private boolean hasGauss;
    private double gauss;
    private final BinomialSampler binomial = new BinomialSampler();

    public RandomState(Object seed) {
        mt = new MT19937(0);
        seed(seed);
    }

    /** seed(None | int | list of ints); None seeds from the clock, as numpy seeds from the OS. */
    public void seed(Object seed) {
        seed = NumpyConvert.plainNumbers(seed);
        if (seed == null) {
            mt.seed(System.nanoTime() ^ System.currentTimeMillis());
        } else if (seed instanceof Long || seed instanceof Integer || seed instanceof Boolean) {
            long s = seed instanceof Boolean b ? (b ? 1 : 0) : ((Number) seed).longValue();
            checkSeed(s);
            mt.seed(s);
        } else if (Sequences.isListOrTuple(seed) || seed instanceof tdl.graph.NDArray) {
            tdl.graph.NDArray a = NumpyConvert.toArray(seed);
            if (a.rank() != 1 || a.size() == 0 || a.dtype().isFloat()) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "Seed must be a non-empty 1-d sequence of integers");
            }
            long[] key = new long[a.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = (long) a.get(i);
                checkSeed(key[i]);
            }
            mt.seedArray(key);
        } else {
            throw new TdlError(ErrorKind.TYPE_ERROR, "Cannot cast seed of type " + NumpyConvert.typeName(seed) + " to an integer seed");
        }
        hasGauss = false;
        gauss = 0;
        binomial.reset();
    }

    /** Copies this state into {@code other} without allocating (what a failed function call restores). */
    public void copyStateTo(RandomState other) {
        mt.copyTo(other.mt);
        other.hasGauss = hasGauss;
        other.gauss = gauss;
    }

    /** A deep copy (numpy's copy.deepcopy of a RandomState): the same MT state and cached gaussian. */
    public RandomState copy() {
        RandomState r = new RandomState(0L);
        long[] st = mt.state();
        long[] words = java.util.Arrays.copyOf(st, 624);
        r.mt.setState(words, (int) st[624]);
        r.hasGauss = hasGauss;
        r.gauss = gauss;
        return r; // the binomial setup cache holds constants of (n, p) only: a fresh one draws the same numbers
    }

    /**
     * get_state(): numpy's legacy tuple ('MT19937', the 624 key words, pos, has_gauss,
     * cached_gaussian). numpy's key array is uint32, a dtype TDL lacks: here it is int64 with the
     * same values, which set_state takes back.
     */
    public tdl.interp.TdlTuple getState() {
        long[] st = mt.state();
        tdl.graph.NDArray key = tdl.graph.NDArray.zeros(tdl.graph.DType.INT64, 624);
        for (int i = 0; i < 624; i++) key.set(i, st[i]);
        return tdl.interp.TdlTuple.of("MT19937", key, st[624], hasGauss ? 1L : 0L, gauss);
    }

    /** set_state(state): numpy's legacy tuple form (3 or 5 items), with numpy's checks and words. */
    public void setState(Object state) {
        List<?> items = Sequences.items(state);
        if (items == null) throw new TdlError(ErrorKind.TYPE_ERROR, "state must be a dict or a tuple.");
        if (items.isEmpty() || !"MT19937".equals(items.get(0))) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "set_state can only be used with legacy MT19937 state instances.");
        }
        if (items.size() < 3) throw new TdlError(ErrorKind.INDEX_ERROR, "tuple index out of range");
        tdl.graph.NDArray key = NumpyConvert.toArray(items.get(1));
        if (key.rank() != 1 || key.size() != 624) throw new TdlError(ErrorKind.VALUE_ERROR, "state must be 624 elements");
        long[] words = new long[624];
        for (int i = 0; i < 624; i++) words[i] = (long) key.get(i);
        long pos = NumpyConvert.toLong(items.get(2), "pos");
        if (pos < 0 || pos > 624) throw new TdlError(ErrorKind.VALUE_ERROR, "pos must be between 0 and 624"); // numpy would read past the key
        mt.setState(words, (int) pos);
        hasGauss = items.size() > 3 && NumpyConvert.toLong(items.get(3), "has_gauss") != 0;
        gauss = items.size() > 4 ? NumpyConvert.toDouble(items.get(4)) : 0.0;
        binomial.reset();
    }

    /** 64 random bits (two 32-bit draws, the first high): a random stream's evaluation key. */
    public long nextUint64() {
        return mt.nextUint64();
    }

    private static void checkSeed(long s) {
        if (s < 0 || s > 0xffffffffL) throw new TdlError(ErrorKind.VALUE_ERROR, "Seed must be between 0 and 2**32 - 1");
    }

    /** random_sample(): uniform in [0, 1). */
    public double nextDouble() {
        return mt.nextDouble();
    }

    /** standard_normal(): numpy's legacy_gauss. */
    public double nextGauss() {
        if (hasGauss) {
            hasGauss = false;
            double g = gauss;
            gauss = 0;
            return g;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * mt.nextDouble() - 1.0;
            x2 = 2.0 * mt.nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** An integer in [low, high) by numpy's masked rejection sampling (legacy randint, int64). */
    public long nextBounded(long low, long high) {
        long rng = high - low - 1;
        if (rng == 0) return low;
        if (Long.compareUnsigned(rng, 0xffffffffL) <= 0) {
            if (rng == 0xffffffffL) return low + mt.nextUint32();
            long mask = mask(rng);
            long v;
            do {
                v = mt.nextUint32() & mask;
            } while (v > rng);
            return low + v;
        }
        long mask = mask(rng);
        long v;
        do {
            v = mt.nextUint64() & mask;
        } while (Long.compareUnsigned(v, rng) > 0);
        return low + v;
    }

    /** numpy's random_interval: uniform in [0, max], used by shuffle and permutation. */
    public long interval(long max) {
        if (max == 0) return 0;
        long mask = mask(max);
        long v;
        if (max <= 0xffffffffL) {
            do {
                v = mt.nextUint32() & mask;
            } while (v > max);
        } else {
            do {
                v = mt.nextUint64() & mask;
            } while (Long.compareUnsigned(v, max) > 0);
        }
        return v;
    }

    private static long mask(long max) {
        long m = max;
        m |= m >>> 1;
        m |= m >>> 2;
        m |= m >>> 4;
        m |= m >>> 8;
        m |= m >>> 16;
        m |= m >>> 32;
        return m;
    }

    /** The swap partner sequence of numpy's legacy shuffle over n items: swap(i, j) for i = n-1..1. */
    public int[] shuffleSwaps(int n) {
        int[] js = new int[Math.max(0, n)];
        for (int i = n - 1; i >= 1; i--) js[i] = (int) interval(i);
        return js;
    }

    public long nextBinomial(long n, double p) {
        return binomial.sample(mt, n, p);
    }
}
