package tdl.graph;

import tdl.vocab.ErrorKind;

/**
 * Allocation of big arrays with a clear MemoryError instead of a JVM error: element counts are
 * computed in {@code long} (a product of int dimensions overflows int), compared with Java's array
 * limit and with the heap's maximum before allocating, and a refused allocation (the heap's free
 * space after collection) becomes the same MemoryError. A single failed allocation leaves the heap
 * as it was, so the session stays usable.
 */
public final class Memory {
    /** The most elements a Java array may hold (a few below Integer.MAX_VALUE on HotSpot). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Memory() {}

    /** The element count of {@code shape}, or MemoryError when it is more than one array may hold. */
    public static int elements(int[] shape, DType dtype) {
        long n = 1;
        boolean over = false;
        for (int s : shape) {
            if (s == 0) return 0;
            n *= s;
            if (n > MAX_ARRAY) over = true; // keep going: a later 0 makes the array empty
            if (over) n = MAX_ARRAY + 1;
        }
        if (over) throw tooMany(shape, dtype);
        return (int) n;
    }

    /** A zeroed double[] for an array of {@code shape}: MemoryError when it cannot be had. */
    public static double[] doubles(int[] shape, DType dtype) {
        return allocate(elements(shape, dtype), shape, dtype);
    }

    /** A zeroed float[] for a float32 array of {@code shape}: MemoryError when it cannot be had. */
    public static float[] floats(int[] shape, DType dtype) {
        int n = elements(shape, dtype);
        long bytes = (long) n * Float.BYTES;
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) throw tooBig(shape, dtype, bytes, max);
        try {
            return new float[n];
        } catch (OutOfMemoryError e) {
            throw tooBig(shape, dtype, bytes, max);
        }
    }

    /** A zeroed double[] of {@code n} elements (a 1-d array): MemoryError when it cannot be had. */
    public static double[] doubles(long n, DType dtype) {
        if (n > MAX_ARRAY) throw tooMany(new long[] {n}, dtype, n);
        return allocate((int) n, new int[] {(int) n}, dtype);
    }

    /**
     * Refuses early what can never fit in the heap ({@code bytes} more than its maximum), so the
     * caller need not build a huge structure first. {@code what} names it: "a list of 10000000000 items".
     */
    public static void reserve(long bytes, String what) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes < 0 || bytes > max) {
            throw new GraphError(ErrorKind.MEMORY_ERROR, "Unable to allocate " + human(bytes < 0 ? Long.MAX_VALUE : bytes) + " for " + what,
                    "the JVM's heap holds at most " + human(max) + " (raise it with -Xmx)");
        }
    }

    /**
     * The length of a sequence of {@code len} items repeated {@code times} times ({@code 'ab' * n},
     * {@code [0] * n}): MemoryError past Java's limit for one array or string, or past the heap.
     */
    public static int repeated(long len, long times, int bytesPerItem, String kind) {
        if (len == 0 || times <= 0) return 0;
        if (times > MAX_ARRAY / len) {
            String size = times == 1 ? len + " items" : len + " * " + times + " items";
            throw new GraphError(ErrorKind.MEMORY_ERROR, (times == 1 ? "" : "repeated ") + kind + " is too long: " + size
                    + " is more than Java's limit of " + MAX_ARRAY, times == 1 ? "iterate over it instead of building it" : "repeat fewer times");
        }
        long total = len * times;
        reserve(total * bytesPerItem, "a " + kind + " of " + total + " items");
        return (int) total;
    }

    private static double[] allocate(int n, int[] shape, DType dtype) {
        long bytes = (long) n * Double.BYTES;
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) throw tooBig(shape, dtype, bytes, max);
        try {
            return new double[n];
        } catch (OutOfMemoryError e) {
            throw tooBig(shape, dtype, bytes, max);
        }
    }

    private static GraphError tooBig(int[] shape, DType dtype, long bytes, long max) {
        return new GraphError(ErrorKind.MEMORY_ERROR, "Unable to allocate " + human(bytes) + " for an array with shape "
                + NDArray.shapeString(shape) + " and data type " + dtype.pyName(),
                (dtype == DType.FLOAT32 ? "a float32 element takes 4 bytes" : "TDL stores this dtype's elements as 8-byte doubles") + "; the JVM's heap holds at most " + human(max)
                        + " (raise it with -Xmx) and less is free now");
    }

    private static GraphError tooMany(int[] shape, DType dtype) {
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) s[i] = shape[i];
        java.math.BigInteger n = java.math.BigInteger.ONE;
        for (int d : shape) n = n.multiply(java.math.BigInteger.valueOf(d));
        return tooMany(s, dtype, n);
    }

    private static GraphError tooMany(long[] shape, DType dtype, Object count) {
        StringBuilder sh = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sh.append(i > 0 ? ", " : "").append(shape[i]);
        sh.append(shape.length == 1 ? ",)" : ")");
        return new GraphError(ErrorKind.MEMORY_ERROR, "Unable to allocate an array with shape " + sh + " and data type "
                + dtype.pyName() + ": " + count + " elements is more than Java's array limit of " + MAX_ARRAY + " elements",
                "use a smaller shape; one array holds at most " + MAX_ARRAY + " elements");
    }

    /** Bytes as numpy prints them in its MemoryError: "74.5 GiB". */
    public static String human(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) return bytes + " B";
        String num = String.format(java.util.Locale.ROOT, "%.3g", v);
        if (num.contains(".")) num = num.replaceAll("0+$", "").replaceAll("\\.$", "");
        return num + " " + units[u];
    }
}
