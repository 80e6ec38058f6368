package tdl.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Add, subtract, multiply and divide over arrays read at offsets of their own, a vector at a time,
 * for the chunks of {@link FusedKernel} and {@link FloatFusedKernel}. C2's auto-vectoriser (JDK 17)
 * leaves such a loop mostly scalar when its three arrays start at unrelated offsets, as a chunk's
 * input, scratch row and output do: 0.33 ns an element against 0.17 here. Each lane is one IEEE
 * operation, as in the scalar loop, so the bits are the same. Each method does the whole vectors of
 * [0, n) and returns how many elements that was; the caller's scalar loop does the rest. Loaded only
 * when {@link Gemm#VECTOR} is true; written to {@link VectorKernels}' rules, and every loop here is
 * a compile root ({@link VectorCompileRoots}).
 */
final class VectorArith {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final Class<? extends DoubleVector> EXACT_D = VectorKernels.exact(D);
    private static final Class<? extends FloatVector> EXACT_F = F.vectorType().asSubclass(FloatVector.class);

    static {
        VectorKernels.compileRootsProblem(); // the compile-root directive before any loop here runs
    }

    private VectorArith() {}

    static int add(double[] x, int xo, double[] y, int yo, double[] o, int oo, int n) {
        int l = D.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) addOne(x, xo + i, y, yo + i, o, oo + i);
        return done;
    }

    static int sub(double[] x, int xo, double[] y, int yo, double[] o, int oo, int n) {
        int l = D.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) subOne(x, xo + i, y, yo + i, o, oo + i);
        return done;
    }

    static int mul(double[] x, int xo, double[] y, int yo, double[] o, int oo, int n) {
        int l = D.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) mulOne(x, xo + i, y, yo + i, o, oo + i);
        return done;
    }

    static int div(double[] x, int xo, double[] y, int yo, double[] o, int oo, int n) {
        int l = D.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) divOne(x, xo + i, y, yo + i, o, oo + i);
        return done;
    }

    static int add(float[] x, int xo, float[] y, int yo, float[] o, int oo, int n) {
        int l = F.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) addOne(x, xo + i, y, yo + i, o, oo + i);
        return done;
    }

    static int sub(float[] x, int xo, float[] y, int yo, float[] o, int oo, int n) {
        int l = F.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) subOne(x, xo + i, y, yo + i, o, oo + i);
        return done;
    }

    static int mul(float[] x, int xo, float[] y, int yo, float[] o, int oo, int n) {
        int l = F.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) mulOne(x, xo + i, y, yo + i, o, oo + i);
        return done;
    }

    static int div(float[] x, int xo, float[] y, int yo, float[] o, int oo, int n) {
        int l = F.length(), done = n - n % l;
        for (int i = 0; i < done; i += l) divOne(x, xo + i, y, yo + i, o, oo + i);
        return done;
    }

    private static void addOne(double[] x, int xi, double[] y, int yi, double[] o, int oi) {
        EXACT_D.cast(DoubleVector.fromArray(D, x, xi).add(DoubleVector.fromArray(D, y, yi))).intoArray(o, oi);
    }

    private static void subOne(double[] x, int xi, double[] y, int yi, double[] o, int oi) {
        EXACT_D.cast(DoubleVector.fromArray(D, x, xi).sub(DoubleVector.fromArray(D, y, yi))).intoArray(o, oi);
    }

    private static void mulOne(double[] x, int xi, double[] y, int yi, double[] o, int oi) {
        EXACT_D.cast(DoubleVector.fromArray(D, x, xi).mul(DoubleVector.fromArray(D, y, yi))).intoArray(o, oi);
    }

    private static void divOne(double[] x, int xi, double[] y, int yi, double[] o, int oi) {
        EXACT_D.cast(DoubleVector.fromArray(D, x, xi).div(DoubleVector.fromArray(D, y, yi))).intoArray(o, oi);
    }

    private static void addOne(float[] x, int xi, float[] y, int yi, float[] o, int oi) {
        EXACT_F.cast(FloatVector.fromArray(F, x, xi).add(FloatVector.fromArray(F, y, yi))).intoArray(o, oi);
    }

    private static void subOne(float[] x, int xi, float[] y, int yi, float[] o, int oi) {
        EXACT_F.cast(FloatVector.fromArray(F, x, xi).sub(FloatVector.fromArray(F, y, yi))).intoArray(o, oi);
    }

    private static void mulOne(float[] x, int xi, float[] y, int yi, float[] o, int oi) {
        EXACT_F.cast(FloatVector.fromArray(F, x, xi).mul(FloatVector.fromArray(F, y, yi))).intoArray(o, oi);
    }

    private static void divOne(float[] x, int xi, float[] y, int yi, float[] o, int oi) {
        EXACT_F.cast(FloatVector.fromArray(F, x, xi).div(FloatVector.fromArray(F, y, yi))).intoArray(o, oi);
    }
}
