package tdl.graph;

import tdl.vocab.ErrorKind;
import java.util.Arrays;

/**
 * Run-time data: a dense row-major array of rank 0..4. A float32 array stores 4-byte floats
 * ({@link #floats()}); every other dtype stores doubles ({@link #data()}), so a float64 matrix's
 * storage can be wrapped as an EJML {@code DMatrixRMaj} without copying. Code that does not care
 * about the storage reads and writes through {@link #get}/{@link #set} or {@link #doubles()}.
 * <p>One exception, for kernels only: a <em>wide</em> float32 array ({@link #wide}) stores doubles.
 * It is the scratch in which a float64 kernel computes a float32 node (see
 * {@code tdl.eval.Float32Adaptor}); it never leaves the kernel that owns it.
 * <p>It lives in the graph package because constants and shared variables own values.
 * Instances are mutable so compiled plans can reuse buffers; code that hands one out says whether
 * the caller may keep it.
 */
public final class NDArray {
    private final DType dtype;
    private final int[] shape;
    // exactly one of these is non-null: floats for float32 (unless wide), data otherwise
    private final double[] data;
    private final float[] floats;
    // set by the host numpy library on a copy where numpy would have returned a view of another
    // array, so writes into the copy reach that array and the copy sees that array's later
    // changes (tdl.lib.numpy.Views); never copied along
    private ViewSource viewOf;
    // counts the host library's in-place changes of this storage, so a copy taken as a view of it can
    // tell it is out of date; shared by the arrays over the same storage (reshape), made on first need
    private int[] changes;

    /** Where a copy standing for a numpy view came from: brings the copy up to date before it is used. */
    public interface ViewSource {
        /** Copies into {@code copy} what changed in the array it stands for a view of since the last sync. */
        void sync(NDArray copy);
    }

    /**
     * A non-float32 array over {@code data} (not copied). float32 arrays store floats: build them
     * with {@link #of(DType, int[], double[])} (narrowing copy) or {@link #NDArray(int[], float[])}.
     */
    public NDArray(DType dtype, int[] shape, double[] data) {
        this(dtype, shape, data, null, false);
    }

    /** A float32 array over {@code data} (not copied). */
    public NDArray(int[] shape, float[] data) {
        this(DType.FLOAT32, shape, null, data, false);
    }

    private NDArray(DType dtype, int[] shape, double[] data, float[] floats, boolean wide) {
        if (shape.length > TensorType.MAX_RANK) {
            throw new GraphError(ErrorKind.VALUE_ERROR, "rank " + shape.length + " arrays are not supported (rank 0 to 4)");
        }
        if (dtype == DType.FLOAT32 && floats == null && !wide) {
            throw new IllegalArgumentException("a float32 array stores floats: use NDArray.of(dtype, shape, values), "
                    + "which narrows, or new NDArray(shape, float[])");
        }
        long n = sizeOf(shape);
        int len = floats != null ? floats.length : data.length;
        if (n != len) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " elements, got " + len);
        }
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data;
        this.floats = floats;
    }

    /** An array of {@code dtype} holding {@code values}: wrapped (not copied), or narrowed into a new float[] for float32. */
    public static NDArray of(DType dtype, int[] shape, double[] values) {
        if (dtype != DType.FLOAT32) return new NDArray(dtype, shape, values);
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return new NDArray(shape, f);
    }

    /**
     * Kernel scratch: an array of {@code dtype} over {@code data} (not copied) stored as doubles even
     * when the dtype is float32, so a float64 kernel can compute a float32 node in it. Never hand one
     * out of a kernel: the adaptor narrows it into the node's float32 buffer.
     */
    public static NDArray wide(DType dtype, int[] shape, double[] data) {
        return new NDArray(dtype, shape, data, null, true);
    }

    /** A zeroed array with the storage of its dtype (floats for float32). */
    public static NDArray zeros(DType dtype, int... shape) {
        if (dtype == DType.FLOAT32) return new NDArray(shape, Memory.floats(shape, dtype));
        return new NDArray(dtype, shape, Memory.doubles(shape, dtype));
    }

    /** A zeroed array stored as doubles whatever the dtype (kernel scratch, see {@link #wide}). */
    public static NDArray zerosWide(DType dtype, int... shape) {
        return new NDArray(dtype, shape, Memory.doubles(shape, dtype), null, true);
    }

    public static NDArray scalar(DType dtype, double value) {
        if (dtype == DType.FLOAT32) return new NDArray(new int[0], new float[] {(float) value});
        return new NDArray(dtype, new int[0], new double[] {dtype.coerce(value)});
    }

    public static NDArray scalar(double value) {
        return scalar(DType.FLOAT64, value);
    }

    /** A float64 array over the given data (not copied). */
    public static NDArray of(double[] data, int... shape) {
        return new NDArray(DType.FLOAT64, shape, data);
    }

    public static long sizeOf(int[] shape) {
        long n = 1;
        for (int s : shape) n *= s;
        return n;
    }

    public DType dtype() { return dtype; }

    /** The shape; do not modify the returned array. */
    public int[] shape() { return shape; }

    public int rank() { return shape.length; }

    public int dim(int axis) { return shape[axis]; }

    public int size() { return floats != null ? floats.length : data.length; }

    /** Whether the storage is float[] (a float32 array that is not kernel scratch). */
    public boolean isFloats() { return floats != null; }

    /** Bytes of element storage: 4 per float32 element, 8 per element of other dtypes (and of wide scratch). */
    public long byteSize() { return floats != null ? 4L * floats.length : 8L * data.length; }

    /**
     * The double storage, row-major; writes are visible to every holder of this array. A float32
     * array stores floats: use {@link #floats()}, {@link #get}/{@link #set} or {@link #doubles()}.
     */
    public double[] data() {
        sync();
        if (data == null) {
            throw new IllegalStateException("float32 arrays store float[]: use floats(), get/set or doubles() (a widened copy)");
        }
        return data;
    }

    /** The float storage of a float32 array, row-major; writes are visible to every holder. */
    public float[] floats() {
        sync();
        if (floats == null) throw new IllegalStateException(dtype.pyName() + " arrays store double[]: use data(), get/set or doubles()");
        return floats;
    }

    /**
     * The elements as doubles, for reading only: the storage itself when it is double[] (do not
     * write to it), a fresh widened copy for a float32 array (writes are lost).
     */
    public double[] doubles() {
        sync();
        if (data != null) return data;
        double[] d = new double[floats.length];
        for (int i = 0; i < d.length; i++) d[i] = floats[i];
        return d;
    }

    /** Element {@code i} of the row-major storage. */
    public double get(int i) {
        sync();
        return floats != null ? floats[i] : data[i];
    }

    /** Stores {@code v} at {@code i}, rounded to float for float32 storage (other dtypes: callers coerce, as before). */
    public void set(int i, double v) {
        sync();
        if (floats != null) floats[i] = (float) v;
        else data[i] = v;
    }

    /** Sets every element to {@code v} (rounded as the storage does). */
    public void fill(double v) {
        sync();
        if (floats != null) Arrays.fill(floats, (float) v);
        else Arrays.fill(data, v);
    }

    /** Whether this array and {@code other} share their storage. */
    public boolean sharesStorage(NDArray other) {
        return floats != null ? floats == other.floats : data == other.data;
    }

    /**
     * Copies {@code n} elements from {@code src} at {@code srcPos} into {@code dst} at {@code dstPos}
     * (System.arraycopy whatever the storages; narrowing into floats, widening into doubles).
     */
    public static void copy(NDArray src, int srcPos, NDArray dst, int dstPos, int n) {
        src.sync();
        dst.sync();
        if (src.floats != null) {
            if (dst.floats != null) System.arraycopy(src.floats, srcPos, dst.floats, dstPos, n);
            else for (int i = 0; i < n; i++) dst.data[dstPos + i] = src.floats[srcPos + i];
        } else {
            if (dst.data != null) System.arraycopy(src.data, srcPos, dst.data, dstPos, n);
            else for (int i = 0; i < n; i++) dst.floats[dstPos + i] = (float) src.data[srcPos + i];
        }
    }

    /** Copies all of {@code src} (same size) into this array's storage. */
    public void copyFrom(NDArray src) {
        if (src.size() != size()) throw new IllegalArgumentException("copyFrom: " + src.size() + " elements into " + size());
        copy(src, 0, this, 0, size());
    }

    public TensorType type() { return new TensorType(dtype, shape.length); }

    /** The single element of a size-1 array. */
    public double item() {
        if (size() != 1) throw new GraphError(ErrorKind.VALUE_ERROR, "only size-1 arrays can be converted to a number, shape is " + shapeString(shape));
        return get(0);
    }

    /** A copy with the storage of its dtype (wide scratch is narrowed: copies leave kernels). */
    public NDArray copy() {
        sync();
        if (floats != null) return new NDArray(shape, floats.clone());
        if (dtype == DType.FLOAT32) return of(dtype, shape, data);
        return new NDArray(dtype, shape, data.clone());
    }

    /** The host library's record of the array this one copies a view of (null: none); see tdl.lib.numpy.Views. */
    public ViewSource viewOf() {
        return viewOf;
    }

    /** Records (or, with null, forgets) the array this one copies a view of. */
    public void viewOf(ViewSource view) {
        this.viewOf = view;
    }

    /** How many in-place changes the host library has recorded on this array (see {@link #changed()}). */
    public int changes() {
        return changes == null ? 0 : changes[0];
    }

    /** Records an in-place change by the host library, so the copies standing for views of this array catch up. */
    public void changed() {
        if (changes == null) changes = new int[1];
        changes[0]++;
    }

    private void sync() {
        if (viewOf != null) viewOf.sync(this);
    }

    /** Sets every element {@code i} to {@code values(i)} without syncing first: for {@link ViewSource#sync} itself. */
    public void overwrite(java.util.function.IntToDoubleFunction values) {
        if (floats != null) for (int i = 0; i < floats.length; i++) floats[i] = (float) values.applyAsDouble(i);
        else for (int i = 0; i < data.length; i++) data[i] = values.applyAsDouble(i);
    }

    /** Same data, other shape (sizes must agree). */
    public NDArray reshape(int... newShape) {
        sync();
        NDArray r = new NDArray(dtype, newShape, data, floats, data != null && dtype == DType.FLOAT32);
        if (changes == null) changes = new int[1];
        r.changes = changes;
        return r;
    }

    /** A copy converted to another dtype, with the storage of that dtype. */
    public NDArray astype(DType to) {
        int n = size();
        if (to == DType.FLOAT32) {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) f[i] = (float) get(i);
            return new NDArray(shape, f);
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = to.coerce(get(i));
        return new NDArray(to, shape, d);
    }

    public boolean sameShape(int[] other) { return Arrays.equals(shape, other); }

    /** numpy's shape text: (), (3,), (2, 3). */
    public static String shapeString(int[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return "NDArray(" + dtype.pyName() + ", " + shapeString(shape) + ")";
    }
}
