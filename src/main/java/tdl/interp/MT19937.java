package tdl.interp;

/**
 * The Mersenne Twister MT19937, the generator of numpy's legacy RandomState and of Python's random
 * module: numpy seeds it with init_genrand(seed) for an integer seed (its _legacy_seeding calls
 * mt19937_seed, not init_by_array, for a plain int) and init_by_array for a sequence of ints;
 * Python's random always with init_by_array ({@link PyRandom}).
 */
public final class MT19937 {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int pos;

    public MT19937(long seed) {
        seed(seed);
    }

    public void seed(long seed) {
        int s = (int) seed;
        for (int i = 0; i < N; i++) {
            mt[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        pos = N;
    }

    /** numpy's init_by_array (used when the seed is a list of ints). */
    public void seedArray(long[] key) {
        seed(19650218L);
        int i = 1;
        int j = 0;
        int k = Math.max(N, key.length);
        for (; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + (int) key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) j = 0;
        }
        for (k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
        pos = N;
    }

    /** The 624 state words (unsigned) and the index of the next one to use, as CPython's getstate lists them. */
    public long[] state() {
        long[] out = new long[N + 1];
        for (int i = 0; i < N; i++) out[i] = mt[i] & 0xffffffffL;
        out[N] = pos;
        return out;
    }

    /** Copies this generator's state into {@code other} (no allocation: a call's undo point). */
    public void copyTo(MT19937 other) {
        System.arraycopy(mt, 0, other.mt, 0, N);
        other.pos = pos;
    }

    /** Restores {@link #state()}: 624 words and an index in 0..624 (the caller checks both). */
    public void setState(long[] words, int index) {
        for (int i = 0; i < N; i++) mt[i] = (int) words[i];
        pos = index;
    }

    private void generate() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
            int v = mt[(i + M) % N] ^ (y >>> 1);
            if ((y & 1) != 0) v ^= 0x9908b0df;
            mt[i] = v;
        }
        pos = 0;
    }

    /** The next 32 random bits, as an unsigned value in a long. */
    public long nextUint32() {
        if (pos >= N) generate();
        int y = mt[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** 64 bits: the first 32-bit draw is the high word, as numpy's mt19937_next64. */
    public long nextUint64() {
        return (nextUint32() << 32) | nextUint32();
    }

    /** A double in [0, 1) with 53 random bits: (a >> 5, b >> 6). */
    public double nextDouble() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
}
