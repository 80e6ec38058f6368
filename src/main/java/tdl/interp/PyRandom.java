package tdl.interp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * Python's {@code random} module: CPython 3's Random on the Mersenne Twister, so a script that
 * seeds it draws the numbers, shuffles and samples Python gives (the RNN-SLU tutorial shuffles its
 * data with {@code random.seed(s); random.shuffle(l)}). The algorithms are CPython's (Lib/random.py
 * and _randommodule.c): init_by_array of the seed's 32-bit words, random() from two 32-bit draws,
 * integers by rejection from getrandbits, the caching gauss and Kinderman-Monahan normalvariate.
 */
public final class PyRandom {
    private static final double TWO_PI = 2 * Math.PI;
    private static final double NV_MAGICCONST = 4 * Math.exp(-0.5) / Math.sqrt(2.0);

    private final MT19937 mt = new MT19937(0);
    private Double gaussNext;

    /** Seeded as random.seed(seed); null seeds from the clock, as Python from the OS. */
    public PyRandom(Long seed) {
        seed(seed == null ? (Object) System.nanoTime() : (Object) seed);
    }

    /** random.seed(a): an int by the 32-bit words of |a|, a str by its bytes and their SHA-512 (version 2), None by the clock. */
    public void seed(Object a) {
        BigInteger n;
        if (a == null) n = BigInteger.valueOf(System.nanoTime());
        else if (a instanceof Boolean b) n = b ? BigInteger.ONE : BigInteger.ZERO;
        else if (Ints.isInt(a)) n = Ints.big(a).abs();
        else if (a instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8), digest = sha512(bytes);
            byte[] all = new byte[bytes.length + digest.length];
            System.arraycopy(bytes, 0, all, 0, bytes.length);
            System.arraycopy(digest, 0, all, bytes.length, digest.length);
            n = new BigInteger(1, all);
        } else {
            throw new TdlError(ErrorKind.TYPE_ERROR, "random.seed() takes an int, a str or None here",
                    "seed with an int, e.g. random.seed(1234)");
        }
        int words = Math.max(1, (n.bitLength() + 31) / 32);
        long[] key = new long[words];
        for (int i = 0; i < words; i++) key[i] = n.shiftRight(32 * i).longValue() & 0xffffffffL;
        mt.seedArray(key);
        gaussNext = null;
    }

    /** random.getstate(): (3, the 624 words and the index, the cached gauss value or None), CPython's VERSION 3 tuple. */
    public TdlTuple getstate() {
        List<Object> words = new ArrayList<>(625);
        for (long w : mt.state()) words.add(w);
        return TdlTuple.of(3L, new TdlTuple(words), gaussNext);
    }

    /**
     * random.setstate(state): CPython's checks and words. Version 2 (Python 2's signed words) is
     * taken modulo 2**32, as CPython converts it.
     */
    public void setstate(Object version, List<?> internal, Object gauss) {
        if (!(Ints.isInt(version) && (Ints.big(version).intValue() == 3 || Ints.big(version).intValue() == 2) && Ints.big(version).bitLength() < 8)) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "state with version " + version + " passed to Random.setstate() of version 3");
        }
        if (internal.size() != 625) throw new TdlError(ErrorKind.VALUE_ERROR, "state vector is the wrong size");
        BigInteger mod = BigInteger.ONE.shiftLeft(32);
        long[] words = new long[624];
        for (int i = 0; i < 625; i++) {
            Object w = internal.get(i);
            if (!Ints.isInt(w) || w instanceof Boolean) throw new TdlError(ErrorKind.TYPE_ERROR, "state vector items must be integers");
            BigInteger b = Ints.big(w);
            if (i < 624) {
                // CPython's version 3 takes each word as an unsigned long (a negative one is an OverflowError)
                if (Ints.big(version).intValue() == 2) b = b.mod(mod);
                else if (b.signum() < 0 || b.bitLength() > 64) throw new TdlError(ErrorKind.OVERFLOW_ERROR, "can't convert negative int to unsigned");
                words[i] = b.longValue() & 0xffffffffL;
            } else if (b.signum() < 0 || b.compareTo(BigInteger.valueOf(624)) > 0) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "invalid state");
            }
        }
        if (gauss != null && !(gauss instanceof Double) && !Ints.isInt(gauss)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "the cached gauss value of a state must be a float or None");
        }
        mt.setState(words, Ints.big(internal.get(624)).intValue());
        gaussNext = gauss == null ? null : gauss instanceof Double d ? d : Ints.big(gauss).doubleValue();
    }

    public double random() {
        return mt.nextDouble();
    }

    /** An int of k random bits (k >= 0), the first 32-bit draw in the lowest word, as CPython. */
    public BigInteger getrandbits(int k) {
        if (k < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "number of bits must be non-negative");
        if (k == 0) return BigInteger.ZERO;
        if (k <= 32) return BigInteger.valueOf(mt.nextUint32() >>> (32 - k));
        BigInteger r = BigInteger.ZERO;
        for (int shift = 0; k > 0; shift += 32, k -= 32) {
            long w = mt.nextUint32();
            if (k < 32) w >>>= 32 - k;
            r = r.or(BigInteger.valueOf(w).shiftLeft(shift));
        }
        return r;
    }

    /** Uniform in [0, n), n > 0: getrandbits(n.bit_length()) until below n. */
    public BigInteger randbelow(BigInteger n) {
        int k = n.bitLength();
        BigInteger r = getrandbits(k);
        while (r.compareTo(n) >= 0) r = getrandbits(k);
        return r;
    }

    private int randbelow(int n) {
        return randbelow(BigInteger.valueOf(n)).intValue();
    }

    /** randrange(start, stop, step), Python 3.11's arithmetic. */
    public Object randrange(Object start, Object stop, Object step) {
        BigInteger istart = Ints.big(start);
        if (stop == null) {
            if (istart.signum() > 0) return Ints.normalize(randbelow(istart));
            throw new TdlError(ErrorKind.VALUE_ERROR, "empty range for randrange()");
        }
        BigInteger istop = Ints.big(stop), istep = Ints.big(step == null ? 1L : step), width = istop.subtract(istart);
        if (istep.equals(BigInteger.ONE)) {
            if (width.signum() > 0) return Ints.normalize(istart.add(randbelow(width)));
            throw new TdlError(ErrorKind.VALUE_ERROR, "empty range for randrange(" + istart + ", " + istop + ", " + width + ")");
        }
        BigInteger count;
        if (istep.signum() > 0) count = width.add(istep).subtract(BigInteger.ONE).divide(istep);
        else if (istep.signum() < 0) count = width.add(istep).add(BigInteger.ONE).divide(istep);
        else throw new TdlError(ErrorKind.VALUE_ERROR, "zero step for randrange()");
        if (count.signum() <= 0) throw new TdlError(ErrorKind.VALUE_ERROR, "empty range for randrange()");
        return Ints.normalize(istart.add(istep.multiply(randbelow(count))));
    }

    public Object choice(List<Object> seq) {
        if (seq.isEmpty()) throw new TdlError(ErrorKind.INDEX_ERROR, "Cannot choose from an empty sequence");
        return seq.get(randbelow(seq.size()));
    }

    /** In place, Fisher-Yates from the end, as CPython. */
    public void shuffle(List<Object> x) {
        for (int i = x.size() - 1; i > 0; i--) {
            int j = randbelow(i + 1);
            Object t = x.get(i);
            x.set(i, x.get(j));
            x.set(j, t);
        }
    }

    /** sample(population, k): CPython's two strategies (a shrinking pool, or a set of chosen indices). */
    public List<Object> sample(List<Object> population, long k) {
        int n = population.size();
        if (k < 0 || k > n) throw new TdlError(ErrorKind.VALUE_ERROR, "Sample larger than population or is negative");
        List<Object> result = new ArrayList<>((int) k);
        int setsize = 21;
        if (k > 5) setsize += (int) Math.pow(4, Math.ceil(Math.log(k * 3) / Math.log(4)));
        if (n <= setsize) {
            List<Object> pool = new ArrayList<>(population);
            for (int i = 0; i < k; i++) {
                int j = randbelow(n - i);
                result.add(pool.get(j));
                pool.set(j, pool.get(n - i - 1));
            }
        } else {
            Set<Integer> selected = new HashSet<>();
            for (int i = 0; i < k; i++) {
                int j = randbelow(n);
                while (selected.contains(j)) j = randbelow(n);
                selected.add(j);
                result.add(population.get(j));
            }
        }
        return result;
    }

    public double uniform(double a, double b) {
        return a + (b - a) * random();
    }

    /** gauss(mu, sigma): Box-Muller, the second value of each pair kept for the next call. */
    public double gauss(double mu, double sigma) {
        Double z = gaussNext;
        gaussNext = null;
        if (z == null) {
            double x2pi = random() * TWO_PI, g2rad = Math.sqrt(-2.0 * Math.log(1.0 - random()));
            z = Math.cos(x2pi) * g2rad;
            gaussNext = Math.sin(x2pi) * g2rad;
        }
        return mu + z * sigma;
    }

    public double normalvariate(double mu, double sigma) {
        double z;
        while (true) {
            double u1 = random(), u2 = 1.0 - random();
            z = NV_MAGICCONST * (u1 - 0.5) / u2;
            if (z * z / 4.0 <= -Math.log(u2)) break;
        }
        return mu + z * sigma;
    }

    private static byte[] sha512(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-512", e);
        }
    }
}
