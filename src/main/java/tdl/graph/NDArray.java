package tdl.graph;

import tdl.vocab.ErrorKind;
import java.util.Arrays;

/**
 * Run-time data: a dense row-major array of rank 0..4. Elements are stored as doubles whatever the
 * dtype, so a matrix's storage can be wrapped as an EJML {@code DMatrixRMaj} without copying.
 * It lives in the graph package because constants and shared variables own values.
 * Instances are mutable so compiled plans can reuse buffers; code that hands one out says whether
 * the caller may keep it.
 */
public final class NDArray {
    private final DType dtype;
    private final int[] shape;
    private final double[] data;

    public NDArray(DType dtype, int[] shape, double[] data) {
        if (shape.length > TensorType.MAX_RANK) {
            throw new GraphError(ErrorKind.VALUE_ERROR, "rank " + shape.length + " arrays are not supported (rank 0 to 4)");
        }
        long n = sizeOf(shape);
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " elements, got " + data.length);
        }
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data;
    }

    public static NDArray zeros(DType dtype, int... shape) {
        return new NDArray(dtype, shape, Memory.doubles(shape, dtype));
    }

    public static NDArray scalar(DType dtype, double value) {
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

    public int size() { return data.length; }

    /** The storage, row-major; writes are visible to every holder of this array. */
    public double[] data() { return data; }

    public TensorType type() { return new TensorType(dtype, shape.length); }

    /** The single element of a size-1 array. */
    public double item() {
        if (data.length != 1) throw new GraphError(ErrorKind.VALUE_ERROR, "only size-1 arrays can be converted to a number, shape is " + shapeString(shape));
        return data[0];
    }

    public NDArray copy() { return new NDArray(dtype, shape, data.clone()); }

    /** Same data, other shape (sizes must agree). */
    public NDArray reshape(int... newShape) { return new NDArray(dtype, newShape, data); }

    /** A copy converted to another dtype. */
    public NDArray astype(DType to) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) d[i] = to.coerce(data[i]);
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
