package tdl.graph.ops;

import tdl.graph.DType;

/**
 * The dtype a Python number takes when a script mixes it into a graph: Theano 1.0's
 * {@code NumpyAutocaster} under {@code config.cast_policy = 'custom'} (theano/scalar/basic.py,
 * {@code autocast_int} and {@code autocast_float}). The constant then keeps that dtype, and the
 * elementwise op upcasts as numpy does, so {@code x_float32 * 2.0} stays float32 while
 * {@code x_float32 * 0.1} is float64 unless floatX is float32.
 */
public final class Autocast {
    private Autocast() {}

    /** The smallest of int8, int16, int32, int64 that holds {@code v}. */
    public static DType ofInt(long v) {
        if (v == (byte) v) return DType.INT8;
        if (v == (short) v) return DType.INT16;
        if (v == (int) v) return DType.INT32;
        return DType.INT64;
    }

    /**
     * floatX when it is float32 (Theano's "unsafe downcast" of Python floats); otherwise float32
     * when the value is exactly a float32 (2.0, 0.5, inf, nan), else float64.
     */
    public static DType ofFloat(double v, DType floatX) {
        if (floatX == DType.FLOAT32) return DType.FLOAT32;
        // numpy's x == float32(x): false for nan, so Theano leaves nan float64
        return (double) (float) v == v ? DType.FLOAT32 : DType.FLOAT64;
    }
}
